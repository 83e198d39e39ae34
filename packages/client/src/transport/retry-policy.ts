import type { ResolvedCallOptions } from '../call-options.js';

// RFC 9110, section 9.2.2: repeating these methods has the same effect as sending them once.
// POST and PATCH are not idempotent.
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

// Statuses that mean the request may succeed later: a timeout, the rate limit, or a failing or
// overloaded server or gateway. 501 and 505 will not change on a retry.
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** Returns whether repeating a request with `method` is safe. */
export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase());
}

/**
 * Returns whether a response status is worth retrying. Only idempotent requests are retried on a
 * status, because a non-idempotent one may have taken effect before the server failed.
 */
export function isRetryableStatus(method: string, status: number): boolean {
  return isIdempotent(method) && retryableStatuses.has(status);
}

/**
 * Returns whether an attempt that got no response is worth retrying: always for an idempotent request,
 * and for any other only when it provably never reached the server.
 */
export function isRetryableFailure(method: string, neverSent: boolean): boolean {
  return isIdempotent(method) || neverSent;
}

/**
 * Returns the wait before retry number `retry` (counting from 1), in ms, or `undefined` when
 * the client should not wait that long. With `retryAfterMs` from a `Retry-After` header the wait
 * is exactly that, unless it exceeds `maxDelayMs`. Otherwise it is exponential backoff with full
 * jitter: a random wait up to `baseDelayMs * 2^(retry - 1)`, capped at `maxDelayMs`, so that
 * clients that failed together do not retry together.
 */
export function retryDelay(
  retry: number,
  options: Pick<ResolvedCallOptions, 'baseDelayMs' | 'maxDelayMs'>,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= options.maxDelayMs ? retryAfterMs : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
