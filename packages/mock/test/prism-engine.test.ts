import { readFileSync } from 'node:fs';
import { createLogger } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpRequest,
} from '@stoplight/prism-http';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../src/document.js';
import { normaliseSchemaDialect } from '../src/schema-dialect.js';
import { ACCOUNT, FIXTURE_PATH, TOKEN } from './helpers.js';

// These tests call Prism 5.12 directly, without this package's server, to record the two
// engine behaviours the server works around. If an upgrade changes either, they fail and the
// workaround can be revisited.

const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as OpenApiDocument;
const headers = {
  authorization: `API-TOKEN ${TOKEN}`,
  'x-account': ACCOUNT,
  'content-type': 'application/json',
};

async function statusFromPrism(document: OpenApiDocument, request: IHttpRequest): Promise<number> {
  const operations = await getHttpOperationsFromSpec(structuredClone(document));
  const prism = createInstance(
    {
      isProxy: false,
      checkSecurity: true,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      mock: { dynamic: false },
    },
    { logger: createLogger('test', { level: 'silent' }) },
  );
  const result = await prism.request(request, operations)();
  if (result._tag === 'Left') {
    throw result.left;
  }
  return result.right.output.statusCode;
}

function listContacts(query: Record<string, string | string[]>): IHttpRequest {
  return { method: 'get', url: { path: '/contacts', query }, headers };
}

function createContact(body: unknown): IHttpRequest {
  return { method: 'post', url: { path: '/contacts' }, headers, body };
}

describe('Prism 5.12 query validation', () => {
  it('validates sort[] when the key keeps its brackets', async () => {
    const status = await statusFromPrism(fixture, listContacts({ 'sort[]': ['lastName:UP'] }));

    expect(status).toBe(422);
  });

  it('skips validation when brackets are stripped', async () => {
    // What a qs-style parser produces: Prism finds no parameter named "sort" and checks nothing.
    const status = await statusFromPrism(fixture, listContacts({ sort: ['lastName:UP'] }));

    expect(status).toBe(200);
  });

  it('validates a single sort[] value given as a string', async () => {
    const status = await statusFromPrism(fixture, listContacts({ 'sort[]': 'lastName:UP' }));

    expect(status).toBe(422);
  });
});

describe('Prism 5.12 body validation dialect', () => {
  const addressLine2Only = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    locations: [{ addressLine2: 'Suite 5' }],
  };
  const noFirstName = { lastName: 'Lovelace' };

  it('ignores dependentRequired without jsonSchemaDialect', async () => {
    const status = await statusFromPrism(fixture, createContact(addressLine2Only));

    expect(status).toBe(201);
  });

  it('enforces dependentRequired after dialect normalisation', async () => {
    const status = await statusFromPrism(
      normaliseSchemaDialect(fixture),
      createContact(addressLine2Only),
    );

    expect(status).toBe(422);
  });

  it('skips body validation for the OpenAPI base dialect', async () => {
    const document = {
      ...fixture,
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    };

    const status = await statusFromPrism(document, createContact(noFirstName));

    expect(status).toBe(201);
  });

  it('validates bodies for the base dialect after normalisation', async () => {
    const document = {
      ...fixture,
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    };

    const status = await statusFromPrism(
      normaliseSchemaDialect(document),
      createContact(noFirstName),
    );

    expect(status).toBe(422);
  });
});
