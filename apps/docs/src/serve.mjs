#!/usr/bin/env node
// @ts-check
// Serves the built API reference: node apps/docs/src/serve.mjs [--host <address>] [--port <port>]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseServeOptions, PORT_ENV, USAGE, UsageError } from './options.mjs';
import { createStaticServer } from './static-server.mjs';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
// Upper bound for a graceful stop. Open connections are closed at once, so stopping is quick.
const SHUTDOWN_TIMEOUT_MS = 5000;

const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const INDEX_PATH = fileURLToPath(new URL('../dist/index.html', import.meta.url));

function main() {
  let options;
  try {
    options = parseServeOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  if (!existsSync(INDEX_PATH)) {
    process.stderr.write(
      `Docs page not found at ${INDEX_PATH}. Build it first: npm run build -w @pulse-engagement/docs\n`,
    );
    process.exit(EXIT_FAILURE);
  }

  const server = createStaticServer({
    root: DIST_DIR,
    onError: (error, request) => {
      process.stderr.write(
        `Failed to serve ${request.method} ${request.url}: ${describe(error)}\n`,
      );
    },
  });

  server.once('error', (error) => {
    process.stderr.write(`${describeListenError(error, options.host, options.port)}\n`);
    process.exit(EXIT_FAILURE);
  });

  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    process.stdout.write(`Docs available at ${formatUrl(options.host, port)}\n`);
  });

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => shutDown(server, signal));
  }
}

/**
 * @param {import('node:http').Server} server
 * @param {NodeJS.Signals} signal
 */
function shutDown(server, signal) {
  process.stderr.write(`Stopping the docs server (${signal})\n`);
  const timer = setTimeout(() => {
    process.stderr.write(
      `Timed out: the docs server did not stop within ${SHUTDOWN_TIMEOUT_MS} ms. Exiting anyway.\n`,
    );
    process.exit(EXIT_FAILURE);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();

  server.close((error) => {
    if (error) {
      process.stderr.write(`Failed to stop the docs server: ${describe(error)}\n`);
      process.exit(EXIT_FAILURE);
    }
    process.exit(0);
  });
  // close() waits for keep-alive connections that a browser may hold open for minutes.
  server.closeAllConnections();
}

/**
 * @param {NodeJS.ErrnoException} error
 * @param {string} host
 * @param {number} port
 */
function describeListenError(error, host, port) {
  if (error.code === 'EADDRINUSE') {
    return `Port ${port} on ${host} is already in use. Stop the process that uses it, or pass --port or set ${PORT_ENV} to a free port.`;
  }
  if (error.code === 'EACCES') {
    return `Permission denied to listen on ${host}:${port}. Use a port above 1023 with --port or ${PORT_ENV}.`;
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return `Address ${host} is not available on this machine. Pass a local address with --host, such as 127.0.0.1.`;
  }
  return `Failed to listen on ${host}:${port}: ${error.message}`;
}

/**
 * @param {string} host
 * @param {number} port
 */
function formatUrl(host, port) {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

main();
