// Runs `node scripts/start.mjs` as `npm start` does after the build, on free ports, and checks
// that both servers respond, that Ctrl+C (SIGINT) exits 0, and that no port stays open.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../start.mjs', import.meta.url));
const startupTimeoutMs = 90_000;

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function isListening(port) {
  const probe = createServer();
  probe.listen(port, '127.0.0.1');
  const [event] = await Promise.race([once(probe, 'listening'), once(probe, 'error')]).then(
    () => ['listening'],
    () => ['error'],
  );
  if (event === 'listening') {
    probe.close();
    await once(probe, 'close');
    return false;
  }
  return true;
}

/** Resolves with the output once it contains `text`; rejects at the deadline. */
function waitForOutput(child, text, timeoutMs) {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`start.mjs did not print ${JSON.stringify(text)}:\n${output}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
  });
}

/** Resolves once `read()` contains `text`, polling every 5 ms; rejects at the deadline. */
async function waitForStderr(read, text, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!read().includes(text)) {
    if (Date.now() > deadline) {
      throw new Error(`start.mjs did not print "${text}" within ${timeoutMs} ms:\n${read()}`);
    }
    await delay(5);
  }
}

/**
 * Starts `start.mjs` on free ports and waits for both servers. With `ownGroup`, the script
 * leads its own process group, as `npm start` does in a terminal.
 */
async function startServers({ ownGroup = false } = {}) {
  const mockPort = await freePort();
  const docsPort = await freePort();
  const child = spawn(process.execPath, [startScript], {
    env: { ...process.env, PULSE_MOCK_PORT: String(mockPort), PULSE_DOCS_PORT: String(docsPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: ownGroup,
  });
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  try {
    const output = await waitForOutput(child, 'Press Ctrl+C to stop.', startupTimeoutMs);
    return { child, exited, mockPort, docsPort, output, stderr: () => stderr };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

test('start serves the mock and the docs, then stops on SIGINT', async () => {
  const { child, exited, mockPort, docsPort, output } = await startServers();

  try {
    assert.match(output, new RegExp(`Mock server: http://127\\.0\\.0\\.1:${mockPort}`));
    assert.match(output, new RegExp(`API docs:\\s+http://127\\.0\\.0\\.1:${docsPort}`));

    const contacts = await fetch(`http://127.0.0.1:${mockPort}/contacts`, {
      headers: {
        Authorization: 'API-TOKEN 00000000-0000-4000-8000-000000000001',
        'X-Account': '00000000-0000-4000-8000-000000000002',
      },
    });
    assert.equal(contacts.status, 200);
    const docs = await fetch(`http://127.0.0.1:${docsPort}/`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /Pulse Engagement Cloud API/);
  } finally {
    child.kill('SIGINT');
  }

  const [code] = await exited;
  assert.equal(code, 0);
  assert.equal(await isListening(mockPort), false);
  assert.equal(await isListening(docsPort), false);
});

// A terminal sends Ctrl+C to the whole process group, and npm forwards it once more, so the
// script and both servers can each receive SIGINT twice within milliseconds.
test('start stops gracefully when one Ctrl+C arrives twice', async () => {
  const { child, exited, mockPort, docsPort, stderr } = await startServers({ ownGroup: true });

  process.kill(-child.pid, 'SIGINT');
  // Signals that arrive before the first is handled merge into one, so the repeat waits until
  // the script reports the first.
  await waitForStderr(stderr, 'stopping both servers', 5_000);
  child.kill('SIGINT');

  const [code] = await exited;
  assert.equal(code, 0);
  assert.doesNotMatch(stderr(), /SIGKILL/);
  assert.equal(await isListening(mockPort), false);
  assert.equal(await isListening(docsPort), false);
});
