import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  resolveBundledSpecPath,
  startMockServer,
  type ApiErrorBody,
  type MockServer,
} from '../src/index.js';
import { ACCOUNT, CREDENTIALS, fieldsOf, postJson, send, TOKEN } from './helpers.js';

// These tests run against spec/dist/openapi.json through the default document option. The
// test task depends on the spec's bundle task, so a missing bundle fails here, never skips.
const specPath = resolveBundledSpecPath();
const FORM_UUID = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: {
          content: Record<
            string,
            { examples?: Record<string, { $ref?: string; value?: unknown }> }
          >;
        };
      }
    >
  >;
  components: { examples: Record<string, { value: unknown }> };
}

/** Returns the first request body example of an operation, following a components/examples $ref. */
function firstRequestExample(document: Document, path: string, method: string): unknown {
  const examples =
    document.paths[path]?.[method]?.requestBody?.content['application/json']?.examples ?? {};
  const [first] = Object.values(examples);
  if (first?.$ref !== undefined) {
    return document.components.examples[first.$ref.split('/').pop() ?? '']?.value;
  }
  return first?.value;
}

describe('bundled spec', () => {
  let server: MockServer;
  let document: Document;

  beforeAll(async () => {
    document = JSON.parse(readFileSync(specPath, 'utf8')) as Document;
    server = await startMockServer({ port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  function get(path: string, headers: Record<string, string> = CREDENTIALS) {
    return send<ApiErrorBody>(server.url, path, { headers });
  }

  it('returns 401 without Authorization', async () => {
    const response = await get('/contacts', { 'X-Account': ACCOUNT });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing Authorization header');
  });

  it('returns 401 without X-Account', async () => {
    const response = await get('/contacts', { Authorization: `API-TOKEN ${TOKEN}` });

    expect(response.status).toBe(401);
    expect(response.body.message).toContain('Missing X-Account header');
  });

  it('returns 200 for contacts with both headers', async () => {
    expect((await get('/contacts')).status).toBe(200);
  });

  it('rejects sort[]=lastName:UP', async () => {
    const response = await get('/contacts?sort[]=lastName:UP');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.sort[]']);
  });

  it('accepts sort[] in both cases', async () => {
    expect((await get('/contacts?sort[]=lastName:asc&sort[]=firstName:DESC')).status).toBe(200);
  });

  it('rejects fields[]=notAField', async () => {
    const response = await get('/contacts?fields[]=notAField');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.fields[]']);
  });

  it('accepts fields[]=firstName&fields[]=lastName', async () => {
    expect((await get('/contacts?fields[]=firstName&fields[]=lastName')).status).toBe(200);
  });

  it('searches by groups[] and simpleSearch', async () => {
    expect(
      (await get('/contacts/search?groups[]=contact_display_email&simpleSearch=a@b.com')).status,
    ).toBe(200);
  });

  it('requires groups[] on search', async () => {
    const response = await get('/contacts/search?simpleSearch=a@b.com');

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['query.groups[]']);
  });

  it('returns 404 in the error format for Prefer code=404', async () => {
    const response = await get('/contacts/1024', { ...CREDENTIALS, Prefer: 'code=404' });

    expect(response.status).toBe(404);
    expect(typeof response.body.message).toBe('string');
  });

  it('creates a contact from the documented example', async () => {
    const response = await postJson(
      server.url,
      '/contacts',
      firstRequestExample(document, '/contacts', 'post'),
    );

    expect(response.status).toBe(201);
  });

  it('rejects a location with addressLine2 only', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      source: 12,
      locations: [{ addressLine2: 'Suite 400' }],
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body.locations[0].addressLine1']);
  });

  it('rejects a location with city but no state', async () => {
    const response = await postJson<ApiErrorBody>(server.url, '/contacts', {
      source: 12,
      locations: [{ city: 'Chicago' }],
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body.locations[0].state']);
  });

  it('lists forms', async () => {
    expect((await get('/forms')).status).toBe(200);
  });

  it('gets a form by uuid', async () => {
    expect((await get(`/forms/${FORM_UUID}`)).status).toBe(200);
  });

  it('submits the documented form example', async () => {
    const example = firstRequestExample(document, '/forms/{uuid}/submit', 'post');
    const response = await postJson(server.url, `/forms/${FORM_UUID}/submit`, example);

    expect(response.status).toBe(200);
  });

  it('applies the address rules to form submissions', async () => {
    const response = await postJson<ApiErrorBody>(server.url, `/forms/${FORM_UUID}/submit`, {
      emailAddress: 'jane.rivera@example.org',
      addressLine1: '200 Lakeshore Dr',
    });

    expect(response.status).toBe(422);
    expect(fieldsOf(response.body).sort()).toEqual(['body.city', 'body.postalCode', 'body.state']);
  });
  it.each([
    [
      'code=404, example=nope',
      /404 response of GET \/contacts\/\{id\} has no example "nope"; use one of: notFound/,
    ],
    ['code=404, example=Physician', /404 response .* has no example "Physician"/],
    ['example=nope', /200 response .* use one of: Physician, Patient/],
    ['code=418', /documents no 418 response\. Use one of: 200, 401/],
  ])('rejects Prefer %s naming the choices', async (prefer, detail) => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/1024', {
      headers: { ...CREDENTIALS, Prefer: prefer },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe('header.Prefer');
    expect(response.body.errors?.[0]?.error).toMatch(detail);
  });

  it('honours Prefer code with an example of that code', async () => {
    const response = await send<ApiErrorBody>(server.url, '/contacts/1024', {
      headers: { ...CREDENTIALS, Prefer: 'code=404, example=notFound' },
    });

    expect(response.status).toBe(404);
  });

  it('checks credentials before Prefer', async () => {
    const response = await send(server.url, '/contacts/1024', {
      headers: { 'X-Account': ACCOUNT, Prefer: 'code=418' },
    });

    expect(response.status).toBe(401);
  });
});
