import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { expectConforms, type FetchResult } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields, getRaw } from './support/error-fields.js';
import { exampleHeaders, notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

const pulse = mockClient();
const unknownId = 999999;
const notFound = notFoundHeaders();

/** One kind of creative: its operations, its list path and a field that no other kind has. */
interface CreativeKind {
  list: string;
  get: string;
  path: string;
  schema: string;
  ownField: string;
}

const kinds: CreativeKind[] = [
  {
    list: 'listEmailMessages',
    get: 'getEmailMessage',
    path: '/creatives/email-messages',
    schema: 'EmailMessage',
    ownField: 'subject',
  },
  {
    list: 'listBanners',
    get: 'getBanner',
    path: '/creatives/banners',
    schema: 'Banner',
    ownField: 'size',
  },
  {
    list: 'listDirectMails',
    get: 'getDirectMail',
    path: '/creatives/direct-mails',
    schema: 'DirectMail',
    ownField: 'pieceType',
  },
  {
    list: 'listEvents',
    get: 'getEvent',
    path: '/creatives/events',
    schema: 'Event',
    ownField: 'startDate',
  },
  {
    list: 'listWebsites',
    get: 'getWebsite',
    path: '/creatives/websites',
    schema: 'Website',
    ownField: 'url',
  },
  {
    list: 'listFormCreatives',
    get: 'getFormCreative',
    path: '/creatives/forms',
    schema: 'FormCreative',
    ownField: 'uuid',
  },
];

type GetById = (id: number, headers?: Record<string, string>) => Promise<FetchResult>;

const getById: [string, GetById][] = [
  [
    'getEmailMessage',
    (id, headers) =>
      pulse.GET('/creatives/email-messages/{id}', { params: { path: { id } }, headers }),
  ],
  [
    'getBanner',
    (id, headers) => pulse.GET('/creatives/banners/{id}', { params: { path: { id } }, headers }),
  ],
  [
    'getDirectMail',
    (id, headers) =>
      pulse.GET('/creatives/direct-mails/{id}', { params: { path: { id } }, headers }),
  ],
  [
    'getEvent',
    (id, headers) => pulse.GET('/creatives/events/{id}', { params: { path: { id } }, headers }),
  ],
  [
    'getWebsite',
    (id, headers) => pulse.GET('/creatives/websites/{id}', { params: { path: { id } }, headers }),
  ],
  [
    'getFormCreative',
    (id, headers) => pulse.GET('/creatives/forms/{id}', { params: { path: { id } }, headers }),
  ],
];

describe('Creatives operations', () => {
  it('listEmailMessages takes filters, fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/creatives/email-messages', {
      params: {
        query: {
          'fields[]': ['name', 'subject', 'fromLine'],
          'sort[]': ['name:asc', 'createdAt:DESC'],
          isArchived: false,
          campaignId: 310,
          page: 1,
          limit: 10,
        },
      },
    });

    expectConforms('listEmailMessages', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('getEmailMessage returns subject and from line', async () => {
    const result = await pulse.GET('/creatives/email-messages/{id}', {
      params: { path: { id: 4101 } },
    });

    expectConforms('getEmailMessage', 200, result);
    expect(result.data?.tacticId).toBe(1);
    expect(result.data?.subject).toBeTypeOf('string');
    expect(result.data?.fromLine?.id).toBeTypeOf('number');
  });

  it('listBanners returns web and EHR banners', async () => {
    const result = await pulse.GET('/creatives/banners', {
      params: { query: { 'sort[]': ['createdAt:desc'], ignorePagination: true } },
    });

    expectConforms('listBanners', 200, result);
    const tactics = result.data?.items.map((item) => item.tacticId);
    expect(tactics).toContain(5);
    expect(tactics).toContain(6);
  });

  it('getBanner returns a web banner', async () => {
    const result = await pulse.GET('/creatives/banners/{id}', { params: { path: { id: 5201 } } });

    expectConforms('getBanner', 200, result);
    expect(result.data?.tacticId).toBe(5);
  });

  it('getBanner returns an EHR banner', async () => {
    const result = await pulse.GET('/creatives/banners/{id}', {
      params: { path: { id: 5202 } },
      headers: exampleHeaders('PriorAuthorizationEhrBanner'),
    });

    expectConforms('getBanner', 200, result);
    expect(result.data?.tacticId).toBe(6);
  });

  it('listDirectMails filters archived pieces', async () => {
    const result = await pulse.GET('/creatives/direct-mails', {
      params: { query: { isArchived: true, 'sort[]': ['pieceType:ASC', 'name:ASC'] } },
    });

    expectConforms('listDirectMails', 200, result);
  });

  it('getDirectMail returns one piece', async () => {
    const result = await pulse.GET('/creatives/direct-mails/{id}', {
      params: { path: { id: 6301 } },
    });

    expectConforms('getDirectMail', 200, result);
    expect(result.data?.tacticId).toBe(2);
  });

  it('listEvents sorts by start date', async () => {
    const result = await pulse.GET('/creatives/events', {
      params: { query: { 'sort[]': ['startDate:ASC'], campaignId: 310, page: 2, limit: 5 } },
    });

    expectConforms('listEvents', 200, result);
    for (const event of result.data?.items ?? []) {
      expect(event.endDate! >= event.startDate!, `event ${event.id} ends before it starts`).toBe(
        true,
      );
    }
  });

  it('getEvent returns dates and venue', async () => {
    const result = await pulse.GET('/creatives/events/{id}', { params: { path: { id: 7401 } } });

    expectConforms('getEvent', 200, result);
    expect(result.data?.tacticId).toBe(8);
    expect(result.data?.startDate).toBe('2026-05-29');
    expect(result.data?.venue?.state).toBe('IL');
  });

  it('listWebsites returns the requested fields', async () => {
    const result = await pulse.GET('/creatives/websites', {
      params: { query: { 'fields[]': ['name', 'url'], 'sort[]': ['name:ASC'] } },
    });

    expectConforms('listWebsites', 200, result);
    expect(result.data?.items.every((item) => item.url !== undefined)).toBe(true);
  });

  it('getWebsite returns a url', async () => {
    const result = await pulse.GET('/creatives/websites/{id}', { params: { path: { id: 8501 } } });

    expectConforms('getWebsite', 200, result);
    expect(result.data?.tacticId).toBe(7);
    expect(result.data?.url).toMatch(/^https:\/\//);
  });

  it('listFormCreatives returns form uuids', async () => {
    const result = await pulse.GET('/creatives/forms', {
      params: { query: { isArchived: false, 'fields[]': ['name', 'uuid'] } },
    });

    expectConforms('listFormCreatives', 200, result);
    expect(result.data?.items.every((item) => item.uuid !== undefined)).toBe(true);
  });

  it('getFormCreative links to its form', async () => {
    const creative = await pulse.GET('/creatives/forms/{id}', { params: { path: { id: 9601 } } });

    expectConforms('getFormCreative', 200, creative);
    expect(creative.data?.tacticId).toBe(10);
    const uuid = creative.data?.uuid ?? '';
    const form = await pulse.GET('/forms/{uuid}', { params: { path: { uuid } } });
    expectConforms('getForm', 200, form);
    expect(form.data?.uuid).toBe(uuid);
  });
});

describe('Creatives list parameters', () => {
  const invalidQueries: [string, string, string, string][] = kinds.flatMap((kind, index) => {
    const otherField = kinds[(index + 1) % kinds.length]!.ownField;
    const cases: [string, string, string][] = [
      ['unknown field', 'fields[]=password', 'query.fields[]'],
      [`field ${otherField} of another kind`, `fields[]=${otherField}`, 'query.fields[]'],
      ['unknown sort direction', 'sort[]=name:UP', 'query.sort[]'],
      ['sort by an object field', 'sort[]=campaign:ASC', 'query.sort[]'],
      [`sort by ${otherField} of another kind`, `sort[]=${otherField}:ASC`, 'query.sort[]'],
      ['page 0', 'page=0', 'query.page'],
      ['non-boolean isArchived', 'isArchived=maybe', 'query.isArchived'],
      ['campaignId 0', 'campaignId=0', 'query.campaignId'],
      ['non-numeric campaignId', 'campaignId=oncology', 'query.campaignId'],
    ];
    return cases.map(([label, query, field]): [string, string, string, string] => [
      kind.list,
      label,
      `${kind.path}?${query}`,
      field,
    ]);
  });

  const validQueries: [string, string][] = kinds.flatMap((kind): [string, string][] => [
    [
      kind.list,
      `${kind.path}?fields[]=name&fields[]=${kind.ownField}&sort[]=${kind.ownField}:desc&sort[]=id:Asc`,
    ],
    [kind.list, `${kind.path}?isArchived=true&campaignId=310&page=2&limit=5`],
    [kind.list, `${kind.path}?isArchived=false&ignorePagination=true`],
  ]);

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

describe('Creatives unknown ids', () => {
  it.each(getById)('%s returns 404', async (operationId, get) => {
    const result = await get(unknownId, notFound);

    const error = expectConforms(operationId, 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it.each(getById)('%s rejects id 0', async (operationId, get) => {
    const result = await get(0);

    const error = expectConforms(operationId, 422, result);
    expect(errorFields(error)).toContain('path.id');
  });

  it.each(getById)('%s rejects a non-integer id', async (operationId, get) => {
    const result = await get('banner-1' as unknown as number);

    const error = expectConforms(operationId, 422, result);
    expect(errorFields(error)).toContain('path.id');
  });
});

// The response validator must reject what the Creatives schemas forbid.
describe('Creatives schemas', () => {
  it.each([
    ['getEmailMessage', 'email message on tactic 5', { id: 4101, tacticId: 5 }],
    ['getEmailMessage', 'from line without id', { id: 4101, fromLine: { name: 'Med Affairs' } }],
    ['getBanner', 'banner on the Email tactic', { id: 5201, tacticId: 1 }],
    ['getBanner', 'size in words', { id: 5201, size: '300 by 250' }],
    ['getDirectMail', 'id 0', { id: 0 }],
    ['getEvent', 'US-style start date', { id: 7401, startDate: '05/29/2026' }],
    [
      'getEvent',
      'venue street without city',
      { id: 7401, venue: { addressLine1: '2301 S King Dr', state: 'IL', postalCode: '60616' } },
    ],
    ['getWebsite', 'url without scheme', { id: 8501, url: 'hcp.example.com/dosing' }],
    ['getFormCreative', 'form name instead of uuid', { id: 9601, uuid: 'booth-sign-up' }],
    ['getFormCreative', 'missing id', { uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' }],
    ['listEvents', 'page without totalCount', { items: [] }],
  ])('%s rejects %s', (operationId, _case, body) => {
    expect(responseProblems(operationId, 200, body)).not.toEqual([]);
  });
});
