import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type LogFields, type MockLogger, type MockServer } from '../src/index.js';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, postJson, send, TOKEN } from './helpers.js';

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: LogFields;
  message: string;
}

describe('request logging', () => {
  const entries: LogEntry[] = [];
  const logger: MockLogger = {
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
  let server: MockServer;
  let rejectedQueryText = '';

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0, logger });
    await send(
      server.url,
      '/contacts/search?groups[]=contact_display_email&simpleSearch=jane%40example.org',
      {
        headers: CREDENTIALS,
      },
    );
    await send(server.url, '/contacts', { headers: { Authorization: `API-TOKEN ${TOKEN}` } });
    await postJson(server.url, '/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      locations: [{ city: 'X' }],
    });
    const rejectedQuery = await send(server.url, '/contacts?sort[]=secret-sort-value', {
      headers: CREDENTIALS,
    });
    rejectedQueryText = rejectedQuery.text;
  });

  afterAll(async () => {
    await server?.close();
  });

  function handled(): LogFields[] {
    return entries
      .filter((entry) => entry.message === 'Request handled')
      .map((entry) => entry.fields);
  }

  it('logs the start with the operation count', () => {
    const started = entries.find((entry) => entry.message === 'Mock server started');

    expect(started?.fields).toMatchObject({ host: '127.0.0.1', port: server.port, operations: 4 });
  });

  it('logs method, path, operation and status per request', () => {
    expect(handled()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/contacts/search',
        operationId: 'searchContacts',
        status: 200,
      }),
      expect.objectContaining({ method: 'GET', path: '/contacts', status: 401 }),
      expect.objectContaining({ method: 'POST', path: '/contacts', status: 422 }),
      expect.objectContaining({ method: 'GET', path: '/contacts', status: 422 }),
    ]);
  });

  it('logs the validation errors in the request entry', () => {
    expect(handled().map((fields) => fields.errors)).toEqual([
      undefined,
      [expect.stringContaining('Missing X-Account header')],
      ['body.locations[0].state is required when city is present'],
      [expect.stringMatching(/^query\.sort\[\] item 0 must match pattern/)],
    ]);
  });

  it('never logs credential values', () => {
    const logged = JSON.stringify(entries);

    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(ACCOUNT);
  });

  it('never logs query values', () => {
    const logged = JSON.stringify(entries);

    // The 422 body quotes the rejected value for the caller, and the log leaves it out.
    expect(rejectedQueryText).toContain('secret-sort-value');
    expect(logged).not.toContain('jane');
    expect(logged).not.toContain('secret-sort-value');
  });
});
