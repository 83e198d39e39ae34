import {
  messageBody,
  validationErrorBody,
  type ApiErrorBody,
  type ApiFieldError,
} from '../error-body.js';

/**
 * An error response that a handler raises and the engine returns as it is, in the API's error
 * body. Any other exception is a defect of the engine and propagates to the server.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** Raises 404 with a message that names the missing resource and where to find valid ids. */
export function notFound(message: string): ApiError {
  return new ApiError(404, messageBody(message));
}

/** Raises 422 for request values that name nothing in the store, one entry per field. */
export function invalidFields(errors: ApiFieldError[]): ApiError {
  return new ApiError(422, validationErrorBody(errors));
}

/** Raises 422 for one request value. */
export function invalidField(field: string, error: string): ApiError {
  return invalidFields([{ field, error }]);
}
