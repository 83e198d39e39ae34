import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from '@pulse-engagement/mock';

/** Settings read from the command line and the environment. */
export interface CliSettings {
  host: string;
  port: number;
  /** Absolute path of the document to mock, or undefined for the bundled spec. */
  spec: string | undefined;
  help: boolean;
}

/** Invalid command-line or environment value. main prints its message and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Environment variable that sets the port when --port is not given. */
export const PORT_ENV = 'PULSE_MOCK_PORT';

/** Help text printed by --help. */
export const USAGE = `Usage: node apps/mock-server/dist/main.js [options]

Serves a mock of the Pulse Engagement Cloud API from its OpenAPI document.

Options:
  --host <host>   Interface to listen on (default: ${DEFAULT_HOST})
  --port <port>   TCP port from 0 to 65535; 0 picks a free port
                  (default: $${PORT_ENV} or ${DEFAULT_PORT})
  --spec <path>   OpenAPI document to mock, JSON or YAML
                  (default: spec/dist/openapi.json from @pulse-engagement/spec)
  --help          Print this help and exit

Requests need the headers "Authorization: API-TOKEN <token>" and "X-Account: <account id>".
Send "Prefer: code=404" or "Prefer: example=<name>" to choose a documented response.`;

/** Parses command-line arguments and PULSE_MOCK_PORT. Throws UsageError naming the bad value. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliSettings {
  let values: { host?: string; port?: string; spec?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        spec: { type: 'string' },
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
    spec: parseSpec(values.spec),
    help: values.help ?? false,
  };
}

function parseHost(host: string | undefined): string {
  if (host === undefined) {
    return DEFAULT_HOST;
  }
  if (host.trim() === '' || /\s/.test(host)) {
    throw new UsageError(
      `Invalid --host ${JSON.stringify(host)}: pass a host name or IP address such as ${DEFAULT_HOST}.`,
    );
  }
  return host;
}

function parsePort(flag: string | undefined, fromEnv: string | undefined): number {
  if (flag !== undefined) {
    return toPort(flag, '--port');
  }
  if (fromEnv !== undefined && fromEnv !== '') {
    return toPort(fromEnv, PORT_ENV);
  }
  return DEFAULT_PORT;
}

function toPort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(
      `Invalid ${source} ${JSON.stringify(value)}: use an integer from 0 to 65535, or 0 to pick a free port.`,
    );
  }
  return port;
}

function parseSpec(spec: string | undefined): string | undefined {
  if (spec === undefined) {
    return undefined;
  }
  const path = resolve(spec);
  if (spec.trim() === '' || !existsSync(path)) {
    throw new UsageError(
      `Invalid --spec ${JSON.stringify(spec)}: no file at ${path}. Pass the path of an OpenAPI JSON or YAML file, or omit --spec to use the bundled spec.`,
    );
  }
  return path;
}
