// @ts-check
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

/** Environment variable that sets the port when --port is not given. */
export const PORT_ENV = 'PULSE_DOCS_PORT';

/** Help text printed by --help. */
export const USAGE = `Usage: node apps/docs/src/serve.mjs [options]

Serves the built API reference (apps/docs/dist) over HTTP.

Options:
  --host <address>  IP address or "localhost" to listen on (default: ${DEFAULT_HOST})
  --port <port>     TCP port from 0 to 65535; 0 picks a free port
                    (default: $${PORT_ENV} or ${DEFAULT_PORT})
  --help, -h        Print this help and exit

Build the page first with: npm run build -w @pulse-engagement/docs`;

/**
 * Settings read from the command line and the environment.
 * @typedef {{ host: string, port: number, help: boolean }} ServeOptions
 */

/** Invalid command-line or environment value. serve.mjs prints its message and exits with status 2. */
export class UsageError extends Error {
  name = 'UsageError';
}

/**
 * Parses the command-line arguments and PULSE_DOCS_PORT. Throws UsageError naming the bad value.
 * @param {string[]} argv arguments after the script path
 * @param {NodeJS.ProcessEnv} env
 * @returns {ServeOptions}
 */
export function parseServeOptions(argv, env) {
  /** @type {{ host?: string, port?: string, help?: boolean }} */
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${reason}. Run with --help to see the supported options.`);
  }

  return {
    host: parseHost(values.host),
    port: parsePort(values.port, env[PORT_ENV]),
    help: values.help ?? false,
  };
}

/** @param {string | undefined} host */
function parseHost(host) {
  if (host === undefined) {
    return DEFAULT_HOST;
  }
  // Host names other than localhost are rejected so the server never binds to an address
  // chosen by a DNS lookup.
  if (host !== 'localhost' && isIP(host) === 0) {
    throw new UsageError(
      `Invalid --host ${JSON.stringify(host)}: pass an IP address such as ${DEFAULT_HOST}, or "localhost".`,
    );
  }
  return host;
}

/**
 * @param {string | undefined} flag value of --port
 * @param {string | undefined} fromEnv value of PULSE_DOCS_PORT
 */
function parsePort(flag, fromEnv) {
  if (flag !== undefined) {
    return toPort(flag, '--port');
  }
  if (fromEnv !== undefined && fromEnv !== '') {
    return toPort(fromEnv, PORT_ENV);
  }
  return DEFAULT_PORT;
}

/**
 * @param {string} value
 * @param {string} source option or variable the value came from, named in the error
 */
function toPort(value, source) {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(
      `Invalid ${source} ${JSON.stringify(value)}: use an integer from 0 to 65535, or 0 to pick a free port.`,
    );
  }
  return port;
}
