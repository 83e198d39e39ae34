export { createPulseClient, type PulseClient } from './client.js';
export type { PulseRawClient } from './raw-client.js';
export { environmentBaseUrls, type PulseEnvironment } from './environments.js';
export { PulseOptionsError } from './options-error.js';
export type { PulseClientOptions } from './options.js';
export {
  defaultCallOptions,
  maxRetriesLimit,
  type PulseCallOptions,
  type RetryOptions,
} from './call-options.js';
export { PulseError, type ApiErrorDetail } from './errors/pulse-error.js';
export {
  PulseAuthenticationError,
  PulseNotFoundError,
  PulsePermissionError,
  PulseRateLimitError,
  PulseServerError,
  PulseValidationError,
} from './errors/http-errors.js';
export { PulseConnectionError, PulseTimeoutError } from './errors/transport-errors.js';
export type { RedactedRequest } from './errors/redacted-request.js';
export type {
  PulseCallEvent,
  PulseErrorEvent,
  PulseHooks,
  PulseLogger,
  PulseRequestEvent,
  PulseResponseEvent,
  PulseRetryEvent,
} from './observability/events.js';
export { defaultPageLimit } from './pagination.js';
export type { ContactRegistration, ContactRegistrationResult } from './helpers/register-contact.js';
export type { FormSubmissionBody, FormSubmissionOutcome } from './helpers/submit-form.js';
export type { PulseInit, PulseRequestInit, PulseResult } from './types/call.js';
export type { CustomFieldsShape, CustomFieldValue } from './types/custom-fields.js';
export type { FieldName, PathWithFields } from './types/field-name.js';
export type { SortDirection, SortValue } from './types/list-conventions.js';
export { clientVersion } from './version.js';
export { apiVersion } from './generated/api-version.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './schemas.js';
