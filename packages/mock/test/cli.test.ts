import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, TOKEN } from './helpers.js';

// These tests run the built command, as npm links it, so run `npm run build` first.
const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
// A loaded 2-core machine has taken several seconds to start node and read a document.
const STARTUP_TIMEOUT_MS = 30_000;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'pulse-mock-cli-'));

// Runs the file itself, not `node file`, so that the shebang and the executable bit are tested.
function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(BIN, args, {
    env: { ...process.env, PULSE_MOCK_PORT: '', PULSE_MOCK_MODE: '', PULSE_MOCK_SEED: '', ...env },
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

async function waitForUrl(cli: Run): Promise<string> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline && cli.child.exitCode === null) {
    const match = /Mock server listening on (http:\/\/\S+)/.exec(cli.stdout());
    if (match?.[1] !== undefined) {
      return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `The command printed no URL within ${STARTUP_TIMEOUT_MS} ms. stderr: ${cli.stderr()}`,
  );
}

async function stop(cli: Run): Promise<number | null> {
  cli.child.kill('SIGTERM');
  return cli.exit;
}

async function getText(
  url: string,
  headers: Record<string, string> = CREDENTIALS,
): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGKILL');
    }
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pulse-mock command', { timeout: 60_000 }, () => {
  beforeAll(() => {
    if (!existsSync(BIN)) {
      throw new Error(
        `${BIN} not found. Run \`npm run build -w @pulse-engagement/mock\` before these tests.`,
      );
    }
  });

  it('prints help and exits 0', async () => {
    const cli = run(['--help']);

    expect(await cli.exit).toBe(0);
    expect(cli.stdout()).toContain('Usage: pulse-mock [options]');
    expect(cli.stdout()).toContain('--seed-data <file>');
  });

  it.each([
    [['--mode', 'fast'], {}, 'Invalid --mode "fast"'],
    [['--seed', ''], {}, 'Invalid --seed ""'],
    [['--port', 'x'], {}, 'Invalid --port "x"'],
    [[], { PULSE_MOCK_MODE: 'live' }, 'Invalid PULSE_MOCK_MODE "live"'],
    [['--seed-data', FIXTURE_PATH], {}, 'seed data is only used in stateful mode'],
    [['--unknown'], {}, "Unknown option '--unknown'"],
  ])('exits 2 for %j %j', async (args, env, message) => {
    const cli = run(args, env);

    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toContain(message);
    expect(cli.stdout()).toBe('');
  });

  it.each([
    ['broken.json', '{"contacts": [', /failed to read it as JSON/],
    ['scalar.yaml', '42', /contains a number, but seed data must be an object or an array/],
  ])('exits 2 for seed data %s', async (name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const cli = run(['--mode', 'stateful', '--seed-data', path, '--spec', FIXTURE_PATH]);

    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toMatch(message);
    expect(cli.stderr()).toContain(path);
  });

  // The content is checked by the engine, which needs the bundled spec, not the fixture.
  it('exits 2 for seed data the engine rejects', async () => {
    const path = join(dir, 'text-id.json');
    writeFileSync(path, '{"contacts": [{"id": "x"}]}');
    const cli = run(['--mode', 'stateful', '--seed-data', path, '--port', '0']);

    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toContain(`Invalid --seed-data "${path}": the value at .contacts[0].id`);
    expect(cli.stdout()).toBe('');
  });

  it('serves, logs each request without secrets and stops on SIGTERM', async () => {
    const cli = run(['--port', '0', '--spec', FIXTURE_PATH]);
    const url = await waitForUrl(cli);

    const ok = await getText(
      `${url}/contacts/search?groups[]=contact_name&simpleSearch=hidden-query-value`,
    );
    const invalid = await getText(`${url}/contacts?sort[]=hidden-sort-value`);
    const unauthorized = await getText(`${url}/contacts`, { Authorization: `API-TOKEN ${TOKEN}` });
    const exitCode = await stop(cli);

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.stdout()).toContain(`Mock server listening on ${url} (static mode)`);
    expect([ok.status, invalid.status, unauthorized.status]).toEqual([200, 422, 401]);
    expect(exitCode).toBe(0);
    expect(cli.stderr()).toMatch(/^GET \/contacts\/search 200 searchContacts \d+ms$/m);
    expect(cli.stderr()).toMatch(
      /^GET \/contacts 422 listContacts \d+ms: query\.sort\[\] item 0 must match pattern/m,
    );
    expect(cli.stderr()).toMatch(
      /^GET \/contacts 401 listContacts \d+ms: Missing X-Account header/m,
    );
    expect(cli.stderr()).toContain('info: Mock server stopped');
    expect(invalid.text).toContain('hidden-sort-value');
    for (const secret of [TOKEN, ACCOUNT, 'hidden-query-value', 'hidden-sort-value']) {
      expect(cli.stderr()).not.toContain(secret);
      expect(cli.stdout()).not.toContain(secret);
    }
  });

  it('repeats dynamic bodies for a seed', async () => {
    const first = run(['--port', '0', '--spec', FIXTURE_PATH, '--mode', 'dynamic', '--seed', '42']);
    const second = run(['--port', '0', '--spec', FIXTURE_PATH], {
      PULSE_MOCK_MODE: 'dynamic',
      PULSE_MOCK_SEED: '42',
    });
    const other = run(['--port', '0', '--spec', FIXTURE_PATH, '--mode', 'dynamic', '--seed', '43']);
    const [firstUrl, secondUrl, otherUrl] = await Promise.all(
      [first, second, other].map(waitForUrl),
    );

    const bodies = await Promise.all(
      [firstUrl, secondUrl, otherUrl].map((url) => getText(`${url}/contacts/7`)),
    );
    await Promise.all([first, second, other].map(stop));

    expect(first.stdout()).toContain('(dynamic mode, seed 42)');
    expect(second.stdout()).toContain('(dynamic mode, seed 42)');
    expect(bodies.map((body) => body.status)).toEqual([200, 200, 200]);
    expect(bodies[1]?.text).toBe(bodies[0]?.text);
    expect(bodies[2]?.text).not.toBe(bodies[0]?.text);
  });

  it('replays a run from the printed random seed', async () => {
    const first = run(['--port', '0', '--spec', FIXTURE_PATH, '--mode', 'dynamic']);
    await waitForUrl(first);
    const seed = /seed ([0-9a-f]{8})\)/.exec(first.stdout())?.[1] as string;
    const replay = run([
      '--port',
      '0',
      '--spec',
      FIXTURE_PATH,
      '--mode',
      'dynamic',
      '--seed',
      seed,
    ]);
    const [firstUrl, replayUrl] = [/on (\S+)/.exec(first.stdout())?.[1], await waitForUrl(replay)];

    const original = await getText(`${firstUrl}/contacts`);
    const replayed = await getText(`${replayUrl}/contacts`);
    await Promise.all([first, replay].map(stop));

    expect(seed).toMatch(/^[0-9a-f]{8}$/);
    expect(original.status).toBe(200);
    expect(replayed.text).toBe(original.text);
  });

  it('stops on SIGINT with exit 0', async () => {
    const cli = run(['--port', '0', '--spec', FIXTURE_PATH]);
    await waitForUrl(cli);

    cli.child.kill('SIGINT');

    expect(await cli.exit).toBe(0);
    expect(cli.stderr()).toContain('Stopping the mock server signal="SIGINT"');
  });

  it('exits 1 when the port is taken', async () => {
    const first = run(['--port', '0', '--spec', FIXTURE_PATH]);
    const port = new URL(await waitForUrl(first)).port;

    const second = run(['--port', port, '--spec', FIXTURE_PATH]);

    expect(await second.exit).toBe(1);
    expect(second.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(await stop(first)).toBe(0);
  });
});
