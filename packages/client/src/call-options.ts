import { PulseOptionsError } from './options-error.js';

/** Retry settings, per client or per call. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. Default 2, at most 10. */
  maxRetries?: number;
  /** Upper bound of the first backoff delay in ms; each retry doubles it. Default 500. */
  baseDelayMs?: number;
  /** Maximum wait before a retry, in ms, also for `Retry-After`. Default 30000. */
  maxDelayMs?: number;
}

/** Options that `createPulseClient` takes for every call and that one call can override. */
export interface PulseCallOptions {
  /** Retry settings for this call, merged over the client's. */
  retry?: RetryOptions;
  /** Time limit of each attempt in ms, from sending the request to reading the whole body. */
  timeoutMs?: number;
}

/** Retry and timeout settings with every default filled in. */
export interface ResolvedCallOptions {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

/**
 * Defaults of every call. Node's fetch (undici 6 in Node 20) waits up to 300 s for headers and
 * 300 s between body chunks. That is far longer than a backend request should hang on one API
 * call, so each attempt gets 30 s, which leaves room for a large page on a slow link. Two
 * retries with a 500 ms base ride out a brief outage without delaying a failure long. The
 * delay cap of 30 s is the `Retry-After` of the spec's own 429 example, so the client can
 * honour it.
 */
export const defaultCallOptions: Readonly<ResolvedCallOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
};

/** Upper bound of `maxRetries`, so a typo cannot make a call retry almost forever. */
export const maxRetriesLimit = 10;

// setTimeout fires at once for a delay above 2^31 - 1 ms, about 24.8 days.
const maxTimerMs = 2 ** 31 - 1;

/**
 * Merges `overrides` over `base` after validating them. Throws `PulseOptionsError` naming the
 * first invalid option, such as `retry.maxRetries`.
 */
export function resolveCallOptions(
  base: Readonly<ResolvedCallOptions>,
  overrides: PulseCallOptions | undefined,
): ResolvedCallOptions {
  if (overrides === undefined) return { ...base };
  const { retry, timeoutMs } = overrides;
  if (retry !== undefined && (typeof retry !== 'object' || retry === null)) {
    throw new PulseOptionsError(
      'retry',
      `Invalid retry: expected an object such as { maxRetries: 2 }, got ${describeValue(retry)}.`,
    );
  }
  return {
    maxRetries: integerOption(
      'retry.maxRetries',
      retry?.maxRetries,
      base.maxRetries,
      0,
      maxRetriesLimit,
    ),
    baseDelayMs: integerOption(
      'retry.baseDelayMs',
      retry?.baseDelayMs,
      base.baseDelayMs,
      0,
      maxTimerMs,
    ),
    maxDelayMs: integerOption(
      'retry.maxDelayMs',
      retry?.maxDelayMs,
      base.maxDelayMs,
      0,
      maxTimerMs,
    ),
    timeoutMs: integerOption('timeoutMs', timeoutMs, base.timeoutMs, 1, maxTimerMs),
  };
}

function integerOption(
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new PulseOptionsError(
      name,
      `Invalid ${name}: expected an integer from ${min} to ${max}, got ${describeValue(value)}.`,
    );
  }
  return value;
}

function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}

/**
 * Throws `PulseOptionsError` when a call passes `baseUrl`. openapi-fetch takes it per call, but
 * the client checked only its own base URL and sends the credentials with every request, so a
 * per-call value could send them to another host.
 */
export function rejectPerCallBaseUrl(init: object, method: string, path: string): void {
  if ((init as { baseUrl?: unknown }).baseUrl === undefined) return;
  throw new PulseOptionsError(
    'baseUrl',
    `Invalid baseUrl in the options of ${method} ${path}: a call cannot change the base URL, ` +
      'because the client sends its API token and account id to the base URL it was created with. ' +
      'Create a client with createPulseClient({ baseUrl }) for the other base URL.',
  );
}
