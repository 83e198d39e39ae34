import { createHttpError } from './errors/create-http-error.js';
import { PulseError } from './errors/pulse-error.js';
import { sendRawCall, type CallSettings, type PulseRawClient } from './raw-client.js';
import type { CallRecord } from './transport/call-fetch.js';

/** A call's `{ data, response }` after a 2xx status. */
export interface ThrowingResult {
  data: unknown;
  response: Response;
}

/**
 * Sends one call and resolves with `{ data, response }` for a 2xx status. Rejects with the
 * `PulseError` subclass for any other status, and with the transport's error when no
 * response arrived.
 */
export async function sendThrowingCall(
  base: PulseRawClient,
  settings: CallSettings,
  method: string,
  path: string,
  init: object | undefined,
): Promise<ThrowingResult> {
  const record: CallRecord = { attempts: 0, durationMs: 0 };
  const report = (error: PulseError): PulseError => {
    settings.events.error({
      method,
      path,
      attempt: record.attempts,
      durationMs: record.durationMs,
      status: error.status,
      requestId: error.requestId,
      error,
    });
    return error;
  };

  let result;
  try {
    result = await sendRawCall(
      base,
      settings,
      method,
      path,
      init as Record<string, unknown>,
      record,
    );
  } catch (error) {
    // openapi-fetch parses a 2xx body with JSON.parse, which throws a SyntaxError.
    if (error instanceof SyntaxError && record.status !== undefined) {
      throw report(invalidJsonError(method, path, record, error));
    }
    throw error;
  }

  const { data, error, response } = result;
  if (response.ok) return { data, response };
  throw report(createHttpError({ method, path, response, body: error, request: record.request }));
}

function invalidJsonError(
  method: string,
  path: string,
  record: CallRecord,
  cause: SyntaxError,
): PulseError {
  const requestId = record.requestId === undefined ? '' : ` (request id ${record.requestId})`;
  return new PulseError(
    `${method} ${path} returned HTTP ${record.status} with a body that is not valid JSON${requestId}. ` +
      'Check that baseUrl points at the Pulse Engagement Cloud API, not at a proxy or web page.',
    {
      method,
      path,
      status: record.status,
      requestId: record.requestId,
      request: record.request,
      cause,
    },
  );
}
