import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type ApiErrorBody, type MockServer } from '../src/index.js';
import { CREDENTIALS, FIXTURE_PATH, fieldsOf, send } from './helpers.js';

describe('bracket query parameters', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  function get(path: string) {
    return send<ApiErrorBody>(server.url, path, { headers: CREDENTIALS });
  }

  it('rejects sort[]=lastName:UP with 422', async () => {
    const response = await get('/contacts?sort[]=lastName:UP');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.sort[]']);
    expect(response.body.errors?.[0]?.error).toContain('must match pattern');
  });

  it('accepts two valid sort[] values', async () => {
    const response = await get('/contacts?sort[]=lastName:asc&sort[]=firstName:DESC');

    expect(response.status).toBe(200);
  });

  it('quotes the bad sort[] value', async () => {
    const response = await get('/contacts?sort[]=lastName:asc&sort[]=firstName:sideways');

    expect(response.status).toBe(422);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.field).toBe('query.sort[]');
    expect(response.body.errors?.[0]?.error).toMatch(/^value "firstName:sideways" /);
  });

  it('rejects percent-encoded sort%5B%5D the same way', async () => {
    const response = await get('/contacts?sort%5B%5D=lastName:UP');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.sort[]']);
  });

  it('rejects fields[]=notAField with 422', async () => {
    const response = await get('/contacts?fields[]=notAField');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.fields[]']);
    expect(response.body.errors?.[0]?.error).toContain('allowed values');
    expect(response.body.errors?.[0]?.error).toMatch(
      /allowed values: id, firstName, lastName, email, locations\./,
    );
  });

  it('accepts fields[]=firstName&fields[]=lastName', async () => {
    const response = await get('/contacts?fields[]=firstName&fields[]=lastName');

    expect(response.status).toBe(200);
  });

  it('accepts groups[] with simpleSearch on the search path', async () => {
    const response = await get(
      '/contacts/search?groups[]=contact_display_email&simpleSearch=a@b.com',
    );

    expect(response.status).toBe(200);
  });

  it('rejects an unknown groups[] value', async () => {
    const response = await get('/contacts/search?groups[]=contact_shoe_size&simpleSearch=a@b.com');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.groups[]']);
  });

  it('names a missing required groups[]', async () => {
    const response = await get('/contacts/search?simpleSearch=a@b.com');

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ error: 'is required', field: 'query.groups[]' }]);
  });

  it('keeps the document spelling of camelCase names', async () => {
    const response = await get(
      `/contacts/search?groups[]=contact_name&simpleSearch=${'a'.repeat(201)}`,
    );

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.simpleSearch']);
  });

  it('rejects an out-of-range limit', async () => {
    const response = await get('/contacts?limit=500');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.limit']);
  });

  it('reports every bad parameter at once', async () => {
    const response = await get('/contacts?sort[]=lastName:UP&fields[]=notAField');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body).sort()).toEqual(['query.fields[]', 'query.sort[]']);
    expect(response.body.message).toContain('2 errors');
  });
});
