import { afterEach, describe, expect, it } from 'vitest';
import {
  PulseAuthenticationError,
  PulseError,
  PulseNotFoundError,
  PulsePermissionError,
  PulseRateLimitError,
  PulseServerError,
  PulseValidationError,
} from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import { empty, json, startFaultServer, text, type FaultServer } from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const requestId = { 'X-Request-Id': 'req_7f3a9c1e2b' };

describe('HTTP errors', () => {
  it.each([
    [400, PulseValidationError, 'PulseValidationError'],
    [401, PulseAuthenticationError, 'PulseAuthenticationError'],
    [403, PulsePermissionError, 'PulsePermissionError'],
    [404, PulseNotFoundError, 'PulseNotFoundError'],
    [409, PulseError, 'PulseError'],
    [422, PulseValidationError, 'PulseValidationError'],
    [429, PulseRateLimitError, 'PulseRateLimitError'],
    [500, PulseServerError, 'PulseServerError'],
    [503, PulseServerError, 'PulseServerError'],
  ])('maps %i to its error class', async (status, errorClass, name) => {
    server = await startFaultServer([json(status, { message: 'It failed.' }, requestId)]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    const error = (await rejectionOf(
      pulse.GET('/contacts/{id}', { params: { path: { id: 1024 } } }),
    )) as PulseError;

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(PulseError);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/contacts/{id}');
    expect(error.requestId).toBe('req_7f3a9c1e2b');
    expect(error.apiMessage).toBe('It failed.');
    expect(error.message).toContain(`GET /contacts/{id} failed with HTTP ${status}: It failed.`);
    expect(error.message).toContain('req_7f3a9c1e2b');
  });

  it('gives a typed error for an empty 404', async () => {
    server = await startFaultServer([empty(404)]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.GET('/contacts/{id}', { params: { path: { id: 1 } } }),
    )) as PulseNotFoundError;

    expect(error).toBeInstanceOf(PulseNotFoundError);
    expect(error.status).toBe(404);
    expect(error.apiMessage).toBeUndefined();
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/the response body was empty/);
  });

  it('gives a typed error for a non-JSON 500', async () => {
    server = await startFaultServer([text(500, '<html><body>Bad gateway</body></html>')]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseServerError;

    expect(error).toBeInstanceOf(PulseServerError);
    expect(error.status).toBe(500);
    expect(error.apiMessage).toBeUndefined();
    expect(error.message).toMatch(/not the API error JSON/);
    expect(server.received).toHaveLength(3);
  });

  it('groups validation errors by field', async () => {
    const body = {
      message: 'The request has invalid values.',
      errors: [
        { field: 'body.emails[0].emailAddress', error: 'must match format "email"' },
        { field: 'body.emails[0].emailAddress', error: 'must not be empty' },
        { field: 'body.npi', error: 'must match pattern' },
        { error: 'the body has problems' },
      ],
    };
    server = await startFaultServer([json(422, body)]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.POST('/contacts', { body: { source: 12 } }),
    )) as PulseValidationError;

    expect(error).toBeInstanceOf(PulseValidationError);
    expect(error.errors).toEqual(body.errors);
    expect(error.fieldErrors).toEqual({
      'body.emails[0].emailAddress': ['must match format "email"', 'must not be empty'],
      'body.npi': ['must match pattern'],
    });
    expect(error.message).toMatch(
      /Fix the invalid values \(body\.emails\[0\]\.emailAddress, body\.npi\)/,
    );
  });

  it('keeps the query string out of the error', async () => {
    server = await startFaultServer([json(403, { message: 'Not allowed.' })]);
    const { pulse } = testClient(server.url);
    const email = 'jane.rivera@example.org';

    const error = (await rejectionOf(
      pulse.GET('/contacts/search', {
        params: { query: { 'groups[]': ['contact_display_email'], simpleSearch: email } },
      }),
    )) as PulsePermissionError;

    expect(error.path).toBe('/contacts/search');
    expect(error.request?.url).toBe(`${server.url}/contacts/search`);
    expect(JSON.stringify(error)).not.toContain('jane.rivera');
    expect(error.message).not.toContain('jane.rivera');
  });

  it('reports the rate limit wait', async () => {
    server = await startFaultServer([json(429, { message: 'Slow down.' }, { 'Retry-After': '3' })]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseRateLimitError;

    expect(error.retryAfterMs).toBe(3_000);
    expect(error.message).toMatch(/Wait 3 s/);
  });

  it('rejects a 2xx body that is not JSON', async () => {
    server = await startFaultServer([text(200, '<html>Sign in</html>')]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseError;

    expect(error).toBeInstanceOf(PulseError);
    expect(error.status).toBe(200);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('keeps a long Retry-After of a 503', async () => {
    server = await startFaultServer([
      json(503, { message: 'Maintenance.' }, { 'Retry-After': '120', ...requestId }),
    ]);
    // testClient caps the wait at 2 s, so the client does not wait 120 s.
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseServerError;

    expect(error).toBeInstanceOf(PulseServerError);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('Wait 120 s, as Retry-After asks, then retry');
    expect(server.received).toHaveLength(1);
  });

  it('keeps Retry-After on any status', async () => {
    server = await startFaultServer([json(409, { message: 'Locked.' }, { 'Retry-After': '5' })]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseError;

    expect(error.status).toBe(409);
    expect(error.retryAfterMs).toBe(5_000);
    expect(error.message).toContain('Retry-After asks to wait 5 s');
  });

  it('leaves retryAfterMs undefined without Retry-After', async () => {
    server = await startFaultServer([json(503, { message: 'Busy.' })]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseServerError;

    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toMatch(/Retry later/);
  });

  it.each([
    [404, 'No resource with this id. Check the list to find it.', {}],
    [422, 'The request has invalid values; fix them and retry.', {}],
    [429, 'Too many requests.', { 'Retry-After': '3' }],
    [500, 'Internal error', {}],
    [409, 'Conflict!', { 'Retry-After': '2' }],
  ])('ends each sentence of a %i message once', async (status, message, headers) => {
    const body = { message, errors: [{ field: 'body.npi', error: 'must match pattern' }] };
    server = await startFaultServer([json(status, body, { ...requestId, ...headers })]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    const error = (await rejectionOf(pulse.GET('/forms'))) as PulseError;

    expect(error.message).not.toMatch(/[.!?]\./);
    expect(error.message).not.toMatch(/\. \(/);
    expect(error.message).toContain(`HTTP ${status}: ${message}`);
    expect(error.message).toMatch(/ The request id is req_7f3a9c1e2b\.$/);
  });

  it('ends an API message without a period', async () => {
    server = await startFaultServer([json(404, { message: 'No such contact' }, requestId)]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.GET('/contacts/{id}', { params: { path: { id: 1 } } }),
    )) as PulseError;

    expect(error.message).toContain('HTTP 404: No such contact. Check the ids in the path');
  });
});
