import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SERVE = fileURLToPath(new URL('../src/serve.mjs', import.meta.url));
// Starting the server needs the built page, so run `npm run build` first.
const PAGE_PATH = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const STARTUP_TIMEOUT_MS = 10_000;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: ChildProcess[] = [];
const blockers: Server[] = [];

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [SERVE, ...args], {
    env: { ...process.env, PULSE_DOCS_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitForUrl(serve: Run): Promise<string> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /Docs available at (http:\/\/\S+)/.exec(serve.stdout());
    if (match?.[1]) {
      return match[1];
    }
    if (serve.child.exitCode !== null) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Docs server printed no URL. stdout: ${serve.stdout()} stderr: ${serve.stderr()}`,
  );
}

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
  for (const blocker of blockers.splice(0)) {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

describe('serve.mjs', () => {
  it('prints help and exits 0', async () => {
    const serve = run(['--help']);
    expect(await serve.exit).toBe(0);
    expect(serve.stdout()).toContain('--port <port>');
    expect(serve.stdout()).toContain('PULSE_DOCS_PORT');
  });

  it('exits 2 on an invalid port', async () => {
    const serve = run(['--port', 'eighty']);
    expect(await serve.exit).toBe(2);
    expect(serve.stderr()).toContain('Invalid --port "eighty"');
  });

  it('exits 2 on an invalid PULSE_DOCS_PORT', async () => {
    const serve = run([], { PULSE_DOCS_PORT: '99999' });
    expect(await serve.exit).toBe(2);
    expect(serve.stderr()).toContain('Invalid PULSE_DOCS_PORT "99999"');
  });

  it.runIf(existsSync(PAGE_PATH))('serves the page and stops on SIGTERM', async () => {
    const serve = run(['--port', '0']);
    const url = await waitForUrl(serve);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<!DOCTYPE html>');

    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
  });

  it.runIf(existsSync(PAGE_PATH))('names the port when it is in use', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    const serve = run(['--port', String(port)]);
    expect(await serve.exit).toBe(1);
    expect(serve.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(serve.stderr()).toContain('PULSE_DOCS_PORT');
  });
});
