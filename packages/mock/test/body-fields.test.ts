import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type ApiErrorBody, type MockServer } from '../src/index.js';
import { fieldsOf, postJson } from './helpers.js';

// A closed body with a field that requests may not set, as the spec's action and campaign
// bodies have.
const document = {
  openapi: '3.1.0',
  info: { title: 'Closed bodies', version: '1.0.0' },
  paths: {
    '/campaigns': {
      post: {
        operationId: 'createCampaign',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  isArchived: false,
                  location: {
                    type: 'object',
                    properties: { city: { type: 'string' } },
                    additionalProperties: false,
                  },
                },
                unevaluatedProperties: false,
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: { 'application/json': { example: { id: 1, name: 'Launch' } } },
          },
        },
      },
    },
  },
};

describe('unknown and forbidden body fields', () => {
  let server: MockServer;

  beforeAll(async () => {
    server = await startMockServer({ document, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('names an unknown top-level field', async () => {
    const { status, body } = await postJson<ApiErrorBody>(server.url, '/campaigns', {
      name: 'Launch',
      nmae: 'typo',
    });

    expect(status).toBe(422);
    expect(fieldsOf(body)).toEqual(['body.nmae']);
    expect(body.errors?.[0]?.error).toMatch(/not a field of this request body/);
  });

  it('names an unknown nested field', async () => {
    const { body } = await postJson<ApiErrorBody>(server.url, '/campaigns', {
      location: { city: 'Chicago', zip: '60611' },
    });

    expect(fieldsOf(body)).toEqual(['body.location.zip']);
  });

  it('rejects a field requests may not set', async () => {
    const { status, body } = await postJson<ApiErrorBody>(server.url, '/campaigns', {
      isArchived: true,
    });

    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { error: 'cannot be set in this request. Remove it.', field: 'body.isArchived' },
    ]);
  });
});
