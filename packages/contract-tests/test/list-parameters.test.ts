import { describe, expect, it } from 'vitest';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';

const invalidQueries: [string, string, string, string][] = [
  ['listContacts', 'unknown sort direction', '/contacts?sort[]=lastName:UP', 'query.sort[]'],
  ['listContacts', 'sort without direction', '/contacts?sort[]=lastName', 'query.sort[]'],
  ['listContacts', 'sort by a field of forms', '/contacts?sort[]=name:ASC', 'query.sort[]'],
  [
    'listContacts',
    'second sort value invalid',
    '/contacts?sort[]=lastName:ASC&sort[]=firstName:UP',
    'query.sort[]',
  ],
  ['listContacts', 'unknown field', '/contacts?fields[]=password', 'query.fields[]'],
  ['listContacts', 'page 0', '/contacts?page=0', 'query.page'],
  ['listContacts', 'limit 0', '/contacts?limit=0', 'query.limit'],
  ['listContacts', 'non-numeric limit', '/contacts?limit=ten', 'query.limit'],
  [
    'listContacts',
    'non-boolean ignorePagination',
    '/contacts?ignorePagination=maybe',
    'query.ignorePagination',
  ],
  [
    'searchContacts',
    'unknown group',
    '/contacts/search?groups[]=contact_password&simpleSearch=a',
    'query.groups[]',
  ],
  [
    'searchContacts',
    'missing simpleSearch',
    '/contacts/search?groups[]=contact_display_email',
    'query.simpleSearch',
  ],
  [
    'searchContacts',
    'missing groups[]',
    '/contacts/search?simpleSearch=a%40example.org',
    'query.groups[]',
  ],
  [
    'searchContacts',
    'invalid sort',
    '/contacts/search?groups[]=contact_npi&simpleSearch=1&sort[]=npi:UP',
    'query.sort[]',
  ],
  ['listForms', 'sort by a contact field', '/forms?sort[]=lastName:ASC', 'query.sort[]'],
  ['listForms', 'unknown field', '/forms?fields[]=firstName', 'query.fields[]'],
];

const validQueries: [string, string][] = [
  ['listContacts', '/contacts?sort[]=lastName:ASC'],
  ['listContacts', '/contacts?sort[]=lastName:asc&sort[]=createdAt:Desc'],
  ['listContacts', '/contacts?fields[]=firstName&fields[]=lastName&fields[]=emails'],
  ['listContacts', '/contacts?fields%5B%5D=firstName&sort%5B%5D=lastName%3ADESC'],
  ['listContacts', '/contacts?page=3&limit=100'],
  ['listContacts', '/contacts?ignorePagination=true'],
  [
    'searchContacts',
    '/contacts/search?groups[]=contact_display_email&simpleSearch=jane.rivera%40example.org',
  ],
  [
    'searchContacts',
    '/contacts/search?groups[]=contact_display_name&groups[]=contact_npi&simpleSearch=Rivera',
  ],
  ['listForms', '/forms?fields[]=name&sort[]=name:desc&page=1&limit=5'],
];

describe('list parameters', () => {
  it.each(invalidQueries)('%s rejects %s', async (operationId, _case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems(operationId, 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('%s accepts %s', async (operationId, path) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(200);
    expect(responseProblems(operationId, 200, body)).toEqual([]);
  });
});
