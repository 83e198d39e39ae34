import createClient from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import {
  registerContact,
  type ContactRegistration,
  type ContactRegistrationResult,
} from './helpers/register-contact.js';
import {
  submitForm,
  type FormSubmissionBody,
  type FormSubmissionOutcome,
} from './helpers/submit-form.js';
import { createEventDispatcher } from './observability/event-dispatcher.js';
import { resolveClientOptions, type PulseClientOptions } from './options.js';
import { paginate, type PageInit } from './pagination.js';
import { createRawClient, type CallSettings, type PulseRawClient } from './raw-client.js';
import { assertServerRuntime } from './runtime-check.js';
import { sendThrowingCall } from './throwing-client.js';
import type { PulseMethod, PulsePaginate, PulseRequestInit } from './types/call.js';
import type {
  CustomFieldsShape,
  DefaultCustomFields,
  WithCustomFields,
} from './types/custom-fields.js';
import { userAgent } from './version.js';

/**
 * A typed client for every operation in the Pulse Engagement Cloud spec. `GET`, `PUT`, `POST`,
 * `DELETE` and `PATCH` resolve with `{ data, response }` for a 2xx status and reject with a
 * `PulseError` otherwise. `CustomFields` types the `customFields` of requests and responses.
 */
export interface PulseClient<CustomFields = DefaultCustomFields> {
  GET: PulseMethod<paths, 'get', CustomFields>;
  PUT: PulseMethod<paths, 'put', CustomFields>;
  POST: PulseMethod<paths, 'post', CustomFields>;
  DELETE: PulseMethod<paths, 'delete', CustomFields>;
  PATCH: PulseMethod<paths, 'patch', CustomFields>;
  /** Iterates over every item of a list operation, fetching one page at a time. */
  paginate: PulsePaginate<paths, CustomFields>;
  /** Submits a registration form (`POST /forms/{uuid}/submit`), the recommended sign-up flow. */
  submitForm(
    uuid: string,
    body: WithCustomFields<FormSubmissionBody, CustomFields>,
    init?: PulseRequestInit,
  ): Promise<FormSubmissionOutcome>;
  /** Stores a registration with the legacy flow: search by email, then create or update. */
  registerContact(
    registration: ContactRegistration<CustomFields>,
    init?: PulseRequestInit,
  ): Promise<ContactRegistrationResult<CustomFields>>;
  /** The same client in openapi-fetch's style, whose calls never reject for an HTTP status. */
  raw: PulseRawClient;
}

/**
 * Creates a client that sends `Authorization: API-TOKEN <token>`, `X-Account` and a
 * `User-Agent` on every request, retries failed attempts and applies a time limit to each.
 * Throws `PulseOptionsError` when an option is missing or malformed, or in a browser.
 *
 * @example
 * const pulse = createPulseClient({ accountId, apiToken, environment: 'staging' });
 * const { data } = await pulse.GET('/contacts/{id}', { params: { path: { id: 1024 } } });
 */
export function createPulseClient<
  CustomFields extends CustomFieldsShape<CustomFields> = DefaultCustomFields,
>(options: PulseClientOptions): PulseClient<CustomFields> {
  assertServerRuntime(
    (options as Partial<PulseClientOptions> | undefined)?.dangerouslyAllowBrowser,
  );
  const resolved = resolveClientOptions(options);
  const settings: CallSettings = {
    defaults: resolved.callOptions,
    // Looked up on each call, so a global fetch installed after creation is used too.
    fetch: (request) => (resolved.fetch ?? globalThis.fetch)(request),
    events: createEventDispatcher(resolved.hooks, resolved.logger),
  };
  const base = createClient<paths, 'application/json'>({
    baseUrl: resolved.baseUrl,
    headers: { ...resolved.headers, 'User-Agent': userAgent() },
  });

  const send = (method: string) => (path: string, init?: object) =>
    sendThrowingCall(base, settings, method, path, init);
  const client = {
    GET: send('GET'),
    PUT: send('PUT'),
    POST: send('POST'),
    DELETE: send('DELETE'),
    PATCH: send('PATCH'),
    paginate: (path: string, init?: PageInit) => paginate(send('GET'), path, init),
    submitForm: (uuid: string, body: FormSubmissionBody, init?: PulseRequestInit) =>
      submitForm(typed, uuid, body, init),
    registerContact: (registration: ContactRegistration, init?: PulseRequestInit) =>
      registerContact(typed, registration, init),
    raw: createRawClient(base, settings),
  };
  // The methods are generic only in their types; at run time every path shares one
  // implementation, so the object is cast once here.
  const typed = client as unknown as PulseClient;
  return typed as unknown as PulseClient<CustomFields>;
}
