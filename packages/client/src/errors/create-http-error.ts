import { parseRetryAfter } from '../transport/retry-after.js';
import {
  PulseAuthenticationError,
  PulseNotFoundError,
  PulsePermissionError,
  PulseRateLimitError,
  PulseServerError,
  PulseValidationError,
} from './http-errors.js';
import { composeMessage, formatWait, requestIdSentence } from './message.js';
import { PulseError, type ApiErrorDetail, type PulseErrorDetails } from './pulse-error.js';
import type { RedactedRequest } from './redacted-request.js';

/** A call that got a response with a status other than 2xx. */
export interface HttpFailure {
  method: string;
  /** Path template of the call. */
  path: string;
  response: Response;
  /** The body as openapi-fetch parsed it: JSON, the raw text, or `undefined` when empty. */
  body: unknown;
  request: RedactedRequest | undefined;
}

/** Builds the `PulseError` subclass that matches the status of a failed response. */
export function createHttpError(failure: HttpFailure): PulseError {
  const details = readDetails(failure);
  const { status, retryAfterMs } = details;
  const describe = (...advice: (string | undefined)[]) =>
    describeFailure(details, failure.body, advice);
  // 429 and 5xx work the wait into their own advice; the other statuses get this sentence.
  const waitAdvice =
    retryAfterMs === undefined
      ? undefined
      : `Retry-After asks to wait ${formatWait(retryAfterMs)} before sending the request again`;

  if (status === 401) {
    return new PulseAuthenticationError(
      describe('Check apiToken and accountId: the API did not accept them', waitAdvice),
      details,
    );
  }
  if (status === 403) {
    return new PulsePermissionError(
      describe(
        'The credentials are valid but may not make this request for this account',
        'Ask your Pulse Health account manager for access',
        waitAdvice,
      ),
      details,
    );
  }
  if (status === 404) {
    return new PulseNotFoundError(
      describe('Check the ids in the path: no resource in this account has them', waitAdvice),
      details,
    );
  }
  if (status === 400 || status === 422) {
    return new PulseValidationError(
      describe(validationAdvice(details.errors), waitAdvice),
      details,
    );
  }
  if (status === 429) {
    return new PulseRateLimitError(describe(rateLimitAdvice(retryAfterMs)), details);
  }
  if (status !== undefined && status >= 500) {
    return new PulseServerError(
      describe(
        'Pulse Engagement Cloud failed to handle the request',
        serverErrorAdvice(retryAfterMs),
      ),
      details,
    );
  }
  return new PulseError(
    describe('Check the request against the API reference for this operation', waitAdvice),
    details,
  );
}

function readDetails(failure: HttpFailure): PulseErrorDetails {
  const { response } = failure;
  const { apiMessage, errors } = readErrorBody(failure.body);
  return {
    method: failure.method,
    path: failure.path,
    status: response.status,
    requestId: response.headers.get('X-Request-Id') ?? undefined,
    apiMessage,
    errors,
    request: failure.request,
    // Any status may carry Retry-After (RFC 9110, section 10.2.3), most often 429 and 503. It
    // is kept even when the client did not wait, because the wait exceeded maxDelayMs.
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  };
}

function readErrorBody(body: unknown): { apiMessage?: string; errors?: ApiErrorDetail[] } {
  if (typeof body !== 'object' || body === null) return {};
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  return {
    ...(typeof message === 'string' ? { apiMessage: message } : {}),
    ...(Array.isArray(errors) ? { errors: errors.filter(isErrorDetail) } : {}),
  };
}

function isErrorDetail(value: unknown): value is ApiErrorDetail {
  if (typeof value !== 'object' || value === null) return false;
  const { error, field } = value as { error?: unknown; field?: unknown };
  return typeof error === 'string' && (field === undefined || typeof field === 'string');
}

function describeFailure(
  details: PulseErrorDetails,
  body: unknown,
  advice: readonly (string | undefined)[],
): string {
  const apiMessage = details.apiMessage?.trim();
  const reason =
    apiMessage !== undefined && apiMessage !== ''
      ? apiMessage
      : body === undefined || body === ''
        ? 'the response body was empty'
        : 'the response body was not the API error JSON';
  return composeMessage(
    `${details.method} ${details.path} failed with HTTP ${details.status}: ${reason}`,
    ...advice,
    requestIdSentence(details.requestId),
  );
}

function validationAdvice(errors: readonly ApiErrorDetail[] | undefined): string {
  const fields = [...new Set((errors ?? []).flatMap((item) => (item.field ? [item.field] : [])))];
  if (fields.length === 0) return 'Fix the request and send it again';
  return `Fix the invalid values (${fields.join(', ')}), listed in fieldErrors, and send the request again`;
}

function rateLimitAdvice(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) {
    return 'Wait before sending more requests for this account, or send them at a lower rate';
  }
  return `Wait ${formatWait(retryAfterMs)}, as Retry-After asks, before sending more requests for this account`;
}

function serverErrorAdvice(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) {
    return 'Retry later, and quote the request id if it keeps failing';
  }
  return `Wait ${formatWait(retryAfterMs)}, as Retry-After asks, then retry, and quote the request id if it keeps failing`;
}
