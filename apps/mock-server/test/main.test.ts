import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// The tests run the compiled entry point, as `npm start` does, so run `npm run build` first.
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
// The mock package's fixture keeps these tests independent of the bundled spec.
const FIXTURE = fileURLToPath(
  new URL('../../../packages/mock/test/fixtures/openapi.json', import.meta.url),
);
const TOKEN = '0b1e7c3a-2d4f-4a6b-8c9d-1e2f3a4b5c6d';
const ACCOUNT = '77a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: ChildProcess[] = [];

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PULSE_MOCK_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

// Generous, because starting node and Prism has taken over 10 s on a loaded 2-core machine.
async function waitForUrl(process: Run, timeoutMs = 55_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Mock server listening on (http:\/\/\S+)/.exec(process.stdout());
    if (match?.[1] !== undefined) {
      return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The server printed no URL within ${timeoutMs} ms. stderr: ${process.stderr()}`);
}

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

// The entry point is a thin wrapper around the pulse-mock command, which the mock package tests
// in full. These tests check that arguments and the environment reach it, as `npm start` and
// scripts/start.mjs pass them.
describe('mock-server entry point', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) {
      throw new Error(
        `${MAIN} not found. Run \`npm run build -w @pulse-engagement/mock-server\` before these tests.`,
      );
    }
  });

  it('prints help and exits 0', async () => {
    const cli = run(['--help']);

    expect(await cli.exit).toBe(0);
    expect(cli.stdout()).toContain('Usage: pulse-mock [options]');
  });

  it('exits 2 for an invalid --port', async () => {
    const cli = run(['--port', 'abc']);

    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toContain('Invalid --port "abc"');
  });

  it('exits 2 for an invalid PULSE_MOCK_PORT', async () => {
    const cli = run([], { PULSE_MOCK_PORT: 'eighty' });

    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toContain('Invalid PULSE_MOCK_PORT "eighty"');
  });

  it('serves, logs without header values and stops on SIGTERM', async () => {
    const cli = run(['--host', '127.0.0.1', '--port', '0', '--spec', FIXTURE]);
    const url = await waitForUrl(cli);

    const response = await fetch(`${url}/contacts?simpleSearch=hidden-query-value`, {
      headers: { Authorization: `API-TOKEN ${TOKEN}`, 'X-Account': ACCOUNT },
      signal: AbortSignal.timeout(5000),
    });
    await response.text();
    cli.child.kill('SIGTERM');

    expect(response.status).toBe(200);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await cli.exit).toBe(0);
    expect(cli.stderr()).toMatch(/^GET \/contacts 200 listContacts \d+ms$/m);
    expect(cli.stderr()).not.toContain(TOKEN);
    expect(cli.stderr()).not.toContain(ACCOUNT);
    expect(cli.stderr()).not.toContain('hidden-query-value');
  });

  it('takes the mode and seed from the environment', async () => {
    const cli = run(['--port', '0', '--spec', FIXTURE], {
      PULSE_MOCK_MODE: 'dynamic',
      PULSE_MOCK_SEED: 'wrapper',
    });
    await waitForUrl(cli);
    cli.child.kill('SIGTERM');

    expect(cli.stdout()).toContain('(dynamic mode, seed wrapper)');
    expect(await cli.exit).toBe(0);
  });
});
