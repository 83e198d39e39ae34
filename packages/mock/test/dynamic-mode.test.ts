import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startMockServer,
  type ApiErrorBody,
  type LogFields,
  type MockServer,
  type MockServerOptions,
} from '../src/index.js';
import { ACCOUNT, CREDENTIALS, FIXTURE_PATH, postJson, send } from './helpers.js';
import { createResponseSchemaCheck, responseSchemaPointer } from './schema-check.js';

const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as object;
const check = createResponseSchemaCheck(fixture);
const CONTACT_EXAMPLE = {
  id: 101,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
};

function problems(path: string, method: string, status: number, body: unknown): string[] {
  return check(responseSchemaPointer(fixture, path, method, status) as string, body);
}

describe('dynamic mode', () => {
  const servers: MockServer[] = [];
  const started: LogFields[] = [];
  let alpha: MockServer;
  let alphaAgain: MockServer;
  let beta: MockServer;
  let unseeded: MockServer;

  async function start(options: MockServerOptions): Promise<MockServer> {
    const server = await startMockServer({ document: FIXTURE_PATH, port: 0, ...options });
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    alpha = await start({ mode: 'dynamic', seed: 'alpha' });
    alphaAgain = await start({ mode: 'dynamic', seed: 'alpha' });
    beta = await start({ mode: 'dynamic', seed: 'beta' });
    const logger = {
      info: (fields: LogFields, message: string) => {
        if (message === 'Mock server started') started.push(fields);
      },
      warn: () => {},
      error: () => {},
    };
    unseeded = await start({ mode: 'dynamic', logger });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  function get(server: MockServer, path: string, headers: Record<string, string> = {}) {
    return send(server.url, path, { headers: { ...CREDENTIALS, ...headers } });
  }

  it('generates a valid body instead of the example', async () => {
    const response = await get(alpha, '/contacts/101');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).not.toEqual(CONTACT_EXAMPLE);
    expect(problems('/contacts/{id}', 'get', 200, response.body)).toEqual([]);
  });

  it('repeats bodies for the same seed and request', async () => {
    for (const path of [
      '/contacts/7',
      '/contacts?page=2',
      '/contacts/search?groups[]=contact_name&simpleSearch=a',
    ]) {
      const first = await get(alpha, path);
      const again = await get(alpha, path);
      const otherServer = await get(alphaAgain, path);

      expect(first.status, path).toBe(200);
      expect(again.text, path).toBe(first.text);
      expect(otherServer.text, path).toBe(first.text);
    }
  });

  it('gives other bodies for another seed', async () => {
    const fromAlpha = await get(alpha, '/contacts/7');
    const fromBeta = await get(beta, '/contacts/7');

    expect(fromBeta.status).toBe(200);
    expect(fromBeta.text).not.toBe(fromAlpha.text);
  });

  it('gives other bodies for another request', async () => {
    const seven = await get(alpha, '/contacts/7');
    const eight = await get(alpha, '/contacts/8');

    expect(eight.text).not.toBe(seven.text);
  });

  it('treats a numeric seed like its string', async () => {
    const numeric = await start({ mode: 'dynamic', seed: 42 });
    const text = await start({ mode: 'dynamic', seed: '42' });

    expect(numeric.seed).toBe('42');
    expect((await get(numeric, '/contacts/7')).text).toBe((await get(text, '/contacts/7')).text);
  });

  it('picks and reports a random seed', () => {
    expect(alpha.seed).toBe('alpha');
    expect(unseeded.mode).toBe('dynamic');
    expect(unseeded.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(started).toEqual([expect.objectContaining({ mode: 'dynamic', seed: unseeded.seed })]);
  });

  it('generates a list and a created record', async () => {
    const list = await get(alpha, '/contacts');
    const created = await postJson(alpha.url, '/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
    });

    expect(list.status).toBe(200);
    expect(problems('/contacts', 'get', 200, list.body)).toEqual([]);
    expect(created.status).toBe(201);
    expect(problems('/contacts', 'post', 201, created.body)).toEqual([]);
  });

  it('generates the documented error for Prefer code', async () => {
    const response = await get(alpha, '/contacts/7', { Prefer: 'code=404' });

    expect(response.status).toBe(404);
    expect(response.body).not.toEqual({ message: 'Contact not found', errors: [] });
    expect(problems('/contacts/{id}', 'get', 404, response.body)).toEqual([]);
  });

  it.each([
    ['example=emptyPage', { data: [], page: 1, limit: 25, total: 0 }],
    ['dynamic=false', { data: [CONTACT_EXAMPLE], page: 1, limit: 25, total: 1 }],
  ])('returns the example for Prefer %s', async (prefer, example) => {
    const response = await get(alpha, '/contacts', { Prefer: prefer });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(example);
  });

  it('checks credentials before generating', async () => {
    const response = await send<ApiErrorBody>(alpha.url, '/contacts/7', {
      headers: { 'X-Account': ACCOUNT },
    });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing Authorization header');
  });

  it('validates the request before generating', async () => {
    const response = await get(alpha, '/contacts?sort[]=lastName:UP');

    expect(response.status).toBe(422);
    expect((response.body as ApiErrorBody).errors?.[0]?.field).toBe('query.sort[]');
  });

  it('returns 500 naming a schema it cannot generate', async () => {
    const errors: LogFields[] = [];
    const document = structuredClone(fixture) as {
      components: { schemas: Record<string, object> };
    };
    document.components.schemas.Contact = {
      ...document.components.schemas.Contact,
      not: { required: ['email'] },
    };
    const server = await start({
      document,
      mode: 'dynamic',
      logger: { info: () => {}, warn: () => {}, error: (fields) => errors.push(fields) },
    });

    const failed = await get(server, '/contacts/7');
    const example = await get(server, '/contacts/7', { Prefer: 'dynamic=false' });

    expect(failed.status).toBe(500);
    expect((failed.body as ApiErrorBody).message).toMatch(
      /could not generate the 200 body of GET \/contacts\/\{id\}\. Cannot generate body: the schema uses "not".*Prefer: dynamic=false/,
    );
    expect(errors).toEqual([expect.objectContaining({ operationId: 'getContact' })]);
    expect(example.status).toBe(200);
  });
});

describe('static mode', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document: FIXTURE_PATH, port: 0, seed: 'static-seed' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is the default mode', () => {
    expect(server.mode).toBe('static');
    expect(server.seed).toBe('static-seed');
  });

  it('returns the example without Prefer', async () => {
    const response = await send(server.url, '/contacts/7', { headers: CREDENTIALS });

    expect(response.body).toEqual(CONTACT_EXAMPLE);
  });

  it('generates a seeded body for Prefer dynamic=true', async () => {
    const headers = { ...CREDENTIALS, Prefer: 'dynamic=true' };
    const first = await send(server.url, '/contacts/7', { headers });
    const again = await send(server.url, '/contacts/7', { headers });

    expect(first.status).toBe(200);
    expect(first.body).not.toEqual(CONTACT_EXAMPLE);
    expect(problems('/contacts/{id}', 'get', 200, first.body)).toEqual([]);
    expect(again.text).toBe(first.text);
  });
});
