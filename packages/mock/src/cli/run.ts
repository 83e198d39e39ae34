import type { MockLogger } from '../logger.js';
import type { MockServer } from '../server.js';
import { parseCliArgs, USAGE, UsageError, type CliSettings } from './args.js';
import { readSeedData } from './seed-data.js';
import { createStderrLogger } from './stderr-logger.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
// Upper bound for a graceful stop. close() ends open connections, so stopping is normally quick.
const SHUTDOWN_TIMEOUT_MS = 5000;

/**
 * Runs the `pulse-mock` command: parses the arguments, starts the server, prints its URL to
 * stdout and logs each request to stderr until SIGINT or SIGTERM. Exits with status 2 for an
 * invalid argument and 1 when the server cannot start or stop.
 */
export async function runMockCli(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(argv, env);
  } catch (error) {
    process.stderr.write(
      `Mock server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT_FAILURE);
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  let settings: CliSettings;
  let seedData: object | undefined;
  try {
    settings = parseCliArgs(argv, env);
    seedData =
      settings.seedDataPath === undefined ? undefined : await readSeedData(settings.seedDataPath);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }

  if (settings.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const logger = createStderrLogger();
  let server: MockServer;
  try {
    // Loaded only now, because Prism takes seconds to load and --help or a usage error need none of it.
    const { startMockServer } = await import('../server.js');
    server = await startMockServer({
      document: settings.spec,
      host: settings.host,
      port: settings.port,
      logger,
      mode: settings.mode,
      seed: settings.seed,
      seedData,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The engine checks the seed data's content only when it starts, and names the option, so
    // the command names the file instead and treats it as the usage error it is.
    const seedDataProblem = /Invalid options\.seedData(.*)$/s.exec(message);
    if (seedDataProblem !== null && settings.seedDataPath !== undefined) {
      process.stderr.write(
        `Invalid --seed-data "${settings.seedDataPath}": the value at ${seedDataProblem[1] || 'its top level'}\n`,
      );
      process.exit(EXIT_USAGE);
    }
    process.stderr.write(`Failed to start the mock server: ${message}\n`);
    process.exit(EXIT_FAILURE);
  }

  const seed = server.seed !== undefined && server.mode !== 'static' ? `, seed ${server.seed}` : '';
  process.stdout.write(`Mock server listening on ${server.url} (${server.mode} mode${seed})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutDown(server, signal, logger));
  }
}

async function shutDown(server: MockServer, signal: string, logger: MockLogger): Promise<void> {
  logger.info({ signal }, 'Stopping the mock server');
  const timer = setTimeout(() => {
    logger.error(
      { timeoutMs: SHUTDOWN_TIMEOUT_MS },
      'Mock server did not stop in time; exiting anyway',
    );
    process.exit(EXIT_FAILURE);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();

  try {
    await server.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'Failed to stop the mock server');
    process.exit(EXIT_FAILURE);
  }
}
