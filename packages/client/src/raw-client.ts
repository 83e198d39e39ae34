import type { Client } from 'openapi-fetch';
import {
  resolveCallOptions,
  type PulseCallOptions,
  type ResolvedCallOptions,
} from './call-options.js';
import type { paths } from './generated/openapi.js';
import type { EventDispatcher } from './observability/event-dispatcher.js';
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
 * options such as `retry` onto the Request, so they are taken out here.
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
  const options = resolveCallOptions(settings.defaults, { retry, timeoutMs });
  const callFetch = createCallFetch(
    { method, path, options, fetch: fetch ?? settings.fetch, events: settings.events },
    record,
  );
  const request = base.request as unknown as UntypedRequest;
  return request(method.toLowerCase(), path, { ...rest, fetch: callFetch });
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** Wraps an openapi-fetch client so that every call goes through `sendRawCall`. */
export function createRawClient(base: PulseRawClient, settings: CallSettings): PulseRawClient {
  const send = (method: string, path: string, init?: RawInit) =>
    sendRawCall(base, settings, method.toUpperCase(), path, init, { attempts: 0, durationMs: 0 });
  const raw: Record<string, unknown> = {
    request: send,
    use: base.use,
    eject: base.eject,
  };
  for (const method of methods) {
    raw[method] = (path: string, init?: RawInit) => send(method, path, init);
  }
  return raw as unknown as PulseRawClient;
}
