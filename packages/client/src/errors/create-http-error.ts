import { parseRetryAfter } from '../transport/retry-after.js';
import {
  PulseAuthenticationError,
  PulseNotFoundError,
  PulsePermissionError,
  PulseRateLimitError,
  PulseServerError,
  PulseValidationError,
} from './http-errors.js';
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
  const { response } = failure;
  const status = response.status;
  const { apiMessage, errors } = readErrorBody(failure.body);
  const details: PulseErrorDetails = {
    method: failure.method,
    path: failure.path,
    status,
    requestId: response.headers.get('X-Request-Id') ?? undefined,
    apiMessage,
    errors,
    request: failure.request,
  };
  const describe = (advice: string) => describeFailure(details, failure.body, advice);

  if (status === 401) {
    return new PulseAuthenticationError(
      describe('Check apiToken and accountId: the API did not accept them.'),
      details,
    );
  }
  if (status === 403) {
    return new PulsePermissionError(
      describe(
        'The credentials are valid but may not make this request for this account. Ask your Pulse Health account manager for access.',
      ),
      details,
    );
  }
  if (status === 404) {
    return new PulseNotFoundError(
      describe('Check the ids in the path: no resource in this account has them.'),
      details,
    );
  }
  if (status === 400 || status === 422) {
    return new PulseValidationError(describe(validationAdvice(errors)), details);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return new PulseRateLimitError(describe(rateLimitAdvice(retryAfterMs)), {
      ...details,
      retryAfterMs,
    });
  }
  if (status >= 500) {
    return new PulseServerError(
      describe(
        'Pulse Engagement Cloud failed to handle the request. Retry later, and quote the request id if it keeps failing.',
      ),
      details,
    );
  }
  return new PulseError(
    describe('Check the request against the API reference for this operation.'),
    details,
  );
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

function describeFailure(details: PulseErrorDetails, body: unknown, advice: string): string {
  const reason =
    details.apiMessage ??
    (body === undefined || body === ''
      ? 'the response body was empty'
      : 'the response body was not the API error JSON');
  const requestId = details.requestId === undefined ? '' : ` (request id ${details.requestId})`;
  return `${details.method} ${details.path} failed with HTTP ${details.status}: ${reason}${requestId}. ${advice}`;
}

function validationAdvice(errors: readonly ApiErrorDetail[] | undefined): string {
  const fields = [...new Set((errors ?? []).flatMap((item) => (item.field ? [item.field] : [])))];
  if (fields.length === 0) return 'Fix the request and send it again.';
  return `Fix the invalid values (${fields.join(', ')}), listed in fieldErrors, and send the request again.`;
}

function rateLimitAdvice(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) {
    return 'Wait before sending more requests for this account, or send them at a lower rate.';
  }
  return `Wait ${Math.ceil(retryAfterMs / 1000)} s, as Retry-After asks, before sending more requests for this account.`;
}
