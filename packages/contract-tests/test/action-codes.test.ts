import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { exampleHeaders, notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

const pulse = mockClient();
const notFound = notFoundHeaders();

/** Sends a GET with a raw query string, so that the brackets reach the mock as written. */
describe('Action Codes operations', () => {
  it('listActionCodes returns a page', async () => {
    const result = await pulse.GET('/action-codes');

    expectConforms('listActionCodes', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listActionCodes filters by tacticId', async () => {
    const result = await pulse.GET('/action-codes', {
      params: {
        query: {
          tacticId: 1,
          'fields[]': ['name', 'tacticId'],
          'sort[]': ['name:ASC'],
          page: 1,
          limit: 3,
        },
      },
    });

    expectConforms('listActionCodes', 200, result);
    const tactics = result.data?.items.map((item) => item.tacticId);
    expect(tactics?.length).toBeGreaterThan(0);
    expect(new Set(tactics)).toEqual(new Set([1]));
  });

  it('listActionCodes takes ignorePagination', async () => {
    const result = await pulse.GET('/action-codes', {
      params: { query: { tacticId: 8, ignorePagination: true } },
    });

    expectConforms('listActionCodes', 200, result);
  });

  it('getActionCode returns one code', async () => {
    const result = await pulse.GET('/action-codes/{id}', { params: { path: { id: 103 } } });

    expectConforms('getActionCode', 200, result);
    expect(result.data?.id).toBe(103);
    expect(result.data?.tacticId).toBe(1);
  });

  it('getActionCode returns an event code', async () => {
    const result = await pulse.GET('/action-codes/{id}', {
      params: { path: { id: 802 } },
      headers: exampleHeaders('EventAttendedActionCode'),
    });

    expectConforms('getActionCode', 200, result);
    expect(result.data?.tacticId).toBe(8);
  });
});

const invalidQueries: [string, string, string][] = [
  ['tacticId 11', '/action-codes?tacticId=11', 'query.tacticId'],
  ['tacticId 0', '/action-codes?tacticId=0', 'query.tacticId'],
  ['tactic by name', '/action-codes?tacticId=email', 'query.tacticId'],
  ['unknown field', '/action-codes?fields[]=campaign', 'query.fields[]'],
  ['unknown sort direction', '/action-codes?sort[]=name:UP', 'query.sort[]'],
  ['sort by a contact field', '/action-codes?sort[]=lastName:ASC', 'query.sort[]'],
  ['page 0', '/action-codes?page=0', 'query.page'],
];

const validQueries: string[] = [
  '/action-codes?tacticId=10',
  '/action-codes?tacticId=9&sort[]=tacticId:desc&sort[]=name:Asc',
  '/action-codes?fields%5B%5D=tacticId&sort%5B%5D=id%3ADESC',
];

describe('Action Codes validation', () => {
  it.each(invalidQueries)('listActionCodes rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems('listActionCodes', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listActionCodes accepts %s', async (path) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(200);
    expect(responseProblems('listActionCodes', 200, body)).toEqual([]);
  });

  it('getActionCode rejects a non-integer id', async () => {
    const { status, body } = await getRaw('/action-codes/email-opened');

    expect(status).toBe(422);
    expect(errorFields(body)).toContain('path.id');
  });

  it('getActionCode returns 404 for an unknown id', async () => {
    const result = await pulse.GET('/action-codes/{id}', {
      params: { path: { id: 999999 } },
      headers: notFound,
    });

    const error = expectConforms('getActionCode', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(999999));
  });
});
