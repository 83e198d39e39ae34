// A keep-alive HTTP server on 127.0.0.1 that returns one contact, the spec's first example of
// `GET /contacts/{id}`, for the per-request overhead benchmark. It runs in its own process, so
// that serving requests takes no CPU time from the process being measured. It sends
// `{ type: 'ready', url }` over IPC once listening, and stops on SIGTERM.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstResponseExample, readBundledSpec } from '../lib/spec.mjs';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { value: contact } = firstResponseExample(readBundledSpec(rootDir), '/contacts/{id}');
const body = Buffer.from(JSON.stringify(contact));
const contactPath = /^\/contacts\/\d+$/;
let requestCount = 0;

const server = createServer((request, response) => {
  requestCount++;
  // The API sends a request id with every response, and the clients read it.
  const headers = { 'X-Request-Id': `bench-${requestCount}` };
  if (request.method !== 'GET' || !contactPath.test(request.url ?? '')) {
    response.writeHead(404, { ...headers, 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ message: `No route for ${request.method} ${request.url}.` }));
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': body.length,
  });
  response.end(body);
});
// Node 20 closes idle keep-alive connections after 5 s by default (`server.keepAliveTimeout`),
// which a pause between rounds could exceed. Each client then pays for a new connection, which is not what is measured.
server.keepAliveTimeout = 120_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.send({ type: 'ready', url: `http://127.0.0.1:${port}` });
});

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
