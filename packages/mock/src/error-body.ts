/** One broken rule in an API error body. */
export interface ApiFieldError {
  /** Description of the broken rule, as a sentence fragment such as "is required when addressLine2 is present". */
  error: string;
  /** Location of the value: `body.locations[0].city`, `query.sort[]` or `header.Authorization`. */
  field: string;
}

/** Error body of the Pulse Engagement Cloud API, used for every error the mock generates. */
export interface ApiErrorBody {
  message: string;
  errors?: ApiFieldError[];
}

/** Builds the 422 body for a request that breaks the document's schemas. */
export function validationErrorBody(errors: ApiFieldError[]): ApiErrorBody {
  const count = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
  return {
    message: `Request validation failed with ${count}. Fix each field listed in errors and retry.`,
    errors,
  };
}

/** Builds an error body that carries only a message, as 401 and routing errors do. */
export function messageBody(message: string): ApiErrorBody {
  return { message };
}

/** Builds an error body for one field, such as an unsupported Content-Type or a bad Prefer header. */
export function fieldErrorBody(message: string, field: string, error: string): ApiErrorBody {
  return { message, errors: [{ error, field }] };
}
