import { createHttpError } from './errors/create-http-error.js';
import {
  reportCallError,
  sendRawCall,
  type CallSettings,
  type PulseRawClient,
} from './raw-client.js';
import type { CallRecord } from './transport/call-fetch.js';

/** A call's `{ data, response }` after a 2xx status. */
export interface ThrowingResult {
  data: unknown;
  response: Response;
}

/**
 * Sends one call and resolves with `{ data, response }` for a 2xx status. Rejects with the
 * `PulseError` subclass for any other status, with a `PulseError` for an unusable 2xx body,
 * and with the transport's error when no response arrived.
 */
export async function sendThrowingCall(
  base: PulseRawClient,
  settings: CallSettings,
  method: string,
  path: string,
  init: object | undefined,
): Promise<ThrowingResult> {
  const record: CallRecord = { attempts: 0, durationMs: 0 };
  const { data, error, response } = await sendRawCall(
    base,
    settings,
    method,
    path,
    init as Record<string, unknown>,
    record,
  );
  if (response.ok) return { data, response };
  const failure = createHttpError({ method, path, response, body: error, request: record.request });
  throw reportCallError(settings, method, path, record, failure);
}
