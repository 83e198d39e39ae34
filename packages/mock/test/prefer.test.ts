import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type ApiErrorBody, type MockServer } from '../src/index.js';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, fieldsOf, send } from './helpers.js';

interface ContactPage {
  data: Array<{ id: number }>;
  total: number;
}

describe('Prefer header', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('returns 404 in the error format for code=404', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/101', {
      headers: { ...CREDENTIALS, Prefer: 'code=404' },
    });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Contact not found', errors: [] });
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('returns the first example without Prefer', async () => {
    const response = await send<ContactPage>(server.url, '/contacts', { headers: CREDENTIALS });

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(1);
    expect(response.body.data[0]?.id).toBe(101);
  });

  it('returns the named example for example=emptyPage', async () => {
    const response = await send<ContactPage>(server.url, '/contacts', {
      headers: { ...CREDENTIALS, Prefer: 'example=emptyPage' },
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [], page: 1, limit: 25, total: 0 });
  });

  it('returns the example twice in a row unchanged', async () => {
    const first = await send(server.url, '/contacts/101', { headers: CREDENTIALS });
    const second = await send(server.url, '/contacts/101', { headers: CREDENTIALS });

    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
  });

  it('returns 400 for a code the operation lacks', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/101', {
      headers: { ...CREDENTIALS, Prefer: 'code=418' },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['header.Prefer']);
    expect(response.body.errors?.[0]?.error).toContain('418');
  });

  it('returns 400 for an unknown example name', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      headers: { ...CREDENTIALS, Prefer: 'example=noSuchExample' },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['header.Prefer']);
  });

  it('returns 400 for a malformed code', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/101', {
      headers: { ...CREDENTIALS, Prefer: 'code=four' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.error).toContain('"four"');
  });

  it('still checks credentials with code=404', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/101', {
      headers: { 'X-Account': ACCOUNT, Prefer: 'code=404' },
    });

    expect(response.status).toBe(401);
  });

  it('returns 404 for a path not in the document', async () => {
    const response = await send<ApiErrorBody>(server.url, '/segments', { headers: CREDENTIALS });

    expect(response.status).toBe(404);
    expect(response.body.message).toContain('GET /segments');
  });

  it('returns 405 for a method the path lacks', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      method: 'DELETE',
      headers: CREDENTIALS,
    });

    expect(response.status).toBe(405);
    expect(response.body.message).toContain('DELETE');
  });

  it('returns 422 for a path parameter of the wrong type', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/abc', {
      headers: CREDENTIALS,
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['path.id']);
  });
});
