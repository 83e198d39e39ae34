import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type SourceCreate = components['schemas']['SourceCreate'];

const pulse = mockClient();
const notFound = notFoundHeaders();

/** Sends a GET with a raw query string, so that the brackets reach the mock as written. */
describe('Sources operations', () => {
  it('listSources returns a page', async () => {
    const result = await pulse.GET('/sources');

    expectConforms('listSources', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listSources takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/sources', {
      params: {
        query: { 'fields[]': ['name'], 'sort[]': ['name:asc', 'id:DESC'], page: 1, limit: 50 },
      },
    });

    expectConforms('listSources', 200, result);
  });

  it('listSources takes ignorePagination', async () => {
    const result = await pulse.GET('/sources', { params: { query: { ignorePagination: true } } });

    expectConforms('listSources', 200, result);
  });

  it('getSource returns one source', async () => {
    const result = await pulse.GET('/sources/{id}', { params: { path: { id: 12 } } });

    expectConforms('getSource', 200, result);
    expect(result.data?.id).toBe(12);
    expect(result.data?.name).toBeTypeOf('string');
  });

  it('createSource returns the new source', async () => {
    const result = await pulse.POST('/sources', { body: { name: 'Veeva CRM sync' } });

    expectConforms('createSource', 201, result);
    expect(result.data?.id).toBeTypeOf('number');
    expect(result.data?.name).toBe('Veeva CRM sync');
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/sources?fields[]=tacticId', 'query.fields[]'],
  ['unknown sort direction', '/sources?sort[]=name:UP', 'query.sort[]'],
  ['sort by an unknown field', '/sources?sort[]=createdAt:ASC', 'query.sort[]'],
  ['page 0', '/sources?page=0', 'query.page'],
  ['limit 0', '/sources?limit=0', 'query.limit'],
];

const invalidBodies: [string, unknown, string][] = [
  ['missing name', {}, 'body.name'],
  ['empty name', { name: '' }, 'body.name'],
  ['numeric name', { name: 12 }, 'body.name'],
];

describe('Sources validation', () => {
  it.each(invalidQueries)('listSources rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems('listSources', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(invalidBodies)('createSource rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/sources', { body: body as SourceCreate });

    const error = expectConforms('createSource', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('getSource rejects id 0', async () => {
    const result = await pulse.GET('/sources/{id}', { params: { path: { id: 0 } } });

    const error = expectConforms('getSource', 422, result);
    expect(errorFields(error)).toContain('path.id');
  });

  it('getSource returns 404 for an unknown id', async () => {
    const result = await pulse.GET('/sources/{id}', {
      params: { path: { id: 999999 } },
      headers: notFound,
    });

    const error = expectConforms('getSource', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(999999));
  });
});
