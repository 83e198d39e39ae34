import type { Client, Middleware } from 'openapi-fetch';
import {
  rejectPerCallBaseUrl,
  resolveCallOptions,
  type PulseCallOptions,
  type ResolvedCallOptions,
} from './call-options.js';
import { createEmptyBodyError, createInvalidJsonError } from './errors/body-errors.js';
import type { PulseError } from './errors/pulse-error.js';
import type { paths } from './generated/openapi.js';
import type { EventDispatcher } from './observability/event-dispatcher.js';
import { declaresJsonBody } from './success-bodies.js';
import { createCallFetch, type CallFetch, type CallRecord } from './transport/call-fetch.js';

/**
 * The plain openapi-fetch client: calls resolve with `{ data, error, response }` and never
 * reject for an HTTP status. It shares the client's credentials, `User-Agent`, retries, time
 * limits and hooks, and each call also takes `retry` and `timeoutMs`.
 */
export type PulseRawClient = Client<paths, 'application/json'>;

/** Settings shared by every call of one client. */
export interface CallSettings {
  defaults: Readonly<ResolvedCallOptions>;
  /** The client's `fetch`, used unless a call passes its own. */
  fetch: CallFetch;
  events: EventDispatcher;
}

/** Result of an openapi-fetch call. */
export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

type UntypedRequest = (method: string, path: string, init: object) => Promise<RawResult>;

type RawInit = PulseCallOptions & { fetch?: CallFetch } & Record<string, unknown>;

/**
 * Sends one call through openapi-fetch with a per-call `fetch` that retries and applies time
 * limits. openapi-fetch documents `fetch` as a per-call option; it would otherwise copy unknown
 * options such as `retry` onto the Request, so they are taken out here. Rejects with a
 * `PulseError` for a 2xx body that is not JSON, or that is empty where the spec declares one.
 */
export async function sendRawCall(
  base: PulseRawClient,
  settings: CallSettings,
  method: string,
  path: string,
  init: RawInit | undefined,
  record: CallRecord,
): Promise<RawResult> {
  const { retry, timeoutMs, fetch, ...rest } = init ?? {};
  rejectPerCallBaseUrl(rest, method, path);
  const options = resolveCallOptions(settings.defaults, { retry, timeoutMs });
  const callFetch = createCallFetch(
    { method, path, options, fetch: fetch ?? settings.fetch, events: settings.events },
    record,
  );
  const request = base.request as unknown as UntypedRequest;

  let result: RawResult;
  try {
    result = await request(method.toLowerCase(), path, { ...rest, fetch: callFetch });
  } catch (error) {
    // openapi-fetch parses a 2xx body after the fetch resolved, and JSON.parse throws a
    // SyntaxError. The recorded status distinguishes it from a failure before any response.
    if (error instanceof SyntaxError && record.status !== undefined) {
      const failure = createInvalidJsonError({ method, path, record });
      throw reportCallError(settings, method, path, record, failure);
    }
    throw error;
  }

  if (isMissingJsonBody(method, path, result, rest.parseAs)) {
    const failure = createEmptyBodyError({ method, path, record });
    throw reportCallError(settings, method, path, record, failure);
  }
  return result;
}

// openapi-fetch resolves an empty 2xx body as `data: undefined`, which the types would present
// as the declared schema. Other `parseAs` values are the caller's choice and are left alone.
function isMissingJsonBody(
  method: string,
  path: string,
  result: RawResult,
  parseAs: unknown,
): boolean {
  const { response, data } = result;
  if (!response.ok || data !== undefined || method === 'HEAD') return false;
  if (parseAs !== undefined && parseAs !== 'json') return false;
  return declaresJsonBody(method, path, response.status);
}

/** Reports the error that a call is about to reject with to the hooks and logger. */
export function reportCallError(
  settings: CallSettings,
  method: string,
  path: string,
  record: CallRecord,
  error: PulseError,
): PulseError {
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
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** Wraps an openapi-fetch client so that every call goes through `sendRawCall`. */
export function createRawClient(base: PulseRawClient, settings: CallSettings): PulseRawClient {
  const send = (method: string, path: string, init?: RawInit) =>
    sendRawCall(base, settings, method.toUpperCase(), path, init, { attempts: 0, durationMs: 0 });
  const raw: Record<string, unknown> = {
    request: send,
    use: (...middleware: Middleware[]) => base.use(...middleware),
    eject: (...middleware: Middleware[]) => base.eject(...middleware),
  };
  for (const method of methods) {
    raw[method] = (path: string, init?: RawInit) => send(method, path, init);
  }
  return raw as unknown as PulseRawClient;
}
