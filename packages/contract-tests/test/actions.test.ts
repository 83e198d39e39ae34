import { describe, expect, it } from 'vitest';
import { authHeaders, mockClient, mockUrl } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { sampleRequests, send, type SampleRequest } from './support/sample-requests.js';
import { actionSamples } from './support/samples/actions.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';

const pulse = mockClient();

function sampleFor(operationId: string): SampleRequest {
  const sample = actionSamples.find((item) => item.operationId === operationId);
  if (sample === undefined) {
    throw new Error(`No sample request for ${operationId} in samples/actions.ts.`);
  }
  return sample;
}

describe('Actions operations', () => {
  it('listEmailActions takes every filter', async () => {
    const result = await pulse.GET('/actions/emails', {
      params: {
        query: {
          'fields[]': ['actionDate', 'actionCode', 'contact', 'contactEmail'],
          'sort[]': ['actionDate:desc', 'id:ASC'],
          'actionCode[]': [103, 102],
          'source[]': [15],
          startDate: '2026-06-01',
          endDate: '2026-06-30',
          campaignId: 310,
          emailMessageId: 4410,
          page: 1,
          limit: 2,
        },
      },
    });

    expectConforms('listEmailActions', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.items[0]?.contactEmail?.emailAddress).toBeTypeOf('string');
  });

  it('listEmailActions needs no parameters', async () => {
    const result = await pulse.GET('/actions/emails');

    expectConforms('listEmailActions', 200, result);
  });

  it('listBannerActions filters by banner', async () => {
    const result = await pulse.GET('/actions/banners', {
      params: {
        query: {
          bannerId: 5201,
          'actionCode[]': [502],
          'fields[]': ['actionDate', 'contact'],
          'sort[]': ['actionDate:ASC'],
        },
      },
    });

    expectConforms('listBannerActions', 200, result);
  });

  it('listDirectMailActions filters by piece', async () => {
    const result = await pulse.GET('/actions/direct-mails', {
      params: {
        query: { directMailId: 6303, 'actionCode[]': [202], 'sort[]': ['actionDate:DESC'] },
      },
    });

    expectConforms('listDirectMailActions', 200, result);
    expect(result.data?.items[0]?.contactLocation?.id).toBeTypeOf('number');
  });

  it('listEventActions filters by date range', async () => {
    const result = await pulse.GET('/actions/events', {
      params: { query: { eventId: 7401, startDate: '2026-05-29', endDate: '2026-06-02' } },
    });

    expectConforms('listEventActions', 200, result);
  });

  it('listWebActions filters by source', async () => {
    const result = await pulse.GET('/actions/web', {
      params: { query: { websiteId: 8502, 'source[]': [19, 20], ignorePagination: true } },
    });

    expectConforms('listWebActions', 200, result);
  });

  it('listFormActions filters by form', async () => {
    const result = await pulse.GET('/actions/forms', {
      params: { query: { formId: 9601, campaignId: 310, 'sort[]': ['actionDate:asc'] } },
    });

    expectConforms('listFormActions', 200, result);
  });

  it('recordEmailAction recordOperations an open', async () => {
    const result = await pulse.POST('/actions/emails', {
      body: {
        contactId: 1024,
        actionCodeId: 103,
        actionDate: '2026-06-09T13:45:10Z',
        campaignId: 311,
        sourceId: 15,
        emailMessageId: 4101,
        contactEmailId: 5001,
      },
    });

    expectConforms('recordEmailAction', 201, result);
    expect(result.data?.emailMessage?.id).toBeTypeOf('number');
    expect(result.data?.contactEmail?.id).toBeTypeOf('number');
  });

  it('recordEmailAction needs no campaign or source', async () => {
    const result = await pulse.POST('/actions/emails', {
      body: {
        contactId: 1024,
        actionCodeId: 103,
        actionDate: '2026-06-09T09:45:10-04:00',
        emailMessageId: 4101,
        contactEmailId: 5001,
      },
    });

    expectConforms('recordEmailAction', 201, result);
  });

  it('recordBannerAction recordOperations a click', async () => {
    const result = await pulse.POST('/actions/banners', {
      body: {
        contactId: 2048,
        actionCodeId: 502,
        actionDate: '2026-07-14T09:31:52Z',
        campaignId: 311,
        sourceId: 16,
        bannerId: 5201,
      },
    });

    expectConforms('recordBannerAction', 201, result);
    expect(result.data?.banner?.id).toBeTypeOf('number');
  });

  it('recordDirectMailAction recordOperations a delivery', async () => {
    const result = await pulse.POST('/actions/direct-mails', {
      body: {
        contactId: 1024,
        actionCodeId: 202,
        actionDate: '2026-09-17T15:12:00Z',
        sourceId: 17,
        directMailId: 6301,
        contactLocationId: 7001,
      },
    });

    expectConforms('recordDirectMailAction', 201, result);
    expect(result.data?.directMail?.id).toBeTypeOf('number');
    expect(result.data?.contactLocation?.id).toBeTypeOf('number');
  });

  it('recordEventAction recordOperations attendance', async () => {
    const result = await pulse.POST('/actions/events', {
      body: {
        contactId: 1024,
        actionCodeId: 802,
        actionDate: '2026-05-30T15:12:44Z',
        campaignId: 311,
        sourceId: 18,
        eventId: 7401,
      },
    });

    expectConforms('recordEventAction', 201, result);
    expect(result.data?.event?.id).toBeTypeOf('number');
  });

  it('recordWebAction recordOperations a download', async () => {
    const result = await pulse.POST('/actions/web', {
      body: {
        contactId: 2048,
        actionCodeId: 702,
        actionDate: '2026-08-03T19:26:11Z',
        campaignId: 312,
        websiteId: 8501,
      },
    });

    expectConforms('recordWebAction', 201, result);
    expect(result.data?.website?.id).toBeTypeOf('number');
  });

  it('recordFormAction recordOperations a submission', async () => {
    const result = await pulse.POST('/actions/forms', {
      body: {
        contactId: 1024,
        actionCodeId: 1001,
        actionDate: '2026-05-30T14:55:09Z',
        sourceId: 20,
        formId: 9601,
      },
    });

    expectConforms('recordFormAction', 201, result);
    expect(result.data?.form?.id).toBeTypeOf('number');
  });

  it('sampleRequests includes every action sample', () => {
    const sampled = sampleRequests.map((sample) => sample.operationId);

    for (const sample of actionSamples) {
      expect(sampled).toContain(sample.operationId);
    }
    expect(actionSamples).toHaveLength(12);
  });
});

const listOperations: [string, string, string][] = [
  ['listEmailActions', '/actions/emails', 'emailMessageId'],
  ['listBannerActions', '/actions/banners', 'bannerId'],
  ['listDirectMailActions', '/actions/direct-mails', 'directMailId'],
  ['listEventActions', '/actions/events', 'eventId'],
  ['listWebActions', '/actions/web', 'websiteId'],
  ['listFormActions', '/actions/forms', 'formId'],
];

// Each query breaks one rule of a parameter that all six lists share.
const invalidSharedQueries: [string, string, string][] = [
  ['unknown field', 'fields[]=password', 'query.fields[]'],
  ['unknown sort direction', 'sort[]=actionDate:UP', 'query.sort[]'],
  ['sort by a reference', 'sort[]=contact:ASC', 'query.sort[]'],
  ['sort without direction', 'sort[]=actionDate', 'query.sort[]'],
  ['page 0', 'page=0', 'query.page'],
  ['limit 0', 'limit=0', 'query.limit'],
  ['non-numeric action code', 'actionCode[]=opened', 'query.actionCode[]'],
  ['action code 0', 'actionCode[]=101&actionCode[]=0', 'query.actionCode[]'],
  ['source 0', 'source[]=0', 'query.source[]'],
  ['non-numeric source', 'source[]=crm', 'query.source[]'],
  ['startDate with a time', 'startDate=2026-06-01T00:00:00Z', 'query.startDate'],
  ['startDate in US format', 'startDate=06/01/2026', 'query.startDate'],
  ['endDate of month 13', 'endDate=2026-13-01', 'query.endDate'],
  ['campaignId 0', 'campaignId=0', 'query.campaignId'],
  ['non-numeric campaignId', 'campaignId=spring', 'query.campaignId'],
];

const invalidListQueries: [string, string, string, string][] = listOperations.flatMap(
  ([operationId, path, creativeId]) => [
    ...invalidSharedQueries.map(([name, query, field]): [string, string, string, string] => [
      operationId,
      name,
      `${path}?${query}`,
      field,
    ]),
    [operationId, `${creativeId} 0`, `${path}?${creativeId}=0`, `query.${creativeId}`],
    [operationId, `non-numeric ${creativeId}`, `${path}?${creativeId}=x1`, `query.${creativeId}`],
  ],
);

// A field that exists on another channel's actions is unknown on this one.
const foreignFields: [string, string, string][] = [
  ['listBannerActions', '/actions/banners?fields[]=emailMessage', 'query.fields[]'],
  ['listEmailActions', '/actions/emails?fields[]=contactLocation', 'query.fields[]'],
  ['listWebActions', '/actions/web?fields[]=form', 'query.fields[]'],
];

const validListQueries: [string, string][] = listOperations.map(
  ([operationId, path, creativeId]) => [
    operationId,
    `${path}?actionCode[]=103&actionCode[]=102&source[]=15&startDate=2026-06-01` +
      `&endDate=2026-06-30&campaignId=310&${creativeId}=12&fields[]=id&fields[]=actionDate` +
      `&sort[]=actionDate:Desc&page=2&limit=50`,
  ],
);

describe('Actions list parameters', () => {
  it.each(invalidListQueries)('%s rejects %s', async (operationId, _case, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems(operationId, 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(foreignFields)('%s rejects %s', async (operationId, path, field) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(422);
    expect(responseProblems(operationId, 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validListQueries)('%s accepts every filter', async (operationId, path) => {
    const { status, body } = await getRaw(path);

    expect(status).toBe(200);
    expect(responseProblems(operationId, 200, body)).toEqual([]);
  });
});

const recordOperations: [string, string][] = [
  ['recordEmailAction', 'emailMessageId'],
  ['recordBannerAction', 'bannerId'],
  ['recordDirectMailAction', 'directMailId'],
  ['recordEventAction', 'eventId'],
  ['recordWebAction', 'websiteId'],
  ['recordFormAction', 'formId'],
];

type BodyChange = (body: Record<string, unknown>, creativeId: string) => void;

// Each change breaks one rule of a valid sample body, and the field names where the mock must
// report it.
const invalidBodyChanges: [string, BodyChange, string | ((creativeId: string) => string)][] = [
  ['missing contactId', (body) => delete body.contactId, 'body.contactId'],
  ['missing actionCodeId', (body) => delete body.actionCodeId, 'body.actionCodeId'],
  ['missing actionDate', (body) => delete body.actionDate, 'body.actionDate'],
  [
    'missing creative id',
    (body, creativeId) => delete body[creativeId],
    (creativeId) => `body.${creativeId}`,
  ],
  ['contactId 0', (body) => (body.contactId = 0), 'body.contactId'],
  ['string actionCodeId', (body) => (body.actionCodeId = '101'), 'body.actionCodeId'],
  ['actionDate without time', (body) => (body.actionDate = '2026-06-09'), 'body.actionDate'],
  ['campaignId 0', (body) => (body.campaignId = 0), 'body.campaignId'],
  ['negative sourceId', (body) => (body.sourceId = -4), 'body.sourceId'],
  [
    'creative id 0',
    (body, creativeId) => (body[creativeId] = 0),
    (creativeId) => `body.${creativeId}`,
  ],
];

const invalidBodies: [string, string, Record<string, unknown>, string][] = recordOperations.flatMap(
  ([operationId, creativeId]) =>
    invalidBodyChanges.map(
      ([name, change, field]): [string, string, Record<string, unknown>, string] => {
        const body = { ...(sampleFor(operationId).body as Record<string, unknown>) };
        change(body, creativeId);
        return [operationId, name, body, typeof field === 'string' ? field : field(creativeId)];
      },
    ),
);

describe('Actions request bodies', () => {
  it.each(invalidBodies)('%s rejects %s', async (operationId, _case, body, field) => {
    const sample = sampleFor(operationId);
    const { status, body: error } = await send(mockUrl(), { ...sample, body }, authHeaders);

    expect(status).toBe(422);
    expect(responseProblems(operationId, 422, error)).toEqual([]);
    expect(errorFields(error)).toContain(field);
  });

  it.each([
    ['recordEmailAction', 'contactEmailId'],
    ['recordDirectMailAction', 'contactLocationId'],
  ])('%s requires %s', async (operationId, property) => {
    const sample = sampleFor(operationId);
    const body = { ...(sample.body as Record<string, unknown>) };
    delete body[property];
    const { status, body: error } = await send(mockUrl(), { ...sample, body }, authHeaders);

    expect(status).toBe(422);
    expect(errorFields(error)).toContain(`body.${property}`);
  });

  it.each(recordOperations)('%s rejects a body that is not JSON', async (operationId) => {
    const sample = sampleFor(operationId);
    const response = await fetch(mockUrl() + sample.path, {
      method: 'POST',
      headers: { ...authHeaders, 'Content-Type': 'application/json' },
      body: '{"contactId": 1024,',
    });
    const error: unknown = await response.json();

    expect(response.status).toBe(400);
    expect(responseProblems(operationId, 400, error)).toEqual([]);
    expect(errorFields(error)).toContain('body');
  });
});
