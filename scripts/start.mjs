#!/usr/bin/env node
// @ts-check
// Runs the mock server and the API docs server side by side for local development, as
// `npm start` does after `npm run build`. Ctrl+C stops both, and if either stops, so does the other.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
// Generous, because a 2-core machine under heavy load has taken more than 20 s to start both.
const STARTUP_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 200;
const CONNECT_TIMEOUT_MS = 1_000;
// Time a server gets to stop after SIGTERM before it gets SIGKILL.
const STOP_TIMEOUT_MS = 5_000;
// Signals this soon after the first count as the same Ctrl+C.
const REPEAT_SIGNAL_GRACE_MS = 1_000;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} Service
 * @property {string} name used in messages
 * @property {string} label shown before the URL once the server is up
 * @property {string} tag prefixed to each line of the server's output
 * @property {string} entry script path relative to the repository root
 * @property {string[]} builtFiles files that `npm run build` writes and the server needs
 * @property {string} portEnv environment variable that sets the port
 * @property {number} defaultPort
 */

/** @type {Service[]} */
const SERVICES = [
  {
    name: 'mock server',
    label: 'Mock server',
    tag: 'mock',
    entry: 'apps/mock-server/dist/main.js',
    builtFiles: ['apps/mock-server/dist/main.js'],
    portEnv: 'PULSE_MOCK_PORT',
    defaultPort: 4010,
  },
  {
    name: 'docs server',
    label: 'API docs',
    tag: 'docs',
    entry: 'apps/docs/src/serve.mjs',
    builtFiles: ['apps/docs/dist/index.html'],
    portEnv: 'PULSE_DOCS_PORT',
    defaultPort: 8080,
  },
];

/**
 * A started server: its child process, port and a promise that settles when it exits.
 * @typedef {{ service: Service, port: number, child: import('node:child_process').ChildProcess, exited: Promise<void> }} Running
 */

/** @type {Running[]} */
const running = [];
let stopping = false;
/** Time of the first stop signal, in milliseconds since the epoch. */
let firstSignalAt = 0;

async function main() {
  const planned = SERVICES.map((service) => ({ service, port: readPort(service) }));
  checkDistinctPorts(planned);
  checkBuilt();
  for (const { service, port } of planned) {
    await checkPortFree(service, port);
  }

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => onSignal(signal));
  }
  // If this script crashes, the exit handler still kills the children, so none outlives it.
  process.on('exit', () => {
    for (const { child } of running) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });

  for (const { service, port } of planned) {
    running.push(startService(service, port));
  }

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const ready = await Promise.all(running.map(({ port }) => waitForPort(port, deadline)));
  if (stopping) {
    return;
  }
  const notReady = running.filter((_, index) => !ready[index]);
  if (notReady.length > 0) {
    const names = notReady.map(({ service, port }) => `the ${service.name} (port ${port})`);
    await stopAll(
      EXIT_FAILURE,
      `Timed out: ${names.join(' and ')} did not accept connections on ${HOST} within ${STARTUP_TIMEOUT_MS / 1000} s. Check the server output above.`,
    );
    return;
  }

  const width = Math.max(...running.map(({ service }) => service.label.length)) + 1;
  const lines = running.map(
    ({ service, port }) => `${`${service.label}:`.padEnd(width)} http://${HOST}:${port}`,
  );
  process.stdout.write(`\n${lines.join('\n')}\nPress Ctrl+C to stop.\n\n`);
}

/**
 * Reads the port from the service's environment variable, exiting with status 2 when invalid.
 * @param {Service} service
 */
function readPort(service) {
  const value = process.env[service.portEnv];
  if (value === undefined || value === '') {
    return service.defaultPort;
  }
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    fail(
      `Invalid ${service.portEnv} ${JSON.stringify(value)}: use an integer from 1 to 65535, such as ${service.defaultPort}.`,
      EXIT_USAGE,
    );
  }
  return port;
}

/** @param {{ service: Service, port: number }[]} planned */
function checkDistinctPorts(planned) {
  for (const [index, { service, port }] of planned.entries()) {
    const clash = planned.slice(index + 1).find((other) => other.port === port);
    if (clash) {
      fail(
        `Invalid ports: ${service.portEnv} and ${clash.service.portEnv} are both ${port}. Set one of them to another port.`,
        EXIT_USAGE,
      );
    }
  }
}

function checkBuilt() {
  for (const service of SERVICES) {
    for (const file of service.builtFiles) {
      if (!existsSync(`${REPO_ROOT}${file}`)) {
        fail(`Cannot start the ${service.name}: ${file} not found. Run \`npm run build\` first.`);
      }
    }
  }
}

/**
 * Exits with a message naming the port and its variable when another process listens there.
 * @param {Service} service
 * @param {number} port
 */
async function checkPortFree(service, port) {
  const probe = createServer();
  try {
    await new Promise((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ port, host: HOST, exclusive: true }, () => resolve(undefined));
    });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'EADDRINUSE') {
      fail(
        `Port ${port} on ${HOST} is already in use, so the ${service.name} cannot start. Stop the process that uses it, or set ${service.portEnv} to a free port.`,
      );
    }
    fail(
      `Cannot start the ${service.name} on ${HOST}:${port} (${code}). Set ${service.portEnv} to another port.`,
    );
  }
  await new Promise((resolve) => probe.close(resolve));
}

/**
 * Starts the server as a child node process and copies its output with a [tag] prefix.
 * @param {Service} service
 * @param {number} port
 * @returns {Running}
 */
function startService(service, port) {
  const child = spawn(process.execPath, [service.entry, '--host', HOST, '--port', String(port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  copyLines(child.stdout, process.stdout, service.tag);
  copyLines(child.stderr, process.stderr, service.tag);

  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) {
        const exitDescription = signal === null ? `with code ${code}` : `on ${signal}`;
        const others = SERVICES.filter((other) => other !== service).map((other) => other.name);
        void stopAll(
          EXIT_FAILURE,
          `The ${service.name} exited ${exitDescription}, so stopping the ${others.join(' and ')}.`,
        );
      }
      resolve();
    });
    // A child that failed to spawn emits 'error' and never 'exit'.
    child.once('error', (error) => {
      void stopAll(EXIT_FAILURE, `Failed to start the ${service.name}: ${error.message}`);
      if (child.pid === undefined) {
        resolve();
      }
    });
  });
  return { service, port, child, exited };
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
  if (stopping) {
    // One Ctrl+C can arrive twice: from the terminal, and forwarded by npm. Only a second
    // press, later than that, skips the graceful stop.
    if (Date.now() - firstSignalAt < REPEAT_SIGNAL_GRACE_MS) {
      return;
    }
    process.stderr.write(`Received ${signal} again, so sending SIGKILL to both servers.\n`);
    killAll('SIGKILL');
    return;
  }
  firstSignalAt = Date.now();
  void stopAll(0, `Received ${signal}, stopping both servers.`);
}

/**
 * Sends SIGTERM to every running server, then SIGKILL after STOP_TIMEOUT_MS, and exits.
 * @param {number} exitCode
 * @param {string} reason
 */
async function stopAll(exitCode, reason) {
  if (stopping) {
    return;
  }
  stopping = true;
  process.stderr.write(`${reason}\n`);

  killAll('SIGTERM');
  const killTimer = setTimeout(() => {
    process.stderr.write(
      `Servers still running ${STOP_TIMEOUT_MS} ms after SIGTERM, so sending SIGKILL.\n`,
    );
    killAll('SIGKILL');
    setTimeout(() => {
      process.stderr.write(
        'Timed out waiting for the servers to exit after SIGKILL. Exiting anyway.\n',
      );
      process.exit(EXIT_FAILURE);
    }, STOP_TIMEOUT_MS);
  }, STOP_TIMEOUT_MS);
  await Promise.all(running.map(({ exited }) => exited));
  clearTimeout(killTimer);
  process.exit(exitCode);
}

/** @param {NodeJS.Signals} signal */
function killAll(signal) {
  for (const { child } of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  }
}

/**
 * Polls until a TCP connection to the port succeeds. Returns false at the deadline, or as soon
 * as a stop has begun.
 * @param {number} port
 * @param {number} deadline epoch milliseconds
 */
async function waitForPort(port, deadline) {
  while (!stopping && Date.now() < deadline) {
    if (await canConnect(port)) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return false;
}

/** @param {number} port */
function canConnect(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    socket.setTimeout(CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {import('node:stream').Readable | null} input
 * @param {NodeJS.WritableStream} output
 * @param {string} tag
 */
function copyLines(input, output, tag) {
  if (input === null) {
    return;
  }
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
    output.write(`[${tag}] ${line}\n`);
  });
}

/**
 * Prints the message and exits. Only for failures before any server has started.
 * @param {string} message
 * @param {number} [exitCode]
 * @returns {never}
 */
function fail(message, exitCode = EXIT_FAILURE) {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

main().catch((error) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  void stopAll(EXIT_FAILURE, `Start failed: ${message}`);
});
