import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, MOCK_MODES, type MockMode } from '../options.js';

/** Settings read from the command line and the environment. */
export interface CliSettings {
  host: string;
  port: number;
  mode: MockMode;
  seed: string | undefined;
  /** Absolute path of the seed data file of stateful mode. */
  seedDataPath: string | undefined;
  /** Absolute path of the document to mock, or undefined for the bundled spec. */
  spec: string | undefined;
  help: boolean;
}

/** Invalid command-line or environment value. The command prints its message and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Environment variables that set an option when its flag is not given. */
export const OPTION_ENV = {
  host: 'PULSE_MOCK_HOST',
  port: 'PULSE_MOCK_PORT',
  mode: 'PULSE_MOCK_MODE',
  seed: 'PULSE_MOCK_SEED',
  'seed-data': 'PULSE_MOCK_SEED_DATA',
  spec: 'PULSE_MOCK_SPEC',
} as const;

type OptionName = keyof typeof OPTION_ENV;

/** Help text printed by --help. */
export const USAGE = `Usage: pulse-mock [options]

Serves a mock of the Pulse Engagement Cloud API from its OpenAPI document.

Options:
  --host <host>       Interface to listen on (default: ${DEFAULT_HOST})
  --port <port>       TCP port from 0 to 65535; 0 picks a free port (default: ${DEFAULT_PORT})
  --mode <mode>       How successful responses are built (default: static):
                        static    the documented examples
                        dynamic   bodies generated from the response schemas
                        stateful  responses from records that earlier requests created
  --seed <seed>       Integer or text that makes generated data repeatable
                      (default: a random seed, printed at start)
  --seed-data <file>  JSON or YAML records that stateful mode starts with
  --spec <file>       OpenAPI document to mock, JSON or YAML
                      (default: spec/dist/openapi.json from @pulse-engagement/spec)
  -h, --help          Print this help and exit

Each option can also be set by an environment variable, which the flag overrides:
${Object.values(OPTION_ENV).join(', ')}.

Requests need the headers "Authorization: API-TOKEN <token>" and "X-Account: <account id>".
Send "Prefer: code=404" or "Prefer: example=<name>" to choose a documented response.`;

/** Parses command-line arguments and the PULSE_MOCK_* variables. Throws UsageError naming the bad value. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliSettings {
  let values: Partial<Record<OptionName, string>> & { help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        mode: { type: 'string' },
        seed: { type: 'string' },
        'seed-data': { type: 'string' },
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

  // A flag wins over its variable, and an empty variable counts as unset.
  const read = (name: OptionName): { value: string; source: string } | undefined => {
    const flag = values[name];
    if (flag !== undefined) return { value: flag, source: `--${name}` };
    const fromEnv = env[OPTION_ENV[name]];
    return fromEnv === undefined || fromEnv === ''
      ? undefined
      : { value: fromEnv, source: OPTION_ENV[name] };
  };

  const mode = parseMode(read('mode'));
  return {
    host: parseHost(read('host')),
    port: parsePort(read('port')),
    mode,
    seed: parseSeed(read('seed')),
    seedDataPath: parseSeedDataPath(read('seed-data'), mode),
    spec: parseFilePath(
      read('spec'),
      'an OpenAPI JSON or YAML file, or omit it to use the bundled spec',
    ),
    help: values.help ?? false,
  };
}

type Setting = { value: string; source: string } | undefined;

function parseHost(setting: Setting): string {
  if (setting === undefined) {
    return DEFAULT_HOST;
  }
  if (setting.value.trim() === '' || /\s/.test(setting.value)) {
    throw new UsageError(
      `Invalid ${setting.source} ${JSON.stringify(setting.value)}: pass a host name or IP address such as ${DEFAULT_HOST}.`,
    );
  }
  return setting.value;
}

function parsePort(setting: Setting): number {
  if (setting === undefined) {
    return DEFAULT_PORT;
  }
  const port = Number(setting.value);
  if (!/^\d+$/.test(setting.value) || port > 65535) {
    throw new UsageError(
      `Invalid ${setting.source} ${JSON.stringify(setting.value)}: use an integer from 0 to 65535, or 0 to pick a free port.`,
    );
  }
  return port;
}

function parseMode(setting: Setting): MockMode {
  if (setting === undefined) {
    return 'static';
  }
  if ((MOCK_MODES as readonly string[]).includes(setting.value)) {
    return setting.value as MockMode;
  }
  throw new UsageError(
    `Invalid ${setting.source} ${JSON.stringify(setting.value)}: use ${MOCK_MODES.join(', ')}.`,
  );
}

function parseSeed(setting: Setting): string | undefined {
  if (setting === undefined) {
    return undefined;
  }
  // Control characters are rejected because the seed is printed in logs, one entry per line.
  if (setting.value.trim() === '' || /\p{Cc}/u.test(setting.value)) {
    throw new UsageError(
      `Invalid ${setting.source} ${JSON.stringify(setting.value)}: use an integer or text without control characters, such as 42 or demo.`,
    );
  }
  return setting.value;
}

function parseSeedDataPath(setting: Setting, mode: MockMode): string | undefined {
  if (setting === undefined) {
    return undefined;
  }
  if (mode !== 'stateful') {
    throw new UsageError(
      `Invalid ${setting.source}: seed data is only used in stateful mode, but the mode is ${mode}. Add --mode stateful, or remove ${setting.source}.`,
    );
  }
  return parseFilePath(setting, 'a JSON or YAML file of records');
}

function parseFilePath(setting: Setting, expected: string): string | undefined {
  if (setting === undefined) {
    return undefined;
  }
  const path = resolve(setting.value);
  if (setting.value.trim() === '' || !existsSync(path)) {
    throw new UsageError(
      `Invalid ${setting.source} ${JSON.stringify(setting.value)}: no file at ${path}. Pass the path of ${expected}.`,
    );
  }
  return path;
}
