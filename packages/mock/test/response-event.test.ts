import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockResponseEvent, type MockServer } from '../src/index.js';
import { CREDENTIALS, FIXTURE_PATH, postJson, send, TOKEN } from './helpers.js';

describe('onResponse events', () => {
  const events: MockResponseEvent[] = [];
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({
      document: FIXTURE_PATH,
      port: 0,
      onResponse: (event) => events.push(event),
    });
    await send(server.url, '/contacts?sort[]=lastName:ASC', { headers: CREDENTIALS });
    await postJson(server.url, '/contacts', { locations: [{ addressLine2: 'Suite 4' }] });
    await send(server.url, '/campaigns', { headers: CREDENTIALS });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('names the operation and status of each request', () => {
    expect(
      events.map(({ method, path, operationId, status }) => ({
        method,
        path,
        operationId,
        status,
      })),
    ).toEqual([
      { method: 'GET', path: '/contacts', operationId: 'listContacts', status: 200 },
      { method: 'POST', path: '/contacts', operationId: 'createContact', status: 422 },
      { method: 'GET', path: '/campaigns', operationId: undefined, status: 404 },
    ]);
  });

  it('lists the validation errors of a rejected request', () => {
    expect(events[1]?.requestErrors.length).toBeGreaterThan(0);
    expect(events[0]?.requestErrors).toEqual([]);
  });

  it('carries no header values', () => {
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('keeps serving when the listener throws', async () => {
    const throwing = await startMockServer({
      document: FIXTURE_PATH,
      port: 0,
      onResponse: () => {
        throw new Error('listener failure');
      },
    });
    try {
      const first = await send(throwing.url, '/contacts', { headers: CREDENTIALS });
      const second = await send(throwing.url, '/contacts', { headers: CREDENTIALS });

      expect([first.status, second.status]).toEqual([200, 200]);
    } finally {
      await throwing.close();
    }
  });

  it('rejects an onResponse that is not a function', async () => {
    await expect(
      startMockServer({ document: FIXTURE_PATH, port: 0, onResponse: 'log' as never }),
    ).rejects.toThrow(/options\.onResponse: expected a function.*received "log"/);
  });
});
