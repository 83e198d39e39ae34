import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  LogFields,
  MockLogger,
  StatefulEngine,
  StatefulEngineOptions,
  StatefulRequest,
  StatefulResponse,
} from '../src/index.js';
import { startMockServerWith, type MockServer } from '../src/server.js';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, postJson, send, TOKEN } from './helpers.js';

const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as object;

/** Engine double that records each request and replies with the next queued response. */
class FakeEngine implements StatefulEngine {
  readonly requests: StatefulRequest[] = [];
  reply: (request: StatefulRequest) => StatefulResponse = () => ({ status: 200, body: { id: 1 } });

  handle(request: StatefulRequest): StatefulResponse {
    this.requests.push(request);
    return this.reply(request);
  }
}

interface Started {
  server: MockServer;
  engine: FakeEngine;
  factoryCalls: Array<{ document: object; options: StatefulEngineOptions | undefined }>;
  logs: Array<{ level: string; fields: LogFields; message: string }>;
}

async function startStateful(options: Record<string, unknown> = {}): Promise<Started> {
  const engine = new FakeEngine();
  const factoryCalls: Started['factoryCalls'] = [];
  const logs: Started['logs'] = [];
  const logger: MockLogger = {
    info: (fields, message) => logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
    error: (fields, message) => logs.push({ level: 'error', fields, message }),
  };
  const server = await startMockServerWith(
    {
      createStatefulEngine: (document, engineOptions) => {
        factoryCalls.push({ document, options: engineOptions });
        return engine;
      },
    },
    { document: FIXTURE_PATH, port: 0, mode: 'stateful', logger, ...options },
  );
  return { server, engine, factoryCalls, logs };
}

describe('stateful mode', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startStateful({ seed: 7, seedData: { contacts: [{ id: 1 }] } });
  });

  afterEach(() => {
    started.engine.requests.length = 0;
    started.engine.reply = () => ({ status: 200, body: { id: 1 } });
  });

  afterAll(async () => {
    await started?.server.close();
  });

  it('creates the engine once with the document and options', () => {
    expect(started.factoryCalls).toHaveLength(1);
    expect(started.factoryCalls[0]?.document).toEqual(fixture);
    expect(started.factoryCalls[0]?.options).toEqual({
      seed: '7',
      seedData: { contacts: [{ id: 1 }] },
    });
    expect(started.server.mode).toBe('stateful');
    expect(started.server.seed).toBe('7');
  });

  it('hands the engine a validated request', async () => {
    await send(
      started.server.url,
      '/contacts/search?groups[]=contact_name&groups%5B%5D=contact_display_email&simpleSearch=ada%40example.org',
      { headers: CREDENTIALS },
    );

    expect(started.engine.requests).toEqual([
      {
        operationId: 'searchContacts',
        method: 'GET',
        path: '/contacts/search',
        pathParams: {},
        query: {
          'groups[]': ['contact_name', 'contact_display_email'],
          simpleSearch: 'ada@example.org',
        },
        body: undefined,
      },
    ]);
  });

  it('passes path parameters and the parsed body', async () => {
    await send(started.server.url, '/contacts/42', { headers: CREDENTIALS });
    await postJson(started.server.url, '/contacts', { firstName: 'Ada', lastName: 'Lovelace' });

    expect(started.engine.requests).toEqual([
      expect.objectContaining({
        operationId: 'getContact',
        path: '/contacts/42',
        pathParams: { id: '42' },
        query: {},
      }),
      expect.objectContaining({
        operationId: 'createContact',
        method: 'POST',
        pathParams: {},
        body: { firstName: 'Ada', lastName: 'Lovelace' },
      }),
    ]);
  });

  it('writes the engine response', async () => {
    started.engine.reply = () => ({
      status: 201,
      body: { id: 9, firstName: 'Grace', lastName: 'Hopper' },
      headers: { Location: '/contacts/9' },
    });

    const response = await postJson(started.server.url, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 9, firstName: 'Grace', lastName: 'Hopper' });
    expect(response.headers.get('location')).toBe('/contacts/9');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('writes an empty response without a body', async () => {
    started.engine.reply = () => ({ status: 404 });

    const response = await send(started.server.url, '/contacts/5', { headers: CREDENTIALS });

    expect(response.status).toBe(404);
    expect(response.text).toBe('');
    expect(response.headers.get('content-type')).toBeNull();
  });

  it.each([
    ['no credentials', '/contacts/5', { 'X-Account': ACCOUNT }, 401],
    ['an invalid path parameter', '/contacts/abc', CREDENTIALS, 422],
    ['an invalid query', '/contacts?sort[]=lastName:UP', CREDENTIALS, 422],
    ['an unknown path', '/segments', CREDENTIALS, 404],
  ])('answers %s without the engine', async (_case, path, headers, status) => {
    const response = await send(started.server.url, path, { headers });

    expect(response.status).toBe(status);
    expect(started.engine.requests).toEqual([]);
  });

  it('rejects an invalid body without the engine', async () => {
    const response = await postJson<ApiErrorBody>(started.server.url, '/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      locations: [{ city: 'Chicago' }],
    });

    expect(response.status).toBe(422);
    expect(started.engine.requests).toEqual([]);
  });

  it.each(['code=404', 'example=emptyPage', 'dynamic=true'])(
    'rejects Prefer %s after validation',
    async (prefer) => {
      const valid = await send<ApiErrorBody>(started.server.url, '/contacts', {
        headers: { ...CREDENTIALS, Prefer: prefer },
      });
      const invalid = await send(started.server.url, '/contacts', {
        headers: { 'X-Account': ACCOUNT, Prefer: prefer },
      });

      expect(valid.status).toBe(400);
      expect(valid.body.errors?.[0]?.field).toBe('header.Prefer');
      expect(valid.body.message).toContain('Stateful mode');
      expect(invalid.status).toBe(401);
      expect(started.engine.requests).toEqual([]);
    },
  );

  it('returns 500 when the engine throws', async () => {
    started.engine.reply = () => {
      throw new Error('store is corrupt');
    };

    const response = await send<ApiErrorBody>(started.server.url, '/contacts/5', {
      headers: CREDENTIALS,
    });
    const logged = started.logs.find((entry) => entry.message === 'The stateful engine failed');

    expect(response.status).toBe(500);
    expect(response.body.message).toContain('store is corrupt');
    expect(logged?.fields).toMatchObject({ operationId: 'getContact' });
  });

  it.each([
    ['a status out of range', { status: 99 }, /status 99, which is not an HTTP status code/],
    ['no status', { body: {} }, /status undefined/],
    ['a header that is not text', { status: 200, headers: { 'x-count': 3 } }, /header x-count/],
    ['a body JSON cannot hold', { status: 200, body: { big: 1n } }, /BigInt/],
  ])('returns 500 for %s', async (_case, reply, message) => {
    started.engine.reply = () => reply as unknown as StatefulResponse;

    const response = await send<ApiErrorBody>(started.server.url, '/contacts/5', {
      headers: CREDENTIALS,
    });

    expect(response.status).toBe(500);
    expect(response.body.message).toMatch(message);
  });

  it('warns about a status the operation lacks', async () => {
    started.engine.reply = () => ({ status: 409, body: { message: 'conflict' } });

    const response = await send(started.server.url, '/contacts/5', { headers: CREDENTIALS });
    const warning = started.logs.findLast((entry) => entry.level === 'warn');

    expect(response.status).toBe(409);
    expect(warning?.fields.warnings).toEqual(['status 409 is not documented for getContact']);
  });

  it('logs no credential or query value', () => {
    const logged = JSON.stringify(started.logs);

    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(ACCOUNT);
    expect(logged).not.toContain('ada@example.org');
  });
});

describe('stateful mode start', () => {
  it('passes no seed when none is given', async () => {
    const { server, factoryCalls } = await startStateful();
    await server.close();

    expect(factoryCalls[0]?.options).toEqual({});
    expect(server.seed).toBeUndefined();
  });

  it('gives the engine its own copy of the document', async () => {
    const document = structuredClone(fixture);
    const { server, factoryCalls } = await startStateful({ document });
    await server.close();

    expect(factoryCalls[0]?.document).toEqual(fixture);
    expect(factoryCalls[0]?.document).not.toBe(document);
  });

  it('rejects when the engine cannot start', async () => {
    const start = startMockServerWith(
      {
        createStatefulEngine: () => {
          throw new Error('seed data has no contacts');
        },
      },
      { document: FIXTURE_PATH, port: 0, mode: 'stateful' },
    );

    await expect(start).rejects.toThrow('Failed to start stateful mode: seed data has no contacts');
  });

  it('creates no engine in other modes', async () => {
    let calls = 0;
    const server = await startMockServerWith(
      {
        createStatefulEngine: () => {
          calls++;
          return new FakeEngine();
        },
      },
      { document: FIXTURE_PATH, port: 0, mode: 'dynamic' },
    );
    await server.close();

    expect(calls).toBe(0);
  });
});
