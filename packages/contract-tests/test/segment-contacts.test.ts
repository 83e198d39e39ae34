import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { authHeaders, mockClient, mockUrl } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { send } from './support/sample-requests.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields } from './support/error-fields.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type SegmentContactAddition = components['schemas']['SegmentContactAddition'];

const pulse = mockClient();
const segmentId = 87;
const contactId = 2051;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Segment Contacts operations', () => {
  it('listSegmentContacts returns a page', async () => {
    const result = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
    });

    expectConforms('listSegmentContacts', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listSegmentContacts takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/segments/{segmentId}/contacts', {
      params: {
        path: { segmentId },
        query: {
          'fields[]': ['firstName', 'lastName', 'npi'],
          'sort[]': ['lastName:ASC', 'firstName:asc'],
          page: 1,
          limit: 3,
        },
      },
    });

    expectConforms('listSegmentContacts', 200, result);
  });

  it('listSegmentContacts takes ignorePagination', async () => {
    const result = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId }, query: { ignorePagination: true } },
    });

    expectConforms('listSegmentContacts', 200, result);
  });

  it('addSegmentContacts accounts for every id', async () => {
    const contactIds = [2051, 2093, 2104, 3390];
    const result = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds },
    });

    expectConforms('addSegmentContacts', 200, result);
    const outcome = result.data;
    const counted =
      (outcome?.added ?? 0) +
      (outcome?.alreadyMembers ?? 0) +
      (outcome?.notFoundContactIds.length ?? 0);
    expect(counted).toBe(contactIds.length);
  });

  it('addSegmentContacts accepts 1000 ids', async () => {
    const contactIds = Array.from({ length: 1000 }, (_, index) => 1000 + index);
    const result = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds },
    });

    expectConforms('addSegmentContacts', 200, result);
  });

  it('removeSegmentContact returns no content', async () => {
    // Removes a member of its own, so no other test finds its member gone.
    const created = await pulse.POST('/contacts', { body: { source: 12 } });
    const memberId = createdId('createContact', created);
    await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds: [memberId] },
    });
    const result = await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId, contactId: memberId } },
    });

    expectConforms('removeSegmentContact', 204, result);
  });
});

// Raw query strings, so the brackets reach the mock exactly as written here.
const invalidQueries: [string, string, string][] = [
  [
    'contact field missing from summaries',
    '/segments/87/contacts?fields[]=emails',
    'query.fields[]',
  ],
  ['unknown sort direction', '/segments/87/contacts?sort[]=lastName:UP', 'query.sort[]'],
  ['sort by createdAt', '/segments/87/contacts?sort[]=createdAt:DESC', 'query.sort[]'],
  ['page 0', '/segments/87/contacts?page=0', 'query.page'],
  ['segmentId 0', '/segments/0/contacts', 'path.segmentId'],
];

const validQueries: string[] = [
  '/segments/87/contacts?fields[]=npi&fields[]=contactType&sort[]=npi:desc',
  '/segments/87/contacts?page=2&limit=100',
];

describe('Segment Contacts list parameters', () => {
  it.each(invalidQueries)('listSegmentContacts rejects %s', async (_case, path, field) => {
    const sample = { operationId: 'listSegmentContacts', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(422);
    expect(responseProblems('listSegmentContacts', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listSegmentContacts accepts %s', async (path) => {
    const sample = { operationId: 'listSegmentContacts', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(200);
    expect(responseProblems('listSegmentContacts', 200, body)).toEqual([]);
  });
});

// Each body breaks exactly one rule of the spec; the field is where the mock must report it.
const invalidAdditions: [string, unknown, string][] = [
  ['missing contactIds', {}, 'body.contactIds'],
  ['empty contactIds', { contactIds: [] }, 'body.contactIds'],
  ['repeated id', { contactIds: [2051, 2093, 2051] }, 'body.contactIds'],
  [
    '1001 ids',
    { contactIds: Array.from({ length: 1001 }, (_, index) => 1000 + index) },
    'body.contactIds',
  ],
  ['id as a string', { contactIds: ['2051'] }, 'body.contactIds[0]'],
  ['id 0', { contactIds: [2051, 0] }, 'body.contactIds[1]'],
  ['contactIds as one number', { contactIds: 2051 }, 'body.contactIds'],
];

describe('Segment Contacts request bodies', () => {
  it.each(invalidAdditions)('addSegmentContacts rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: body as SegmentContactAddition,
    });

    const error = expectConforms('addSegmentContacts', 422, result);
    expect(errorFields(error)).toContain(field);
  });
});

describe('Segment Contacts unknown ids', () => {
  it('listSegmentContacts returns 404', async () => {
    const result = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('listSegmentContacts', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('addSegmentContacts returns 404', async () => {
    const result = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId: unknownId } },
      body: { contactIds: [contactId] },
      headers: notFound,
    });

    expectConforms('addSegmentContacts', 404, result);
  });

  it('removeSegmentContact returns 404', async () => {
    const result = await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId, contactId: unknownId } },
      headers: notFound,
    });

    expectConforms('removeSegmentContact', 404, result);
  });

  it('removeSegmentContact rejects contactId 0', async () => {
    const result = await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId, contactId: 0 } },
    });

    const error = expectConforms('removeSegmentContact', 422, result);
    expect(errorFields(error)).toContain('path.contactId');
  });
});
