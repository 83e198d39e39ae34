import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type ApiErrorBody, type MockServer } from '../src/index.js';
import { CREDENTIALS, FIXTURE_PATH, fieldsOf, postJson, send } from './helpers.js';

const contact = { firstName: 'Grace', lastName: 'Hopper' };

describe('request body validation', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('rejects addressLine2 without addressLine1', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      locations: [{ addressLine2: 'Suite 5' }],
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        error: 'is required when addressLine2 is present',
        field: 'body.locations[0].addressLine1',
      },
    ]);
  });

  it('rejects city without state', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      locations: [{ city: 'Austin' }],
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { error: 'is required when city is present', field: 'body.locations[0].state' },
    ]);
  });

  it('lists each field addressLine1 needs', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      locations: [{ addressLine1: '1 Main St', postalCode: '73301' }],
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body).sort()).toEqual([
      'body.locations[0].city',
      'body.locations[0].state',
    ]);
  });

  it('names the index of the bad location', async () => {
    const complete = {
      addressLine1: '1 Main St',
      city: 'Austin',
      state: 'TX',
      postalCode: '73301',
    };
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      locations: [complete, { city: 'Dallas' }],
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body.locations[1].state']);
  });

  it('names a missing required property', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', { lastName: 'Hopper' });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ error: 'is required', field: 'body.firstName' }]);
  });

  it('names a property with the wrong type', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      firstName: 42,
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ error: 'must be string', field: 'body.firstName' }]);
  });

  it('returns 201 for a valid body', async () => {
    const response = await postJson<{ id: number }>(server.url, '/contacts', {
      ...contact,
      email: 'grace@example.com',
      locations: [
        {
          addressLine1: '1 Main St',
          addressLine2: 'Suite 5',
          city: 'Austin',
          state: 'TX',
          postalCode: '73301',
        },
        { country: 'US' },
      ],
    });

    expect(response.status).toBe(201);
    expect(response.body.id).toBe(102);
  });

  it('does not require the readOnly id', async () => {
    const response = await postJson(server.url, '/contacts', contact);

    expect(response.status).toBe(201);
  });

  it('returns 422 when the body is missing', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      method: 'POST',
      headers: { ...CREDENTIALS, 'Content-Type': 'application/json' },
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body']);
  });

  it('returns 400 for malformed JSON', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      method: 'POST',
      headers: { ...CREDENTIALS, 'Content-Type': 'application/json' },
      body: '{"firstName":',
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['body']);
    expect(response.body.message).toContain('not valid JSON');
  });

  it('returns 413 for a body over 1 MiB', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      ...contact,
      lastName: 'x'.repeat(1024 * 1024),
    });

    expect(response.status).toBe(413);
    expect(fieldsOf(response.body)).toEqual(['body']);
  });

  it('returns 415 for an unsupported content type', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      method: 'POST',
      headers: { ...CREDENTIALS, 'Content-Type': 'application/xml' },
      body: '<contact/>',
    });

    expect(response.status).toBe(415);
    expect(fieldsOf(response.body)).toEqual(['header.Content-Type']);
    expect(response.body.errors?.[0]?.error).toContain('application/json');
  });
  it('returns 431 in the error format for oversized headers', async () => {
    const query = Array.from({ length: 3000 }, () => 'sort[]=lastName:ASC').join('&');
    const response = await send<ApiErrorBody>(server.url, `/contacts?${query}`, {
      headers: CREDENTIALS,
    });

    expect(response.status).toBe(431);
    expect(response.body.message).toContain('exceed 16 KiB');
  });
});
