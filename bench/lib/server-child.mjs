// Child process that serves one benchmark target on 127.0.0.1 and a free port. It takes these
// messages over IPC and replies to each:
//
//   { type: 'start', kind, body }  ->  { type: 'ready', url }
//     `kind` is `trivial` (a node:http server that returns `body` to every request) or a mock
//     mode (`static`, `dynamic`, `stateful`) of `startMockServer` from packages/mock/dist.
//   { type: 'profile-start' }      ->  { type: 'profiling' }
//   { type: 'profile-stop' }       ->  { type: 'profile', profile }, a V8 CPU profile
//
// A message that fails gets `{ type: 'error', error }` instead. `{ type: 'close' }` or a lost
// channel stops the server and exits.
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mockEntry = path.join(rootDir, 'packages', 'mock', 'dist', 'index.js');

let server;
let closing = false;

let profiler;

const handlers = {
  start: async (message) => ({ type: 'ready', url: await start(message) }),
  'profile-start': async () => {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return { type: 'profiling' };
  },
  'profile-stop': async () => {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    return { type: 'profile', profile };
  },
};

process.on('message', (message) => {
  if (message.type === 'close') {
    closeAndExit();
    return;
  }
  const handler = handlers[message.type];
  if (!handler) {
    process.send({ type: 'error', error: `Unknown message type ${message.type}` });
    return;
  }
  handler(message).then(
    (reply) => process.send(reply),
    (error) => process.send({ type: 'error', error: error.stack ?? String(error) }),
  );
});
process.on('disconnect', closeAndExit);

const MOCK_MODES = ['static', 'dynamic', 'stateful'];

async function start({ kind, body }) {
  if (kind === 'trivial') return startTrivialServer(body);
  if (!MOCK_MODES.includes(kind)) {
    throw new Error(
      `Invalid server kind ${kind}. Use trivial or a mock mode: ${MOCK_MODES.join(', ')}.`,
    );
  }

  const { startMockServer } = await import(pathToFileURL(mockEntry).href).catch((error) => {
    throw new Error(`Cannot load ${mockEntry}. Run npm run build first.`, { cause: error });
  });
  server = await startMockServer({ host: '127.0.0.1', port: 0, mode: kind, seed: 'bench' });
  return server.url;
}

function startTrivialServer(body) {
  const payload = Buffer.from(body);
  const http = createServer((request, response) => {
    request.resume();
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': payload.length,
    });
    response.end(payload);
  });
  server = {
    close: () => {
      http.closeAllConnections();
      return new Promise((resolve) => http.close(resolve));
    },
  };
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${http.address().port}`));
  });
}

async function closeAndExit() {
  if (closing) return;
  closing = true;
  try {
    await server?.close();
  } finally {
    process.exit(0);
  }
}
