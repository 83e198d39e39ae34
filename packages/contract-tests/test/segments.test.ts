import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { authHeaders, mockClient, mockUrl } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { send } from './support/sample-requests.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields } from './support/error-fields.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type SegmentCreate = components['schemas']['SegmentCreate'];
type SegmentUpdate = components['schemas']['SegmentUpdate'];

const pulse = mockClient();
const segmentId = 87;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Segments operations', () => {
  it('listSegments returns a page', async () => {
    const result = await pulse.GET('/segments');

    expectConforms('listSegments', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listSegments takes isArchived, fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/segments', {
      params: {
        query: {
          isArchived: false,
          'fields[]': ['name', 'contactCount'],
          'sort[]': ['contactCount:DESC', 'name:asc'],
          page: 1,
          limit: 2,
        },
      },
    });

    expectConforms('listSegments', 200, result);
  });

  it('listSegments takes ignorePagination', async () => {
    const result = await pulse.GET('/segments', { params: { query: { ignorePagination: true } } });

    expectConforms('listSegments', 200, result);
  });

  it('getSegment returns one segment with its size', async () => {
    const result = await pulse.GET('/segments/{id}', { params: { path: { id: segmentId } } });

    expectConforms('getSegment', 200, result);
    expect(result.data?.contactCount).toBeTypeOf('number');
  });

  it('createSegment creates an empty segment', async () => {
    const result = await pulse.POST('/segments', { body: { name: 'Midwest cardiologists' } });

    expectConforms('createSegment', 201, result);
    expect(result.data?.contactCount).toBe(0);
    expect(result.data?.isArchived).toBe(false);
  });

  it('updateSegment renames the segment', async () => {
    const result = await pulse.PUT('/segments/{id}', {
      params: { path: { id: segmentId } },
      body: { name: 'Midwest interventional cardiologists' },
    });

    expectConforms('updateSegment', 200, result);
  });

  it('archiveSegment returns the archived segment', async () => {
    const result = await pulse.POST('/segments/{id}/archive', {
      params: { path: { id: segmentId } },
    });

    expectConforms('archiveSegment', 200, result);
    expect(result.data?.isArchived).toBe(true);
  });

  it('archiveSegment succeeds again on an archived segment', async () => {
    const request = { params: { path: { id: segmentId } } };
    const first = await pulse.POST('/segments/{id}/archive', request);
    const second = await pulse.POST('/segments/{id}/archive', request);

    expectConforms('archiveSegment', 200, first);
    expectConforms('archiveSegment', 200, second);
    expect(second.data?.isArchived).toBe(true);
  });
});

// Raw query strings, so the brackets reach the mock exactly as written here.
const invalidQueries: [string, string, string][] = [
  ['unknown field', '/segments?fields[]=members', 'query.fields[]'],
  ['unknown sort direction', '/segments?sort[]=name:UP', 'query.sort[]'],
  ['sort by a campaign field', '/segments?sort[]=startDate:ASC', 'query.sort[]'],
  ['page 0', '/segments?page=0', 'query.page'],
  ['non-boolean isArchived', '/segments?isArchived=1', 'query.isArchived'],
];

const validQueries: string[] = [
  '/segments?isArchived=true',
  '/segments?fields[]=name&fields[]=contactCount&sort[]=contactCount:desc&sort[]=name:ASC',
  '/segments?page=3&limit=5',
];

describe('Segments list parameters', () => {
  it.each(invalidQueries)('listSegments rejects %s', async (_case, path, field) => {
    const sample = { operationId: 'listSegments', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(422);
    expect(responseProblems('listSegments', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listSegments accepts %s', async (path) => {
    const sample = { operationId: 'listSegments', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(200);
    expect(responseProblems('listSegments', 200, body)).toEqual([]);
  });
});

// Each body breaks exactly one rule of the spec; the field is where the mock must report it.
const invalidUpdates: [string, unknown, string][] = [
  ['empty name', { name: '' }, 'body.name'],
  ['numeric name', { name: 87 }, 'body.name'],
  ['isArchived', { name: 'Midwest cardiologists', isArchived: true }, 'body.isArchived'],
];

const invalidCreations: [string, unknown, string][] = [
  ['missing name', {}, 'body.name'],
  ...invalidUpdates,
];

describe('Segments request bodies', () => {
  it.each(invalidCreations)('createSegment rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/segments', { body: body as SegmentCreate });

    const error = expectConforms('createSegment', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidUpdates)('updateSegment rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/segments/{id}', {
      params: { path: { id: segmentId } },
      body: body as SegmentUpdate,
    });

    const error = expectConforms('updateSegment', 422, result);
    expect(errorFields(error)).toContain(field);
  });
});

describe('Segments unknown ids', () => {
  it('getSegment returns 404', async () => {
    const result = await pulse.GET('/segments/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('getSegment', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('updateSegment returns 404', async () => {
    const result = await pulse.PUT('/segments/{id}', {
      params: { path: { id: unknownId } },
      body: { name: 'Midwest cardiologists' },
      headers: notFound,
    });

    expectConforms('updateSegment', 404, result);
  });

  it('archiveSegment returns 404', async () => {
    const result = await pulse.POST('/segments/{id}/archive', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    expectConforms('archiveSegment', 404, result);
  });

  it('getSegment rejects id 0', async () => {
    const result = await pulse.GET('/segments/{id}', { params: { path: { id: 0 } } });

    const error = expectConforms('getSegment', 422, result);
    expect(errorFields(error)).toContain('path.id');
  });
});
