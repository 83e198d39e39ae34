import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBundledSpecPath, startMockServer, type MockServer } from '../src/index.js';
import { CREDENTIALS, send } from './helpers.js';
import { createResponseSchemaCheck, responseSchemaPointer } from './schema-check.js';
import { requestsFromSpec, type SpecRequest } from './spec-requests.js';

// Every operation of spec/dist/openapi.json in dynamic mode, with several seeds: each generated
// body must pass Ajv against the response schema with objects closed and writeOnly forbidden.

const document = JSON.parse(readFileSync(resolveBundledSpecPath(), 'utf8')) as Record<
  string,
  unknown
>;
const check = createResponseSchemaCheck(document);
const requests = requestsFromSpec(document);
const SEEDS = ['1', 'pulse', 'x9-42'];

function call(server: MockServer, request: SpecRequest) {
  const headers: Record<string, string> =
    request.contentType === undefined
      ? CREDENTIALS
      : { ...CREDENTIALS, 'Content-Type': request.contentType };
  return send(server.url, request.url, {
    method: request.method.toUpperCase(),
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
}

function problemsOf(request: SpecRequest, status: number, body: unknown): string[] {
  const pointer = responseSchemaPointer(document, request.pathTemplate, request.method, status);
  if (pointer === undefined) {
    return body === undefined ? [] : [`${status} documents no body, but one was sent`];
  }
  return check(pointer, body);
}

function documentsStatus(request: SpecRequest, status: number): boolean {
  const paths = document.paths as Record<string, Record<string, { responses: object }>>;
  return String(status) in (paths[request.pathTemplate]?.[request.method]?.responses ?? {});
}

// Generous limits: each server reads the whole spec, which has taken over 8 s on a loaded
// 2-core machine, and a pass over all operations sends 78 requests.
describe('dynamic mode on the bundled spec', { timeout: 60_000 }, () => {
  const servers = new Map<string, MockServer>();
  let staticServer: MockServer;

  beforeAll(async () => {
    for (const seed of SEEDS) {
      servers.set(seed, await startMockServer({ port: 0, mode: 'dynamic', seed }));
    }
    staticServer = await startMockServer({ port: 0 });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...servers.values(), staticServer].map((server) => server?.close()));
  });

  it('builds a request for all 78 operations', () => {
    expect(requests).toHaveLength(78);
  });

  it.each(SEEDS)('generates valid 2xx bodies with seed %s', async (seed) => {
    const server = servers.get(seed) as MockServer;
    const failures: string[] = [];
    for (const request of requests) {
      const response = await call(server, request);
      if (response.status < 200 || response.status > 299) {
        failures.push(
          `${request.operationId}: status ${response.status} ${response.text.slice(0, 300)}`,
        );
        continue;
      }
      const problems = problemsOf(request, response.status, response.body);
      if (problems.length > 0) {
        failures.push(
          `${request.operationId}: ${problems.join('; ')} in ${response.text.slice(0, 300)}`,
        );
      }
    }

    expect(failures).toEqual([]);
  });

  it('generates valid documented errors', async () => {
    const server = servers.get('pulse') as MockServer;
    const failures: string[] = [];
    for (const request of requests) {
      for (const status of [404, 429, 500]) {
        const pointer = documentsStatus(request, status)
          ? responseSchemaPointer(document, request.pathTemplate, request.method, status)
          : undefined;
        if (pointer === undefined) continue;
        const response = await send(server.url, request.url, {
          method: request.method.toUpperCase(),
          headers: {
            ...CREDENTIALS,
            Prefer: `code=${status}`,
            ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        const problems =
          response.status === status
            ? problemsOf(request, status, response.body)
            : [`status ${response.status}`];
        if (problems.length > 0)
          failures.push(`${request.operationId} ${status}: ${problems.join('; ')}`);
      }
    }

    expect(failures).toEqual([]);
  });

  it('differs between seeds for most operations', async () => {
    const [first, second] = [servers.get('1') as MockServer, servers.get('pulse') as MockServer];
    let withBody = 0;
    let different = 0;
    for (const request of requests) {
      const [a, b] = [await call(first, request), await call(second, request)];
      if (a.text === '') continue;
      withBody++;
      if (a.text !== b.text) different++;
    }

    expect(withBody).toBeGreaterThan(60);
    expect(different).toBe(withBody);
  });

  it('passes the static examples through the same check', async () => {
    const failures: string[] = [];
    for (const request of requests) {
      const response = await call(staticServer, request);
      const problems = problemsOf(request, response.status, response.body);
      if (problems.length > 0) failures.push(`${request.operationId}: ${problems.join('; ')}`);
    }

    expect(failures).toEqual([]);
  });

  it('rejects a tampered body in the check', async () => {
    const getContact = requests.find(
      (request) => request.operationId === 'getContact',
    ) as SpecRequest;
    const { body } = await call(servers.get('1') as MockServer, getContact);
    const contact = body as Record<string, unknown>;

    expect(problemsOf(getContact, 200, { ...contact, npi: '12345' })).not.toEqual([]);
    expect(problemsOf(getContact, 200, { ...contact, id: 0 })).not.toEqual([]);
    expect(problemsOf(getContact, 200, { ...contact, nickname: 'JR' })).not.toEqual([]);
    expect(problemsOf(getContact, 200, { ...contact, createdAt: 'yesterday' })).not.toEqual([]);
  });
});
