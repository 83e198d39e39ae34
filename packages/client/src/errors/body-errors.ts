import type { CallRecord } from '../transport/call-fetch.js';
import { isIdempotent } from '../transport/retry-policy.js';
import { composeMessage, requestIdSentence } from './message.js';
import { PulseError } from './pulse-error.js';

// Builders for a 2xx response whose body the client cannot use. Their messages never quote the
// body, which can contain personal data, such as a contact's email address.

/** The call whose 2xx response had an unusable body. */
export interface BodyFailure {
  method: string;
  /** Path template of the call. */
  path: string;
  record: CallRecord;
}

// RFC 9110, section 8.3.1: type "/" subtype, both tokens. Anything else is left out of messages.
const mediaTypePattern = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+$/;

/**
 * Builds the `PulseError` for a 2xx body that is not valid JSON. Its cause is a new
 * `SyntaxError`, because V8 quotes the start of the body in the parser's message
 * (`Unexpected token '<', "<html>..." is not valid JSON`).
 */
export function createInvalidJsonError(failure: BodyFailure): PulseError {
  const { method, path, record } = failure;
  const mediaType = record.mediaType ?? '';
  const body = mediaTypePattern.test(mediaType) ? `a body of type ${mediaType}` : 'a body';
  return new PulseError(
    composeMessage(
      `${method} ${path} returned HTTP ${record.status} with ${body} that is not valid JSON`,
      'Check that baseUrl points at the Pulse Engagement Cloud API, not at a proxy or web page',
      tookEffectAdvice(method),
      requestIdSentence(record.requestId),
    ),
    { ...detailsOf(failure), cause: new SyntaxError('The response body is not valid JSON.') },
  );
}

/** Builds the `PulseError` for an empty 2xx body where the spec declares a JSON body. */
export function createEmptyBodyError(failure: BodyFailure): PulseError {
  const { method, path, record } = failure;
  return new PulseError(
    composeMessage(
      `${method} ${path} returned HTTP ${record.status} with an empty body, but the spec declares a JSON body for this response`,
      'Check that baseUrl points at the Pulse Engagement Cloud API, not at a proxy, and quote the request id when reporting the problem to Pulse Health',
      tookEffectAdvice(method),
      requestIdSentence(record.requestId),
    ),
    detailsOf(failure),
  );
}

function detailsOf({ method, path, record }: BodyFailure) {
  return {
    method,
    path,
    status: record.status,
    requestId: record.requestId,
    request: record.request,
  };
}

// A 2xx status means the API acted on the request, even though its response is unusable.
function tookEffectAdvice(method: string): string | undefined {
  if (method === 'GET' || method === 'HEAD') return undefined;
  return isIdempotent(method)
    ? 'The request took effect, so read the resource again instead of relying on this response'
    : 'The request took effect, so check its result before sending it again';
}
