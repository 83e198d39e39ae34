import {
  createPulseClient,
  type PulseClient,
  type PulseClientOptions,
  type PulseErrorEvent,
  type PulseRequestEvent,
  type PulseResponseEvent,
  type PulseRetryEvent,
} from '../../src/index.js';

export const apiToken = '0b7c7a8e-3f1d-4c52-9a61-2f4e8d9c1b30';
export const accountId = '6d2f1e4a-9b8c-4d7e-a1f0-3c5b7e9d2a14';

/** Every event a client reported, in order, tagged with its hook name. */
export type RecordedEvent =
  | { hook: 'onRequest'; event: PulseRequestEvent }
  | { hook: 'onResponse'; event: PulseResponseEvent }
  | { hook: 'onRetry'; event: PulseRetryEvent }
  | { hook: 'onError'; event: PulseErrorEvent };

/**
 * Creates a client for a test server with short retry delays, recording its hook events and
 * log lines. Options override the test defaults.
 */
export function testClient(
  baseUrl: string,
  options: Partial<PulseClientOptions> = {},
): { pulse: PulseClient; events: RecordedEvent[]; logLines: unknown[][] } {
  const events: RecordedEvent[] = [];
  const logLines: unknown[][] = [];
  const record = (level: string) => (fields: object, message: string) =>
    logLines.push([level, fields, message]);
  const pulse = createPulseClient({
    apiToken,
    accountId,
    baseUrl,
    retry: { baseDelayMs: 10, maxDelayMs: 2_000 },
    timeoutMs: 5_000,
    hooks: {
      onRequest: (event) => events.push({ hook: 'onRequest', event }),
      onResponse: (event) => events.push({ hook: 'onResponse', event }),
      onRetry: (event) => events.push({ hook: 'onRetry', event }),
      onError: (event) => events.push({ hook: 'onError', event }),
    },
    logger: {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    },
    ...options,
  });
  return { pulse, events, logLines };
}

/** Returns the rejection of `promise`, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to reject, but it resolved.');
}
