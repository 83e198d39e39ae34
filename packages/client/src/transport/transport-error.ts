import type { RedactedRequest } from '../errors/redacted-request.js';
import { PulseConnectionError, PulseTimeoutError } from '../errors/transport-errors.js';
import { classifyNetworkFailure } from './network-failure.js';
import { isIdempotent } from './retry-policy.js';

/** The call an attempt belongs to, as error messages describe it. */
export interface FailedAttempt {
  method: string;
  path: string;
  /** Host the request went to, such as `api.pulsehealth.tech`. */
  host: string;
  attempt: number;
  timeoutMs: number;
  request: RedactedRequest;
}

/** Builds the `PulseTimeoutError` for an attempt that ran out of time. */
export function createTimeoutError(failed: FailedAttempt, cause: unknown): PulseTimeoutError {
  const next = isIdempotent(failed.method)
    ? 'Raise timeoutMs if the API needs longer, or retry later.'
    : 'The request may have taken effect, so check before sending it again, or raise timeoutMs.';
  return new PulseTimeoutError(
    `${failed.method} ${failed.path} timed out after ${failed.timeoutMs} ms on attempt ${failed.attempt}. ${next}`,
    {
      method: failed.method,
      path: failed.path,
      request: failed.request,
      timeoutMs: failed.timeoutMs,
      cause,
    },
  );
}

/**
 * Builds the `PulseConnectionError` for an attempt whose `fetch` rejected with a network error,
 * or returns `undefined` when `error` is not one, such as a bug in a custom `fetch`.
 */
export function createConnectionError(
  failed: FailedAttempt,
  error: unknown,
): PulseConnectionError | undefined {
  const failure = classifyNetworkFailure(error);
  if (failure === undefined) return undefined;
  const code = failure.code === undefined ? '' : ` (${failure.code})`;
  const attempts = `after ${failed.attempt} attempt${failed.attempt === 1 ? '' : 's'}`;

  let message: string;
  if (failure.neverSent) {
    message =
      `${failed.method} ${failed.path} failed: could not connect to ${failed.host}${code} ${attempts}. ` +
      'Check baseUrl or environment and the network, then retry.';
  } else if (isIdempotent(failed.method)) {
    message =
      `${failed.method} ${failed.path} failed: the connection to ${failed.host} broke before the response arrived${code} ${attempts}. ` +
      'Retry later.';
  } else {
    message =
      `${failed.method} ${failed.path} failed: the connection to ${failed.host} broke before the response arrived${code}. ` +
      'The request may have reached the server, so it was not resent: check whether it took effect before sending it again.';
  }
  return new PulseConnectionError(message, {
    method: failed.method,
    path: failed.path,
    request: failed.request,
    code: failure.code,
    neverSent: failure.neverSent,
    cause: error,
  });
}
