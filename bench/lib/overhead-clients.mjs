// The four HTTP clients that the per-request overhead benchmark compares, each making the
// same request, `GET /contacts/1024` with the API's two credential headers, and parsing the
// JSON body. The suite and its profiling worker share them, so both measure the same code.
import http from 'node:http';
import { createPulseClient } from '@pulse-engagement/client';
import axios from 'axios';
import createClient from 'openapi-fetch';

export const contactId = 1024;
const accountId = '00000000-0000-4000-8000-000000000002';
const apiToken = '00000000-0000-4000-8000-000000000001';
const credentialHeaders = { Authorization: `API-TOKEN ${apiToken}`, 'X-Account': accountId };

/** Client names in the order the report lists them. The first is the baseline. */
export const clientNames = ['raw fetch', 'openapi-fetch', 'createPulseClient', 'axios'];

/**
 * Creates a logger that behaves like pino at level `warn`. `debug` and `info` do nothing, as
 * pino's level check does, and `warn` and `error` write one line to stderr. A successful call logs at `debug`
 * only, so the benchmark prints nothing but still pays for every logger call the client makes.
 */
export function createWarnLevelLogger() {
  const write = (level) => (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level, message, ...fields })}\n`);
  return { debug() {}, info() {}, warn: write('warn'), error: write('error') };
}

/**
 * Creates one function per client that sends the request once and resolves with the parsed
 * contact, keyed by the names in `clientNames`.
 */
export function createRequestFunctions(baseUrl) {
  const url = `${baseUrl}/contacts/${contactId}`;

  const openapiFetch = createClient({ baseUrl, headers: credentialHeaders });

  const noop = () => {};
  const pulse = createPulseClient({
    baseUrl,
    accountId,
    apiToken,
    // Retries and time limits are on by default. They are set here anyway, because the
    // benchmark exists to measure them.
    retry: { maxRetries: 2 },
    timeoutMs: 30_000,
    hooks: { onRequest: noop, onResponse: noop, onRetry: noop, onError: noop },
    logger: createWarnLevelLogger(),
  });

  const axiosInstance = axios.create({
    baseURL: baseUrl,
    headers: credentialHeaders,
    httpAgent: new http.Agent({ keepAlive: true }),
  });

  return {
    'raw fetch': async () => {
      const response = await fetch(url, { headers: credentialHeaders });
      if (!response.ok) throw new Error(`GET ${url} returned HTTP ${response.status}.`);
      return response.json();
    },
    'openapi-fetch': async () => {
      const { data, error } = await openapiFetch.GET('/contacts/{id}', {
        params: { path: { id: contactId } },
      });
      if (error !== undefined) throw new Error(`GET ${url} failed: ${JSON.stringify(error)}`);
      return data;
    },
    createPulseClient: async () => {
      const { data } = await pulse.GET('/contacts/{id}', { params: { path: { id: contactId } } });
      return data;
    },
    axios: async () => (await axiosInstance.get(`/contacts/${contactId}`)).data,
  };
}
