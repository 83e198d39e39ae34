import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type ApiErrorBody, type MockServer } from '../src/index.js';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, send, TOKEN } from './helpers.js';

describe('security headers', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('returns 401 without Authorization', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      headers: { 'X-Account': ACCOUNT },
    });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing Authorization header');
    expect(response.body.message).toContain('API-TOKEN <token>');
    expect(response.body.message).not.toContain('X-Account');
    expect(response.text).not.toContain(ACCOUNT);
  });

  it('returns 401 without X-Account', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      headers: { Authorization: `API-TOKEN ${TOKEN}` },
    });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing X-Account header');
    expect(response.body.message).not.toContain('Missing Authorization');
    expect(response.text).not.toContain(TOKEN);
  });

  it('names both headers when both are missing', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts');

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing Authorization header');
    expect(response.body.message).toContain('Missing X-Account header');
  });

  it('returns 401 for a token without the API-TOKEN scheme', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', {
      headers: { Authorization: `Bearer ${TOKEN}`, 'X-Account': ACCOUNT },
    });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Invalid Authorization header format');
    expect(response.text).not.toContain(TOKEN);
  });

  it.each([
    [
      'a token that is not a UUID',
      { Authorization: 'API-TOKEN secret-1', 'X-Account': ACCOUNT },
      'Authorization',
    ],
    [
      'an account id that is not a UUID',
      { Authorization: `API-TOKEN ${TOKEN}`, 'X-Account': 'acme-7' },
      'X-Account',
    ],
  ])('returns 401 for %s', async (_case, headers, header) => {
    const response = await send<ApiErrorBody>(server.url, '/contacts', { headers });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain(`Invalid ${header} header format`);
    expect(response.body.message).toContain('UUID');
    expect(response.text).not.toContain('secret-1');
    expect(response.text).not.toContain('acme-7');
  });

  it('returns only a message in 401 bodies', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts');

    expect(Object.keys(response.body)).toEqual(['message']);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('returns 200 with both headers', async () => {
    const response = await send(server.url, '/contacts', { headers: CREDENTIALS });

    expect(response.status).toBe(200);
  });

  it('checks credentials before the query', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts?sort[]=lastName:UP', {
      headers: { 'X-Account': ACCOUNT },
    });

    expect(response.status).toBe(401);
  });
});
