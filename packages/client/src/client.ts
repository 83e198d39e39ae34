import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { resolveClientOptions, type PulseClientOptions } from './options.js';

/** A typed client for every operation in the Pulse Engagement Cloud spec. */
export type PulseClient = Client<paths, 'application/json'>;

/**
 * Creates a typed client that sends `Authorization: API-TOKEN <token>` and `X-Account` on
 * every request, so calls never pass credentials themselves. Throws `PulseOptionsError`
 * when an option is missing or malformed.
 *
 * @example
 * const pulse = createPulseClient({ accountId, apiToken, environment: 'staging' });
 * const { data, error } = await pulse.GET('/contacts/{id}', { params: { path: { id: 1024 } } });
 */
export function createPulseClient(options: PulseClientOptions): PulseClient {
  const resolved = resolveClientOptions(options);
  return createClient<paths, 'application/json'>({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    ...(resolved.fetch ? { fetch: resolved.fetch } : {}),
  });
}
