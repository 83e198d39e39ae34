import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { exampleHeaders, notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type ConditionalEmailCreate = components['schemas']['ConditionalEmailCreate'];
type ConditionalEmailCondition = components['schemas']['ConditionalEmailCondition'];

const pulse = mockClient();
const conditionalEmailId = 204;
const unknownId = 999999;
const formUuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';
const notFound = notFoundHeaders();

/** Returns the id or uuid that a condition names, reading the field its `type` requires. */
function conditionTarget(condition: ConditionalEmailCondition): string | number {
  switch (condition.type) {
    case 'formSubmitted':
      return condition.formUuid;
    case 'segmentJoined':
      return condition.segmentId;
    case 'actionRecorded':
      return condition.actionCodeId;
  }
}

const validConditions: [string, ConditionalEmailCondition][] = [
  ['formSubmitted', { type: 'formSubmitted', formUuid }],
  ['segmentJoined', { type: 'segmentJoined', segmentId: 58 }],
  ['actionRecorded', { type: 'actionRecorded', actionCodeId: 802 }],
];

const validConditionalEmail: ConditionalEmailCreate = {
  name: 'ASCO 2026 booth follow-up',
  fromLineId: 31,
  creativeId: 412,
  subject: 'Thank you for visiting Brightwell at ASCO 2026',
  isActive: true,
  condition: { type: 'formSubmitted', formUuid },
};

describe('Conditional Emails operations', () => {
  it('listConditionalEmails returns a page', async () => {
    const result = await pulse.GET('/conditional-emails');

    expectConforms('listConditionalEmails', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listConditionalEmails takes filters, fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/conditional-emails', {
      params: {
        query: {
          fromLineId: 31,
          isActive: true,
          'fields[]': ['name', 'isActive', 'condition'],
          'sort[]': ['isActive:DESC', 'name:asc'],
          page: 1,
          limit: 25,
        },
      },
    });

    expectConforms('listConditionalEmails', 200, result);
  });

  it('listConditionalEmails takes ignorePagination', async () => {
    const result = await pulse.GET('/conditional-emails', {
      params: { query: { isActive: false, ignorePagination: true } },
    });

    expectConforms('listConditionalEmails', 200, result);
  });

  it.each([
    ['BoothFollowUpEmail', 204, 'formSubmitted', formUuid],
    ['NewsletterWelcomeEmail', 205, 'segmentJoined', 58],
    ['WebinarRecordingEmail', 206, 'actionRecorded', 802],
  ])('getConditionalEmail returns the %s condition', async (example, id, type, target) => {
    const result = await pulse.GET('/conditional-emails/{id}', {
      params: { path: { id } },
      headers: exampleHeaders(example),
    });

    expectConforms('getConditionalEmail', 200, result);
    const condition = result.data?.condition;
    expect(condition).toBeDefined();
    expect(condition?.type).toBe(type);
    expect(conditionTarget(condition!)).toBe(target);
  });

  it.each(validConditions)(
    'createConditionalEmail takes a %s condition',
    async (_type, condition) => {
      const result = await pulse.POST('/conditional-emails', {
        body: { ...validConditionalEmail, condition },
      });

      expectConforms('createConditionalEmail', 201, result);
      expect(result.data?.id).toBeTypeOf('number');
    },
  );

  it('createConditionalEmail needs no subject or isActive', async () => {
    const result = await pulse.POST('/conditional-emails', {
      body: {
        name: 'Tumor board webinar recording',
        fromLineId: 31,
        creativeId: 425,
        condition: { type: 'actionRecorded', actionCodeId: 802 },
      },
    });

    expectConforms('createConditionalEmail', 201, result);
  });

  it('updateConditionalEmail deactivates', async () => {
    const result = await pulse.PUT('/conditional-emails/{id}', {
      params: { path: { id: conditionalEmailId } },
      body: { isActive: false },
    });

    expectConforms('updateConditionalEmail', 200, result);
    expect(result.data?.isActive).toBe(false);
  });

  it('updateConditionalEmail replaces the condition', async () => {
    const result = await pulse.PUT('/conditional-emails/{id}', {
      params: { path: { id: conditionalEmailId } },
      body: { fromLineId: 32, condition: { type: 'segmentJoined', segmentId: 58 } },
    });

    expectConforms('updateConditionalEmail', 200, result);
  });

  it('deleteConditionalEmail returns no content', async () => {
    // Deletes a conditional email of its own, so the seeded one stays for other tests.
    const created = await pulse.POST('/conditional-emails', {
      body: {
        name: 'Conditional email to delete',
        fromLineId: 31,
        creativeId: 425,
        condition: { type: 'actionRecorded', actionCodeId: 802 },
      },
    });
    const result = await pulse.DELETE('/conditional-emails/{id}', {
      params: { path: { id: createdId('createConditionalEmail', created) } },
    });

    expectConforms('deleteConditionalEmail', 204, result);
  });
});

const invalidQueries: [string, string, string][] = [
  ['unknown field', '/conditional-emails?fields[]=conditionType', 'query.fields[]'],
  ['unknown sort direction', '/conditional-emails?sort[]=name:UP', 'query.sort[]'],
  ['sort by condition', '/conditional-emails?sort[]=condition:ASC', 'query.sort[]'],
  ['page 0', '/conditional-emails?page=0', 'query.page'],
  ['limit 0', '/conditional-emails?limit=0', 'query.limit'],
  ['fromLineId 0', '/conditional-emails?fromLineId=0', 'query.fromLineId'],
  ['non-numeric fromLineId', '/conditional-emails?fromLineId=medinfo', 'query.fromLineId'],
  ['non-boolean isActive', '/conditional-emails?isActive=maybe', 'query.isActive'],
];

const validQueries: string[] = [
  '/conditional-emails?fromLineId=31',
  '/conditional-emails?isActive=false',
  '/conditional-emails?fromLineId=31&isActive=true&fields[]=condition&sort[]=updatedAt:Desc',
  '/conditional-emails?fields%5B%5D=name&sort%5B%5D=fromLineId%3AASC&page=2&limit=5',
];

describe('Conditional Emails list parameters', () => {
  it.each(invalidQueries)('listConditionalEmails rejects %s', async (_case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems('listConditionalEmails', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listConditionalEmails accepts %s', async (path) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(200);
    expect(responseProblems('listConditionalEmails', 200, body)).toEqual([]);
  });
});

// Each change breaks exactly one rule of the spec; the field is where the mock must report it.
// The create tests apply a change to a valid body, where `undefined` drops a required field.
const invalidCreates: [string, object, string][] = [
  ['missing name', { name: undefined }, 'body.name'],
  ['missing fromLineId', { fromLineId: undefined }, 'body.fromLineId'],
  ['missing creativeId', { creativeId: undefined }, 'body.creativeId'],
  ['missing condition', { condition: undefined }, 'body.condition'],
];

// NOTE: Prism 5.12 validates the condition union without Ajv's discriminator support, so a
// 422 for a condition also lists the required fields of the other branches and a oneOf error
// on `body.condition`. The tests assert only the field that the broken rule names.
const invalidFields: [string, object, string][] = [
  ['empty name', { name: '' }, 'body.name'],
  ['fromLineId 0', { fromLineId: 0 }, 'body.fromLineId'],
  ['string creativeId', { creativeId: '412' }, 'body.creativeId'],
  ['empty subject', { subject: '' }, 'body.subject'],
  ['string isActive', { isActive: 'yes' }, 'body.isActive'],
  [
    'unknown condition type',
    { condition: { type: 'pageVisited', url: 'https://example.com/dosing' } },
    'body.condition.type',
  ],
  ['condition without type', { condition: { segmentId: 58 } }, 'body.condition.type'],
  [
    'segmentJoined without segmentId',
    { condition: { type: 'segmentJoined' } },
    'body.condition.segmentId',
  ],
  [
    'formSubmitted without formUuid',
    { condition: { type: 'formSubmitted' } },
    'body.condition.formUuid',
  ],
  [
    'actionRecorded without actionCodeId',
    { condition: { type: 'actionRecorded' } },
    'body.condition.actionCodeId',
  ],
  [
    'formSubmitted with a non-uuid form',
    { condition: { type: 'formSubmitted', formUuid: 'asco-2026' } },
    'body.condition.formUuid',
  ],
  [
    'actionRecorded with actionCodeId 0',
    { condition: { type: 'actionRecorded', actionCodeId: 0 } },
    'body.condition.actionCodeId',
  ],
  ['condition as a string', { condition: 'formSubmitted' }, 'body.condition'],
];

describe('Conditional Emails request bodies', () => {
  it.each([...invalidCreates, ...invalidFields])(
    'createConditionalEmail rejects %s',
    async (_case, change, field) => {
      const body = { ...validConditionalEmail, ...change } as ConditionalEmailCreate;
      const result = await pulse.POST('/conditional-emails', { body });

      const error = expectConforms('createConditionalEmail', 422, result);
      expect(errorFields(error)).toContain(field);
    },
  );

  it.each(invalidFields)('updateConditionalEmail rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/conditional-emails/{id}', {
      params: { path: { id: conditionalEmailId } },
      body: body as ConditionalEmailCreate,
    });

    const error = expectConforms('updateConditionalEmail', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('createConditionalEmail reports a missing segmentId as required', async () => {
    const result = await pulse.POST('/conditional-emails', {
      body: {
        ...validConditionalEmail,
        condition: { type: 'segmentJoined' } as ConditionalEmailCondition,
      },
    });

    const error = expectConforms('createConditionalEmail', 422, result) as {
      errors: { error: string; field: string }[];
    };
    expect(error.errors).toContainEqual({
      error: 'is required',
      field: 'body.condition.segmentId',
    });
  });
});

// The contract tests trust Ajv to check each union branch, so it must reject broken conditions.
describe('Conditional Emails response validation', () => {
  it.each([
    ['unknown type', { type: 'pageVisited' }],
    ['missing type', { formUuid }],
    ['branch without its field', { type: 'segmentJoined', formUuid }],
    ['non-uuid formUuid', { type: 'formSubmitted', formUuid: 'asco-2026' }],
  ])('rejects a condition with %s', (_case, condition) => {
    const body = { id: conditionalEmailId, condition };

    expect(responseProblems('getConditionalEmail', 200, body)).not.toEqual([]);
  });

  it.each(validConditions)('accepts a %s condition', (_type, condition) => {
    const body = { id: conditionalEmailId, condition };

    expect(responseProblems('getConditionalEmail', 200, body)).toEqual([]);
  });
});

describe('Conditional Emails unknown ids', () => {
  it('getConditionalEmail returns 404', async () => {
    const result = await pulse.GET('/conditional-emails/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('getConditionalEmail', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('updateConditionalEmail returns 404', async () => {
    const result = await pulse.PUT('/conditional-emails/{id}', {
      params: { path: { id: unknownId } },
      body: { isActive: false },
      headers: notFound,
    });

    expectConforms('updateConditionalEmail', 404, result);
  });

  it('deleteConditionalEmail returns 404', async () => {
    const result = await pulse.DELETE('/conditional-emails/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    expectConforms('deleteConditionalEmail', 404, result);
  });

  it('getConditionalEmail rejects id 0', async () => {
    const result = await pulse.GET('/conditional-emails/{id}', { params: { path: { id: 0 } } });

    const error = expectConforms('getConditionalEmail', 422, result);
    expect(errorFields(error)).toContain('path.id');
  });
});
