import type { ResolvedCallOptions } from '../call-options.js';
import { redactRequest, type RedactedRequest } from '../errors/redacted-request.js';
import type { EventDispatcher } from '../observability/event-dispatcher.js';
import { abortableSleep } from './abortable-sleep.js';
import { sendAttempt, type AttemptOutcome } from './attempt.js';
import { parseRetryAfter } from './retry-after.js';
import { isRetryableFailure, isRetryableStatus, retryDelay } from './retry-policy.js';
import { createConnectionError, createTimeoutError } from './transport-error.js';

/** The `fetch` signature that openapi-fetch calls. */
export type CallFetch = (request: Request) => Promise<Response>;

/** Settings of one call: its method and path template, retry and time limits, fetch and hooks. */
export interface CallContext {
  method: string;
  /** Path template, such as `/contacts/{id}`, for events and errors. */
  path: string;
  options: ResolvedCallOptions;
  /** The `fetch` that sends each attempt. */
  fetch: CallFetch;
  events: EventDispatcher;
}

/** Observations of one call, from which the throwing client builds its error afterwards. */
export interface CallRecord {
  request?: RedactedRequest;
  attempts: number;
  /** Duration of the last attempt, in ms. */
  durationMs: number;
  /** Status, `X-Request-Id` and media type of the last response, if one arrived. */
  status?: number;
  requestId?: string | undefined;
  /** The `Content-Type` without parameters, such as `text/html`. */
  mediaType?: string | undefined;
}

/** The next step after an attempt: return its response, reject, or retry. */
type Decision =
  | { action: 'return'; response: Response }
  | { action: 'reject'; error: unknown; callerAborted: boolean }
  | {
      action: 'retry';
      delayMs: number;
      status: number | undefined;
      requestId: string | undefined;
      error: Error | undefined;
    };

/**
 * Creates the `fetch` that openapi-fetch uses for one call. It sends the request with a time
 * limit per attempt and retries network failures and retryable statuses with backoff. It
 * resolves with the last response, whatever its status, or rejects with a
 * `PulseConnectionError`, a `PulseTimeoutError` or the caller's abort reason.
 */
export function createCallFetch(context: CallContext, record: CallRecord): CallFetch {
  return (request) => runCall(context, record, request);
}

async function runCall(
  context: CallContext,
  record: CallRecord,
  request: Request,
): Promise<Response> {
  const { method, path, options, events } = context;
  const callerSignal = request.signal;
  // Reports the error that the call is about to reject with, then returns it to be thrown.
  const reportError = (error: unknown, attempt: number, callerAborted: boolean): unknown => {
    const { durationMs } = record;
    events.error(
      { method, path, attempt, durationMs, status: undefined, requestId: undefined, error },
      callerAborted,
    );
    return error;
  };

  if (callerSignal.aborted) throw reportError(callerSignal.reason, 0, true);
  // Read once, so that every attempt sends the same bytes: a body stream can be read only once.
  const body = request.body === null ? null : await request.arrayBuffer();
  record.request = redactRequest(request);
  const lastAttempt = options.maxRetries + 1;

  for (let attempt = 1; attempt <= lastAttempt; attempt++) {
    record.attempts = attempt;
    events.request({ method, path, attempt });
    const started = performance.now();
    const outcome = await sendAttempt({
      fetch: context.fetch,
      template: request,
      body,
      timeoutMs: options.timeoutMs,
      callerSignal,
    });
    record.durationMs = performance.now() - started;
    if (outcome.kind === 'response') {
      const { status, headers } = outcome.response;
      record.status = status;
      record.requestId = headers.get('X-Request-Id') ?? undefined;
      record.mediaType = headers.get('Content-Type')?.split(';')[0]?.trim() || undefined;
      const { durationMs, requestId } = record;
      events.response({ method, path, attempt, status, durationMs, requestId });
    }

    const decision = decide(context, record, request, outcome, attempt, attempt < lastAttempt);
    if (decision.action === 'return') return decision.response;
    if (decision.action === 'reject') {
      throw reportError(decision.error, attempt, decision.callerAborted);
    }

    const { delayMs, status, requestId, error } = decision;
    events.retry({ method, path, attempt, delayMs, status, requestId, error });
    try {
      await abortableSleep(delayMs, callerSignal);
    } catch (reason) {
      throw reportError(reason, attempt, true);
    }
  }
  throw new Error(
    `${method} ${path}: the retry loop ended without a result. This is a bug in @pulse-engagement/client.`,
  );
}

/**
 * Decides, after one attempt, whether to return its response, reject, or retry, and builds
 * the error for an attempt without a response.
 */
function decide(
  context: CallContext,
  record: CallRecord,
  request: Request,
  outcome: AttemptOutcome,
  attempt: number,
  canRetry: boolean,
): Decision {
  const { method, path, options } = context;
  if (outcome.kind === 'aborted') {
    return { action: 'reject', error: outcome.reason, callerAborted: true };
  }

  if (outcome.kind === 'response') {
    const { response } = outcome;
    const { status } = response;
    const delayMs =
      canRetry && isRetryableStatus(method, status)
        ? retryDelay(attempt, options, parseRetryAfter(response.headers.get('Retry-After')))
        : undefined;
    if (delayMs === undefined) return { action: 'return', response };
    return { action: 'retry', delayMs, status, requestId: record.requestId, error: undefined };
  }

  const failed = {
    method,
    path,
    host: new URL(request.url).host,
    attempt,
    timeoutMs: options.timeoutMs,
    request: record.request ?? redactRequest(request),
  };
  const error =
    outcome.kind === 'timeout'
      ? createTimeoutError(failed, outcome.cause)
      : createConnectionError(failed, outcome.error);
  // An error that is not a network failure, such as a bug in a custom fetch, is rethrown as it
  // is and never retried.
  if (error === undefined) {
    const unchanged = outcome.kind === 'failed' ? outcome.error : outcome.cause;
    return { action: 'reject', error: unchanged, callerAborted: false };
  }
  const neverSent = 'neverSent' in error && error.neverSent;
  const delayMs =
    canRetry && isRetryableFailure(method, neverSent)
      ? retryDelay(attempt, options, undefined)
      : undefined;
  if (delayMs === undefined) return { action: 'reject', error, callerAborted: false };
  return { action: 'retry', delayMs, status: undefined, requestId: undefined, error };
}
