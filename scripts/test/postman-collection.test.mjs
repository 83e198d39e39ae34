import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildPostmanCollection,
  buildPostmanEnvironments,
  POSTMAN_ENVIRONMENTS,
} from '../samples/postman-collection.mjs';

const document = {
  info: {
    title: 'Pulse Engagement Cloud API',
    summary: 'Contacts and campaigns',
    version: '1.0.0',
  },
  servers: [
    { url: 'https://api.pulsehealth.tech' },
    { url: 'https://api.pulsehealth-staging.tech' },
  ],
  tags: [{ name: 'Contacts', description: 'People' }, { name: 'Empty' }],
  paths: {
    '/contacts/{contactId}/emails': {
      get: {
        operationId: 'listContactEmails',
        tags: ['Contacts'],
        summary: 'List email addresses',
        parameters: [
          { name: 'contactId', in: 'path', required: true, example: 1024 },
          { name: 'sort[]', in: 'query', example: ['emailAddress:ASC', 'isDefault:DESC'] },
          { name: 'limit', in: 'query', schema: { type: 'integer', default: 25 } },
        ],
        responses: { 200: { description: 'OK' } },
      },
      post: {
        operationId: 'addContactEmail',
        tags: ['Contacts'],
        summary: 'Add an email address',
        parameters: [{ name: 'contactId', in: 'path', required: true, example: 1024 }],
        requestBody: {
          content: {
            'application/json': { examples: { a: { value: { emailAddress: 'a@b.c' } } } },
          },
        },
        responses: { 201: { description: 'Created' } },
      },
    },
  },
};

describe('buildPostmanCollection', () => {
  const collection = buildPostmanCollection(document);
  const [folder] = collection.item;
  const [list, add] = folder?.item ?? [];

  it('makes a folder per tag with operations', () => {
    assert.deepEqual(
      collection.item.map((entry) => entry.name),
      ['Contacts'],
    );
    assert.equal(folder?.description, 'People');
  });

  it('turns path parameters into variables', () => {
    assert.deepEqual(list?.request.url.path, ['contacts', ':contactId', 'emails']);
    assert.deepEqual(list?.request.url.variable, [
      { key: 'contactId', value: '1024', description: '' },
    ]);
  });

  it('repeats bracket parameters by name', () => {
    const enabled = list?.request.url.query?.filter((pair) => !pair.disabled);
    assert.deepEqual(
      enabled?.map((pair) => [pair.key, pair.value]),
      [
        ['sort[]', 'emailAddress:ASC'],
        ['sort[]', 'isDefault:DESC'],
      ],
    );
    assert.equal(
      list?.request.url.raw,
      '{{baseUrl}}/contacts/:contactId/emails?sort[]=emailAddress:ASC&sort[]=isDefault:DESC',
    );
  });

  it('lists parameters without example disabled', () => {
    const limit = list?.request.url.query?.find((pair) => pair.key === 'limit');
    assert.equal(limit?.disabled, true);
    assert.equal(limit?.value, '25');
  });

  it('sends the example body as raw JSON', () => {
    assert.equal(add?.request.body?.mode, 'raw');
    assert.deepEqual(JSON.parse(add?.request.body?.raw ?? ''), { emailAddress: 'a@b.c' });
    assert.ok(add?.request.header.some((header) => header.key === 'Content-Type'));
  });

  it('authenticates with variables', () => {
    assert.deepEqual(list?.request.header, [
      { key: 'Authorization', value: 'API-TOKEN {{apiToken}}' },
      { key: 'X-Account', value: '{{accountId}}' },
    ]);
  });
});

describe('buildPostmanEnvironments', () => {
  it('makes one environment per target', () => {
    const environments = buildPostmanEnvironments(document);
    assert.deepEqual(
      environments.map(({ slug }) => slug),
      POSTMAN_ENVIRONMENTS.map(({ slug }) => slug),
    );
  });

  it('rejects servers that no longer match', () => {
    const moved = { ...document, servers: [{ url: 'https://api.example.test' }] };
    assert.throws(
      () => buildPostmanEnvironments(moved),
      /servers do not include https:\/\/api\.pulsehealth\.tech/,
    );
  });
});
