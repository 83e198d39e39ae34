// Child process that sends HTTP load to a server that another child runs. The parent sends
// `{ type: 'run', url, paths, headers, concurrency, maxRequests, maxSeconds }` over IPC. The
// generator keeps `concurrency` requests in flight on keep-alive connections, cycling through
// `paths` in order, until it has sent `maxRequests` or `maxSeconds` have passed, and replies
// `{ type: 'result', completed, elapsedMs, latenciesMs, statuses, errorCount, errors }`.
import http from 'node:http';

/** Number of distinct error messages a result carries; the rest are only counted. */
const MAX_ERROR_MESSAGES = 5;

process.send({ type: 'ready' });
process.on('message', (message) => {
  if (message.type === 'run') {
    runLoad(message).then(
      (result) => process.send({ type: 'result', ...result }),
      (error) => process.send({ type: 'error', error: error.stack ?? String(error) }),
    );
  } else if (message.type === 'close') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));

async function runLoad({ url, paths, headers, concurrency, maxRequests, maxSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs = [];
  const statuses = {};
  const errors = new Set();
  let errorCount = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;

  async function worker() {
    while (sent < maxRequests && performance.now() < deadline) {
      const requestPath = paths[sent % paths.length];
      sent += 1;
      const begin = performance.now();
      try {
        const status = await get(agent, new URL(requestPath, url), headers);
        latenciesMs.push(performance.now() - begin);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch (error) {
        errorCount += 1;
        if (errors.size < MAX_ERROR_MESSAGES) errors.add(`${requestPath}: ${error.message}`);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return {
    completed: latenciesMs.length,
    elapsedMs: performance.now() - started,
    latenciesMs,
    statuses,
    errorCount,
    errors: [...errors],
  };
}

/** Sends one GET, reads the whole body and resolves with the status code. */
function get(agent, target, headers) {
  return new Promise((resolve, reject) => {
    const request = http.get(target, { agent, headers }, (response) => {
      response.on('error', reject);
      response.on('end', () => resolve(response.statusCode));
      response.resume();
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error('timed out after 30 s')));
  });
}
