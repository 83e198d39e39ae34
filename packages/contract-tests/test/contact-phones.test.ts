import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type ContactPhoneCreate = components['schemas']['ContactPhoneCreate'];
type ContactPhoneUpdate = components['schemas']['ContactPhoneUpdate'];

const pulse = mockClient();
const contactId = 1024;
const phoneId = 9001;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Contact Phones operations', () => {
  it('listContactPhones returns a page', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
    });

    expectConforms('listContactPhones', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listContactPhones takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones', {
      params: {
        path: { contactId },
        query: {
          'fields[]': ['phone', 'isFax'],
          'sort[]': ['isFax:asc', 'phone:DESC'],
          page: 1,
          limit: 25,
        },
      },
    });

    expectConforms('listContactPhones', 200, result);
  });

  it('listContactPhones takes ignorePagination', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones', {
      params: { path: { contactId }, query: { ignorePagination: true } },
    });

    expectConforms('listContactPhones', 200, result);
  });

  it('addContactPhone returns the new number', async () => {
    const result = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
      body: { phone: '3125550149', isPhoneSubscribed: false, isSmsSubscribed: false, isFax: true },
    });

    expectConforms('addContactPhone', 201, result);
    expect(result.data?.phone).toMatch(/^[0-9]{10}$/);
  });

  it('addContactPhone needs nothing but phone', async () => {
    const result = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
      body: { phone: '6175550192' },
    });

    expectConforms('addContactPhone', 201, result);
  });

  it('getContactPhone returns one number', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: phoneId } },
    });

    expectConforms('getContactPhone', 200, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('updateContactPhone takes only the changed field', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: phoneId } },
      body: { isPhoneSubscribed: false },
    });

    expectConforms('updateContactPhone', 200, result);
    expect(result.data?.isPhoneSubscribed).toBe(false);
  });

  it('updateContactPhone changes the number', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: phoneId } },
      body: { phone: '3125550150', isSmsSubscribed: true },
    });

    expectConforms('updateContactPhone', 200, result);
  });

  it('removeContactPhone returns no content', async () => {
    // Removes a number of its own, so the stateful mock keeps the seeded one for other tests.
    const added = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
      body: { phone: '3125550177' },
    });
    const result = await pulse.DELETE('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: createdId('addContactPhone', added) } },
    });

    expectConforms('removeContactPhone', 204, result);
  });
});

// The response schema keeps the rules of the request schemas, so a mock or server that returns
// such a body fails the contract tests.
describe('Contact Phones response schema', () => {
  it('rejects a 9-digit phone', () => {
    const problems = responseProblems('getContactPhone', 200, { id: 9001, phone: '312555014' });

    expect(problems).not.toEqual([]);
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/contacts/1024/phones?fields[]=extension', 'query.fields[]'],
  ['unknown sort direction', '/contacts/1024/phones?sort[]=phone:DOWN', 'query.sort[]'],
  ['sort without direction', '/contacts/1024/phones?sort[]=phone', 'query.sort[]'],
  ['sort by a location field', '/contacts/1024/phones?sort[]=city:ASC', 'query.sort[]'],
  ['page 0', '/contacts/1024/phones?page=0', 'query.page'],
  ['non-numeric limit', '/contacts/1024/phones?limit=all', 'query.limit'],
  ['non-numeric contactId', '/contacts/rivera/phones', 'path.contactId'],
];

const validQueries: string[] = [
  '/contacts/1024/phones?fields[]=phone&fields[]=isSmsSubscribed',
  '/contacts/1024/phones?sort[]=isSmsSubscribed:Desc&sort[]=id:asc',
  '/contacts/1024/phones?ignorePagination=true',
];

describe('Contact Phones list parameters', () => {
  it.each(invalidQueries)('listContactPhones rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listContactPhones accepts %s', async (path) => {
    const { status } = await getRaw(path);

    expect(status).toBe(200);
  });

  it('getContactPhone rejects a negative id', async () => {
    const { status, body } = await getRaw('/contacts/1024/phones/-9001');

    expect(status).toBe(422);
    expect(errorFields(body)).toContain('path.id');
  });
});

// Each body breaks one rule of the spec, and the last value is the field where the mock
// reports it.
const invalidNewPhones: [string, unknown, string][] = [
  ['missing phone', { isFax: true }, 'body.phone'],
  ['9-digit phone', { phone: '312555014' }, 'body.phone'],
  ['11-digit phone with country code', { phone: '13125550148' }, 'body.phone'],
  ['phone with dashes', { phone: '312-555-0148' }, 'body.phone'],
  ['numeric phone', { phone: 3125550148 }, 'body.phone'],
  ['non-boolean isFax', { phone: '3125550149', isFax: 'yes' }, 'body.isFax'],
];

const invalidPhoneChanges: [string, unknown, string][] = [
  ['9-digit phone', { phone: '312555014' }, 'body.phone'],
  ['phone with parentheses', { phone: '(312) 5550148' }, 'body.phone'],
  ['non-boolean isSmsSubscribed', { isSmsSubscribed: 'true' }, 'body.isSmsSubscribed'],
];

describe('Contact Phones request bodies', () => {
  it.each(invalidNewPhones)('addContactPhone rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
      body: body as ContactPhoneCreate,
    });

    const error = expectConforms('addContactPhone', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidPhoneChanges)('updateContactPhone rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: phoneId } },
      body: body as ContactPhoneUpdate,
    });

    const error = expectConforms('updateContactPhone', 422, result);
    expect(errorFields(error)).toContain(field);
  });
});

describe('Contact Phones unknown ids', () => {
  it('listContactPhones returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones', {
      params: { path: { contactId: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('listContactPhones', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('addContactPhone returns 404', async () => {
    const result = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId: unknownId } },
      body: { phone: '3125550149' },
      headers: notFound,
    });

    expectConforms('addContactPhone', 404, result);
  });

  it('getContactPhone returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: unknownId } },
      headers: notFound,
    });

    expectConforms('getContactPhone', 404, result);
  });

  it('updateContactPhone returns 404', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId, id: unknownId } },
      body: { isSmsSubscribed: false },
      headers: notFound,
    });

    expectConforms('updateContactPhone', 404, result);
  });

  it('removeContactPhone returns 404', async () => {
    const result = await pulse.DELETE('/contacts/{contactId}/phones/{id}', {
      params: { path: { contactId: unknownId, id: phoneId } },
      headers: notFound,
    });

    expectConforms('removeContactPhone', 404, result);
  });
});
