import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type ContactLocationCreate = components['schemas']['ContactLocationCreate'];
type ContactLocationUpdate = components['schemas']['ContactLocationUpdate'];

const pulse = mockClient();
const contactId = 1024;
const locationId = 7001;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Contact Locations operations', () => {
  it('listContactLocations returns a page', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
    });

    expectConforms('listContactLocations', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listContactLocations takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations', {
      params: {
        path: { contactId },
        query: {
          'fields[]': ['company', 'city', 'state'],
          'sort[]': ['state:ASC', 'city:desc'],
          page: 1,
          limit: 50,
        },
      },
    });

    expectConforms('listContactLocations', 200, result);
  });

  it('listContactLocations takes ignorePagination', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations', {
      params: { path: { contactId }, query: { ignorePagination: true } },
    });

    expectConforms('listContactLocations', 200, result);
  });

  it('addContactLocation returns the new location', async () => {
    const result = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: {
        company: 'Lakeside Oncology Associates, Evanston office',
        addressLine1: '1000 Central St',
        addressLine2: 'Suite 210',
        city: 'Evanston',
        state: 'IL',
        postalCode: '60201',
        country: 'USA',
      },
    });

    expectConforms('addContactLocation', 201, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('addContactLocation accepts a company alone', async () => {
    const result = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: { company: 'Northshore Health Oncology' },
    });

    expectConforms('addContactLocation', 201, result);
  });

  it('getContactLocation returns one location', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: locationId } },
    });

    expectConforms('getContactLocation', 200, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('updateContactLocation takes a whole street address', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: locationId } },
      body: {
        addressLine1: '200 Lakeshore Dr',
        addressLine2: 'Suite 1200',
        city: 'Chicago',
        state: 'IL',
        postalCode: '60611',
      },
    });

    expectConforms('updateContactLocation', 200, result);
  });

  // Parts that no address rule ties to another part can change on their own.
  it.each([
    ['company', { company: 'Northshore Health Oncology' }],
    ['state', { state: 'IL' }],
    ['postalCode', { postalCode: '60611' }],
    ['country', { country: 'USA' }],
    ['city with state', { city: 'Chicago', state: 'IL' }],
  ])('updateContactLocation accepts %s alone', async (_case, body) => {
    const result = await pulse.PUT('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: locationId } },
      body,
    });

    expectConforms('updateContactLocation', 200, result);
  });

  it('removeContactLocation returns no content', async () => {
    // Removes a location of its own, so the stateful mock keeps the seeded one for other tests.
    const added = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: { company: 'Northshore Health Oncology' },
    });
    const result = await pulse.DELETE('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: createdId('addContactLocation', added) } },
    });

    expectConforms('removeContactLocation', 204, result);
  });
});

// The response schema keeps the rules of the request schemas, so a mock or server that returns
// such a body fails the contract tests.
describe('Contact Locations response schema', () => {
  it('rejects addressLine2 without addressLine1', () => {
    const problems = responseProblems('getContactLocation', 200, {
      id: 7001,
      addressLine2: 'Suite 210',
    });

    expect(problems).not.toEqual([]);
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/contacts/1024/locations?fields[]=zip', 'query.fields[]'],
  ['unknown sort direction', '/contacts/1024/locations?sort[]=city:UP', 'query.sort[]'],
  ['sort without direction', '/contacts/1024/locations?sort[]=city', 'query.sort[]'],
  ['sort by an email field', '/contacts/1024/locations?sort[]=emailAddress:ASC', 'query.sort[]'],
  ['page 0', '/contacts/1024/locations?page=0', 'query.page'],
  [
    'non-boolean ignorePagination',
    '/contacts/1024/locations?ignorePagination=all',
    'query.ignorePagination',
  ],
  ['contactId 0', '/contacts/0/locations', 'path.contactId'],
];

const validQueries: string[] = [
  '/contacts/1024/locations?fields[]=company&fields[]=postalCode',
  '/contacts/1024/locations?sort[]=state:asc&sort[]=postalCode:DESC',
  '/contacts/1024/locations?page=1&limit=100',
];

describe('Contact Locations list parameters', () => {
  it.each(invalidQueries)('listContactLocations rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listContactLocations accepts %s', async (path) => {
    const { status } = await getRaw(path);

    expect(status).toBe(200);
  });

  it('getContactLocation rejects id 0', async () => {
    const { status, body } = await getRaw('/contacts/1024/locations/0');

    expect(status).toBe(422);
    expect(errorFields(body)).toContain('path.id');
  });
});

// Each body breaks one rule, and the last value is the field where the mock reports it. All but
// the last row break an address rule. The rules hold for additions and updates alike, because
// they apply to the parts that each request sends.
const addressRuleBreaks: [string, unknown, string][] = [
  ['addressLine2 without addressLine1', { addressLine2: 'Suite 210' }, 'body.addressLine1'],
  [
    'addressLine1 without city',
    { addressLine1: '1000 Central St', state: 'IL', postalCode: '60201' },
    'body.city',
  ],
  [
    'addressLine1 without state',
    { addressLine1: '1000 Central St', city: 'Evanston', postalCode: '60201' },
    'body.state',
  ],
  [
    'addressLine1 without postalCode',
    { addressLine1: '1000 Central St', city: 'Evanston', state: 'IL' },
    'body.postalCode',
  ],
  ['city without state', { city: 'Evanston', postalCode: '60201' }, 'body.state'],
  ['numeric postalCode', { postalCode: 60201 }, 'body.postalCode'],
];

describe('Contact Locations request bodies', () => {
  it.each(addressRuleBreaks)('addContactLocation rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: body as ContactLocationCreate,
    });

    const error = expectConforms('addContactLocation', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(addressRuleBreaks)('updateContactLocation rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: locationId } },
      body: body as ContactLocationUpdate,
    });

    const error = expectConforms('updateContactLocation', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('updateContactLocation names every missing part', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: locationId } },
      body: { addressLine1: '1000 Central St' },
    });

    const error = expectConforms('updateContactLocation', 422, result);
    expect(errorFields(error)).toContain('body.city');
    expect(errorFields(error)).toContain('body.state');
    expect(errorFields(error)).toContain('body.postalCode');
  });

  it('addContactLocation rejects an empty body', async () => {
    const result = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: {},
    });

    const error = expectConforms('addContactLocation', 422, result);
    expect(errorFields(error)).toContain('body');
  });
});

describe('Contact Locations unknown ids', () => {
  it('listContactLocations returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations', {
      params: { path: { contactId: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('listContactLocations', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('addContactLocation returns 404', async () => {
    const result = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId: unknownId } },
      body: { company: 'Northshore Health Oncology' },
      headers: notFound,
    });

    expectConforms('addContactLocation', 404, result);
  });

  it('getContactLocation returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: unknownId } },
      headers: notFound,
    });

    expectConforms('getContactLocation', 404, result);
  });

  it('updateContactLocation returns 404', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId, id: unknownId } },
      body: { company: 'Northshore Health Oncology' },
      headers: notFound,
    });

    expectConforms('updateContactLocation', 404, result);
  });

  it('removeContactLocation returns 404', async () => {
    const result = await pulse.DELETE('/contacts/{contactId}/locations/{id}', {
      params: { path: { contactId: unknownId, id: locationId } },
      headers: notFound,
    });

    expectConforms('removeContactLocation', 404, result);
  });
});
