import { PulseError, type PulseErrorDetails } from './pulse-error.js';

/** 401: the API did not accept the API token or the account id. */
export class PulseAuthenticationError extends PulseError {
  override readonly name = 'PulseAuthenticationError';
}

/** 403: the credentials are valid but may not make this request for this account. */
export class PulsePermissionError extends PulseError {
  override readonly name = 'PulsePermissionError';
}

/** 404: no resource has the id in the path, in this account. */
export class PulseNotFoundError extends PulseError {
  override readonly name = 'PulseNotFoundError';
}

/** 400 or 422: the request was malformed or some values are invalid. */
export class PulseValidationError extends PulseError {
  override readonly name = 'PulseValidationError';
  /**
   * Messages of `errors` grouped by field, such as `body.emails[0].emailAddress` or
   * `query.sort[]`. Errors without a field appear only in `errors`.
   */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(message: string, details: PulseErrorDetails) {
    super(message, details);
    const fieldErrors: Record<string, string[]> = {};
    for (const { field, error } of this.errors) {
      if (field === undefined) continue;
      (fieldErrors[field] ??= []).push(error);
    }
    this.fieldErrors = fieldErrors;
  }
}

/** 429: too many requests for this account. `retryAfterMs` is the wait that the API requested. */
export class PulseRateLimitError extends PulseError {
  override readonly name = 'PulseRateLimitError';
}

/** 5xx: Pulse Engagement Cloud failed to handle the request. */
export class PulseServerError extends PulseError {
  override readonly name = 'PulseServerError';
}
