import type { components } from '../generated/openapi.js';
import type { RedactedRequest } from './redacted-request.js';

/** One problem that the API found in a request, from the `errors` of its error body. */
export type ApiErrorDetail = components['schemas']['ErrorDetail'];

/** Details of the failed call that a `PulseError` carries. */
export interface PulseErrorDetails {
  method: string;
  path: string;
  status?: number | undefined;
  requestId?: string | undefined;
  apiMessage?: string | undefined;
  errors?: readonly ApiErrorDetail[] | undefined;
  request?: RedactedRequest | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * Base class of every error a Pulse client call rejects with, except a caller's own abort.
 * Subclasses name the kind of failure; an HTTP status without its own subclass (409, for
 * example) is a plain `PulseError`. No property contains the API token or the account id.
 */
export class PulseError extends Error {
  override readonly name: string = 'PulseError';
  /** HTTP status of the response, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** HTTP method of the call, such as `GET`. */
  readonly method: string;
  /** Path template of the call, such as `/contacts/{id}`, never with the query string. */
  readonly path: string;
  /** The `X-Request-Id` response header: quote it when reporting a problem to Pulse Health. */
  readonly requestId: string | undefined;
  /** The `message` of the API's error body, when the body had one. */
  readonly apiMessage: string | undefined;
  /** The `errors` of the API's error body: one entry per invalid field. Empty when absent. */
  readonly errors: readonly ApiErrorDetail[];
  /** The last request sent, with credentials redacted and without the query string. */
  readonly request: RedactedRequest | undefined;
  /**
   * How long the response's `Retry-After` header asked to wait, in ms, or `undefined` without
   * a valid header. Set on any status, such as a 429 or a 503 whose wait exceeded `maxDelayMs`.
   */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: PulseErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
    this.apiMessage = details.apiMessage;
    this.errors = details.errors ?? [];
    this.request = details.request;
    this.retryAfterMs = details.retryAfterMs;
  }
}
