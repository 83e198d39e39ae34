import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type ContactEmailCreate = components['schemas']['ContactEmailCreate'];
type ContactEmailUpdate = components['schemas']['ContactEmailUpdate'];

const pulse = mockClient();
const contactId = 1024;
const emailId = 5001;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Contact Emails operations', () => {
  it('listContactEmails returns a page', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
    });

    expectConforms('listContactEmails', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listContactEmails takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails', {
      params: {
        path: { contactId },
        query: {
          'fields[]': ['emailAddress', 'isSubscribed'],
          'sort[]': ['isDefault:desc', 'emailAddress:ASC'],
          page: 1,
          limit: 10,
        },
      },
    });

    expectConforms('listContactEmails', 200, result);
  });

  it('listContactEmails takes ignorePagination', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId }, query: { ignorePagination: true } },
    });

    expectConforms('listContactEmails', 200, result);
  });

  it('addContactEmail returns the new address', async () => {
    const result = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: {
        emailAddress: 'jrivera@lakesideoncology.example.org',
        isSubscribed: false,
        isDefault: false,
      },
    });

    expectConforms('addContactEmail', 201, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('addContactEmail needs nothing but emailAddress', async () => {
    const result = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: { emailAddress: 'jane.rivera@example.org' },
    });

    expectConforms('addContactEmail', 201, result);
  });

  it('getContactEmail returns one address', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: emailId } },
    });

    expectConforms('getContactEmail', 200, result);
    expect(result.data?.emailAddress).toMatch(/@/);
  });

  it('updateContactEmail takes only the changed field', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: emailId } },
      body: { isSubscribed: false },
    });

    expectConforms('updateContactEmail', 200, result);
    expect(result.data?.isSubscribed).toBe(false);
  });

  it('updateContactEmail changes the address', async () => {
    // Changes an address of its own, so searches by the seeded address still find contact 1024.
    const added = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: { emailAddress: 'jrivera.old@example.org' },
    });
    const result = await pulse.PUT('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: createdId('addContactEmail', added) } },
      body: { emailAddress: 'jane.rivera@example.com', isDefault: true },
    });

    expectConforms('updateContactEmail', 200, result);
  });

  it('removeContactEmail returns no content', async () => {
    // Removes an address of its own, so the stateful mock keeps the seeded one for other tests.
    const added = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: { emailAddress: 'jrivera.removed@example.org' },
    });
    const result = await pulse.DELETE('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: createdId('addContactEmail', added) } },
    });

    expectConforms('removeContactEmail', 204, result);
  });
});

// The response schema keeps the rules of the request schemas, so a mock or server that returns
// such a body fails the contract tests.
describe('Contact Emails response schema', () => {
  it('rejects an address without emailAddress', () => {
    const problems = responseProblems('getContactEmail', 200, { id: 5001, isSubscribed: true });

    expect(problems).not.toEqual([]);
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/contacts/1024/emails?fields[]=phone', 'query.fields[]'],
  ['unknown sort direction', '/contacts/1024/emails?sort[]=emailAddress:UP', 'query.sort[]'],
  ['sort without direction', '/contacts/1024/emails?sort[]=emailAddress', 'query.sort[]'],
  ['sort by a contact field', '/contacts/1024/emails?sort[]=lastName:ASC', 'query.sort[]'],
  ['page 0', '/contacts/1024/emails?page=0', 'query.page'],
  ['limit 0', '/contacts/1024/emails?limit=0', 'query.limit'],
  ['contactId 0', '/contacts/0/emails', 'path.contactId'],
  ['non-numeric contactId', '/contacts/jane/emails', 'path.contactId'],
];

const validQueries: string[] = [
  '/contacts/1024/emails?fields[]=emailAddress&fields[]=isDefault',
  '/contacts/1024/emails?sort[]=isDefault:DESC&sort[]=emailAddress:asc',
  '/contacts/1024/emails?page=2&limit=5',
];

describe('Contact Emails list parameters', () => {
  it.each(invalidQueries)('listContactEmails rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listContactEmails accepts %s', async (path) => {
    const { status } = await getRaw(path);

    expect(status).toBe(200);
  });

  it('getContactEmail rejects a non-numeric id', async () => {
    const { status, body } = await getRaw('/contacts/1024/emails/primary');

    expect(status).toBe(422);
    expect(errorFields(body)).toContain('path.id');
  });
});

// Each body breaks one rule of the spec, and the last value is the field where the mock
// reports it.
const invalidNewEmails: [string, unknown, string][] = [
  ['missing emailAddress', { isSubscribed: true }, 'body.emailAddress'],
  ['malformed email', { emailAddress: 'jane.rivera' }, 'body.emailAddress'],
  ['email without domain dot', { emailAddress: 'jane.rivera@' }, 'body.emailAddress'],
  [
    'non-boolean isSubscribed',
    { emailAddress: 'a@example.org', isSubscribed: 'yes' },
    'body.isSubscribed',
  ],
];

const invalidEmailChanges: [string, unknown, string][] = [
  ['malformed email', { emailAddress: 'jane.rivera' }, 'body.emailAddress'],
  [
    'email over 254 characters',
    { emailAddress: `${'a'.repeat(250)}@example.org` },
    'body.emailAddress',
  ],
  ['non-boolean isDefault', { isDefault: 1 }, 'body.isDefault'],
];

describe('Contact Emails request bodies', () => {
  it.each(invalidNewEmails)('addContactEmail rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: body as ContactEmailCreate,
    });

    const error = expectConforms('addContactEmail', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidEmailChanges)('updateContactEmail rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: emailId } },
      body: body as ContactEmailUpdate,
    });

    const error = expectConforms('updateContactEmail', 422, result);
    expect(errorFields(error)).toContain(field);
  });
});

describe('Contact Emails unknown ids', () => {
  it('listContactEmails returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('listContactEmails', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('addContactEmail returns 404', async () => {
    const result = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId: unknownId } },
      body: { emailAddress: 'jane.rivera@example.org' },
      headers: notFound,
    });

    expectConforms('addContactEmail', 404, result);
  });

  it('getContactEmail returns 404', async () => {
    const result = await pulse.GET('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: unknownId } },
      headers: notFound,
    });

    expectConforms('getContactEmail', 404, result);
  });

  it('updateContactEmail returns 404', async () => {
    const result = await pulse.PUT('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: unknownId } },
      body: { isSubscribed: false },
      headers: notFound,
    });

    expectConforms('updateContactEmail', 404, result);
  });

  it('removeContactEmail returns 404', async () => {
    const result = await pulse.DELETE('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId: unknownId, id: emailId } },
      headers: notFound,
    });

    expectConforms('removeContactEmail', 404, result);
  });
});
