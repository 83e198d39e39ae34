import { startMockServer, type MockServer } from '@pulse-engagement/mock';
import { parseCliArgs, USAGE, UsageError, type CliSettings } from './args.js';
import { createStderrLogger } from './stderr-logger.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
// Upper bound for a graceful stop. close() ends open connections, so stopping is normally quick.
const SHUTDOWN_TIMEOUT_MS = 5000;

async function main(): Promise<void> {
  let settings: CliSettings;
  try {
    settings = parseCliArgs(process.argv.slice(2), process.env);
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
    server = await startMockServer({
      document: settings.spec,
      host: settings.host,
      port: settings.port,
      logger,
    });
  } catch (error) {
    process.stderr.write(
      `Failed to start the mock server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(EXIT_FAILURE);
  }

  process.stdout.write(`Mock server listening on ${server.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutDown(server, signal, logger));
  }
}

async function shutDown(
  server: MockServer,
  signal: string,
  logger: ReturnType<typeof createStderrLogger>,
): Promise<void> {
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

main().catch((error: unknown) => {
  process.stderr.write(
    `Mock server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(EXIT_FAILURE);
});
