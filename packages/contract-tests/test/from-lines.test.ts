import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { authHeaders, mockClient, mockUrl } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type FromLineCreate = components['schemas']['FromLineCreate'];

const pulse = mockClient();
const fromLineId = 31;
const unknownId = 999999;
const notFound = notFoundHeaders();

const validFromLine: FromLineCreate = {
  name: 'Oncology medical information',
  senderName: 'Brightwell Medical Information',
  senderAddress: 'medinfo@oncology.example.com',
  replyToAddress: 'medinfo-replies@oncology.example.com',
};

describe('From Lines operations', () => {
  it('listFromLines returns a page', async () => {
    const result = await pulse.GET('/from-lines');

    expectConforms('listFromLines', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
    expect(result.data?.items[0]?.senderAddress).toBe('medinfo@oncology.example.com');
  });

  it('listFromLines takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/from-lines', {
      params: {
        query: {
          'fields[]': ['name', 'senderAddress'],
          'sort[]': ['name:asc', 'createdAt:DESC'],
          page: 1,
          limit: 10,
        },
      },
    });

    expectConforms('listFromLines', 200, result);
  });

  it('listFromLines takes ignorePagination', async () => {
    const result = await pulse.GET('/from-lines', {
      params: { query: { ignorePagination: true } },
    });

    expectConforms('listFromLines', 200, result);
  });

  it('getFromLine returns one from line', async () => {
    const result = await pulse.GET('/from-lines/{id}', { params: { path: { id: fromLineId } } });

    expectConforms('getFromLine', 200, result);
    expect(result.data?.id).toBe(fromLineId);
    expect(result.data?.replyToAddress).toBe('medinfo-replies@oncology.example.com');
  });

  it('createFromLine creates a sender with a reply-to address', async () => {
    const result = await pulse.POST('/from-lines', { body: validFromLine });

    expectConforms('createFromLine', 201, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('createFromLine needs no replyToAddress', async () => {
    const { replyToAddress: _omitted, ...body } = validFromLine;
    const result = await pulse.POST('/from-lines', { body });

    expectConforms('createFromLine', 201, result);
  });

  it('updateFromLine changes the sender name', async () => {
    const result = await pulse.PUT('/from-lines/{id}', {
      params: { path: { id: fromLineId } },
      body: { senderName: 'Brightwell Medical Science Liaisons' },
    });

    expectConforms('updateFromLine', 200, result);
    expect(result.data?.senderName).toBe('Brightwell Medical Science Liaisons');
  });

  it('deleteFromLine returns no content', async () => {
    // Deletes a from line of its own, so the seeded one stays for other tests.
    const created = await pulse.POST('/from-lines', { body: validFromLine });
    const result = await pulse.DELETE('/from-lines/{id}', {
      params: { path: { id: createdId('createFromLine', created) } },
    });

    expectConforms('deleteFromLine', 204, result);
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/from-lines?fields[]=password', 'query.fields[]'],
  ['unknown sort direction', '/from-lines?sort[]=name:UP', 'query.sort[]'],
  ['sort without direction', '/from-lines?sort[]=name', 'query.sort[]'],
  ['sort by a contact field', '/from-lines?sort[]=lastName:ASC', 'query.sort[]'],
  ['page 0', '/from-lines?page=0', 'query.page'],
  ['limit 0', '/from-lines?limit=0', 'query.limit'],
  ['non-boolean ignorePagination', '/from-lines?ignorePagination=maybe', 'query.ignorePagination'],
];

const validQueries: string[] = [
  '/from-lines?fields[]=senderName&fields[]=senderAddress&fields[]=replyToAddress',
  '/from-lines?sort[]=senderAddress:desc&sort[]=updatedAt:Asc',
  '/from-lines?fields%5B%5D=name&sort%5B%5D=name%3AASC&page=2&limit=5',
];

describe('From Lines list parameters', () => {
  it.each(invalidQueries)('listFromLines rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems('listFromLines', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listFromLines accepts %s', async (path) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(200);
    expect(responseProblems('listFromLines', 200, body)).toEqual([]);
  });
});

// Each change breaks exactly one rule of the spec; the field is where the mock must report it.
// The create tests apply a change to a valid body, where `undefined` drops a required field.
const invalidCreates: [string, object, string][] = [
  ['missing name', { name: undefined }, 'body.name'],
  ['missing senderName', { senderName: undefined }, 'body.senderName'],
  ['missing senderAddress', { senderAddress: undefined }, 'body.senderAddress'],
];

const invalidFields: [string, object, string][] = [
  ['empty name', { name: '' }, 'body.name'],
  ['empty senderName', { senderName: '' }, 'body.senderName'],
  ['senderAddress without domain', { senderAddress: 'medinfo' }, 'body.senderAddress'],
  ['senderAddress with spaces', { senderAddress: 'med info@example.com' }, 'body.senderAddress'],
  [
    'senderAddress over 254 characters',
    { senderAddress: `${'a'.repeat(243)}@example.com` },
    'body.senderAddress',
  ],
  ['replyToAddress without at sign', { replyToAddress: 'example.com' }, 'body.replyToAddress'],
  ['numeric senderName', { senderName: 42 }, 'body.senderName'],
];

describe('From Lines request bodies', () => {
  it.each([...invalidCreates, ...invalidFields])(
    'createFromLine rejects %s',
    async (_case, change, field) => {
      const body = { ...validFromLine, ...change } as FromLineCreate;
      const result = await pulse.POST('/from-lines', { body });

      const error = expectConforms('createFromLine', 422, result);
      expect(errorFields(error)).toContain(field);
    },
  );

  it.each(invalidFields)('updateFromLine rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/from-lines/{id}', {
      params: { path: { id: fromLineId } },
      body: body as FromLineCreate,
    });

    const error = expectConforms('updateFromLine', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('createFromLine rejects a body that is not JSON', async () => {
    const response = await fetch(`${mockUrl()}/from-lines`, {
      method: 'POST',
      headers: { ...authHeaders, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });

    expect(response.status).toBe(400);
    expect(responseProblems('createFromLine', 400, await response.json())).toEqual([]);
  });
});

describe('From Lines unknown ids', () => {
  it('getFromLine returns 404', async () => {
    const result = await pulse.GET('/from-lines/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('getFromLine', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('updateFromLine returns 404', async () => {
    const result = await pulse.PUT('/from-lines/{id}', {
      params: { path: { id: unknownId } },
      body: { senderName: 'Brightwell Medical Information' },
      headers: notFound,
    });

    expectConforms('updateFromLine', 404, result);
  });

  it('deleteFromLine returns 404', async () => {
    const result = await pulse.DELETE('/from-lines/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    expectConforms('deleteFromLine', 404, result);
  });

  it('getFromLine rejects id 0', async () => {
    const result = await pulse.GET('/from-lines/{id}', { params: { path: { id: 0 } } });

    const error = expectConforms('getFromLine', 422, result);
    expect(errorFields(error)).toContain('path.id');
  });
});
