// Starts the trivial server child and the load generator the mock suite uses, on 127.0.0.1 and
// a free port, and checks the load results, the profile and that both children exit.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { requestChild, runCommand, startChild, stopChild } from '../lib/child-process.mjs';

const libDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'lib');
const timeout = 60_000;

/** Resolves with whether a TCP connection to `url` succeeds. */
function accepts(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('load generator measures the trivial server', { timeout }, async () => {
  const body = JSON.stringify({ id: 1024, firstName: 'Jane' });
  const server = await startChild(path.join(libDir, 'server-child.mjs'), {
    message: { type: 'start', kind: 'trivial', body },
    timeoutMs: timeout,
  });
  const generator = await startChild(path.join(libDir, 'load-generator.mjs'), {
    timeoutMs: timeout,
  });
  try {
    assert.match(server.ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);

    const result = await requestChild(
      generator.child,
      {
        type: 'run',
        url: server.ready.url,
        paths: ['/contacts', '/contacts/1024'],
        headers: { 'X-Account': '00000000-0000-4000-8000-000000000002' },
        concurrency: 4,
        maxRequests: 50,
        maxSeconds: 20,
      },
      timeout,
    );

    assert.equal(result.type, 'result');
    assert.equal(result.completed, 50);
    assert.deepEqual(result.statuses, { 200: 50 });
    assert.equal(result.errorCount, 0);
    assert.equal(result.latenciesMs.length, 50);
    assert.ok(result.latenciesMs.every((ms) => ms > 0));
  } finally {
    await stopChild(generator.child);
    await stopChild(server.child);
  }

  assert.notEqual(server.child.exitCode, null);
  assert.notEqual(generator.child.exitCode, null);
  assert.equal(await accepts(server.ready.url), false);
});

test('load generator stops at maxSeconds', { timeout }, async () => {
  const generator = await startChild(path.join(libDir, 'load-generator.mjs'), {
    timeoutMs: timeout,
  });
  const server = await startChild(path.join(libDir, 'server-child.mjs'), {
    message: { type: 'start', kind: 'trivial', body: '{}' },
    timeoutMs: timeout,
  });
  try {
    const result = await requestChild(
      generator.child,
      {
        type: 'run',
        url: server.ready.url,
        paths: ['/'],
        headers: {},
        concurrency: 2,
        maxRequests: Number.MAX_SAFE_INTEGER,
        maxSeconds: 0.5,
      },
      timeout,
    );

    assert.ok(result.completed > 0);
    assert.ok(result.elapsedMs < 10_000, `ran ${result.elapsedMs} ms`);
  } finally {
    await stopChild(generator.child);
    await stopChild(server.child);
  }
});

test('load generator counts failed requests', { timeout }, async () => {
  const generator = await startChild(path.join(libDir, 'load-generator.mjs'), {
    timeoutMs: timeout,
  });
  const server = await startChild(path.join(libDir, 'server-child.mjs'), {
    message: { type: 'start', kind: 'trivial', body: '{}' },
    timeoutMs: timeout,
  });
  const { url } = server.ready;
  await stopChild(server.child);
  try {
    const result = await requestChild(
      generator.child,
      {
        type: 'run',
        url,
        paths: ['/'],
        headers: {},
        concurrency: 2,
        maxRequests: 4,
        maxSeconds: 5,
      },
      timeout,
    );

    assert.equal(result.completed, 0);
    assert.equal(result.errorCount, 4);
    assert.match(result.errors[0], /ECONNREFUSED/);
  } finally {
    await stopChild(generator.child);
  }
});

test('server child records a CPU profile', { timeout }, async () => {
  const server = await startChild(path.join(libDir, 'server-child.mjs'), {
    message: { type: 'start', kind: 'trivial', body: '{}' },
    timeoutMs: timeout,
  });
  try {
    await requestChild(server.child, { type: 'profile-start' }, timeout);
    for (let index = 0; index < 20; index += 1) await fetch(server.ready.url);
    const { profile } = await requestChild(server.child, { type: 'profile-stop' }, timeout);

    assert.ok(profile.nodes.length > 0);
    assert.equal(profile.samples.length, profile.timeDeltas.length);
  } finally {
    await stopChild(server.child);
  }
});

test('server child reports an unknown kind', { timeout }, async () => {
  await assert.rejects(
    startChild(path.join(libDir, 'server-child.mjs'), {
      message: { type: 'start', kind: 'dynamic-typo', body: '{}' },
      timeoutMs: timeout,
    }),
    /failed to start: .*dynamic-typo/s,
  );
});

test('runCommand ends a command at its time limit', { timeout }, async () => {
  const started = performance.now();

  await assert.rejects(
    runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
      cwd: process.cwd(),
      env: process.env,
      timeoutMs: 200,
    }),
    /timed out after 0\.2 s/,
  );
  assert.ok(performance.now() - started < 30_000);
});
