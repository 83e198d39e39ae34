import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { authHeaders, mockClient, mockUrl } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { send } from './support/sample-requests.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields } from './support/error-fields.js';
import { exampleHeaders, notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

type CampaignCreate = components['schemas']['CampaignCreate'];
type CampaignUpdate = components['schemas']['CampaignUpdate'];

const pulse = mockClient();
const campaignId = 311;
const unknownId = 999999;
const notFound = notFoundHeaders();

describe('Campaigns operations', () => {
  it('listCampaigns returns a page', async () => {
    const result = await pulse.GET('/campaigns');

    expectConforms('listCampaigns', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listCampaigns takes filters, fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/campaigns', {
      params: {
        query: {
          isArchived: false,
          type: 'automation',
          'fields[]': ['name', 'type', 'startDate'],
          'sort[]': ['startDate:DESC', 'name:asc'],
          page: 1,
          limit: 10,
        },
      },
    });

    expectConforms('listCampaigns', 200, result);
  });

  it('listCampaigns takes ignorePagination', async () => {
    const result = await pulse.GET('/campaigns', {
      params: { query: { ignorePagination: true } },
    });

    expectConforms('listCampaigns', 200, result);
  });

  it('getCampaign returns one campaign', async () => {
    const result = await pulse.GET('/campaigns/{id}', { params: { path: { id: campaignId } } });

    expectConforms('getCampaign', 200, result);
    expect(result.data?.id).toBeTypeOf('number');
    expect(['simple', 'automation']).toContain(result.data?.type);
  });

  it('getCampaign returns an archived campaign', async () => {
    const result = await pulse.GET('/campaigns/{id}', {
      params: { path: { id: 298 } },
      headers: exampleHeaders('CampaignArchived'),
    });

    expectConforms('getCampaign', 200, result);
    expect(result.data?.isArchived).toBe(true);
  });

  it('createCampaign creates a simple campaign', async () => {
    const result = await pulse.POST('/campaigns', {
      body: { name: 'Zelvora launch to oncologists', type: 'simple', startDate: '2026-04-06' },
    });

    expectConforms('createCampaign', 201, result);
    expect(result.data?.isArchived).toBe(false);
  });

  it('createCampaign needs only name and type', async () => {
    const result = await pulse.POST('/campaigns', {
      body: { name: 'New prescriber onboarding journey', type: 'automation' },
    });

    expectConforms('createCampaign', 201, result);
  });

  it('updateCampaign moves the start date', async () => {
    const result = await pulse.PUT('/campaigns/{id}', {
      params: { path: { id: campaignId } },
      body: { startDate: '2026-04-13' },
    });

    expectConforms('updateCampaign', 200, result);
  });

  it('archiveCampaign returns the archived campaign', async () => {
    const result = await pulse.POST('/campaigns/{id}/archive', {
      params: { path: { id: campaignId } },
    });

    expectConforms('archiveCampaign', 200, result);
    expect(result.data?.isArchived).toBe(true);
  });

  it('archiveCampaign succeeds again on an archived campaign', async () => {
    const request = { params: { path: { id: campaignId } } };
    const first = await pulse.POST('/campaigns/{id}/archive', request);
    const second = await pulse.POST('/campaigns/{id}/archive', request);

    expectConforms('archiveCampaign', 200, first);
    expectConforms('archiveCampaign', 200, second);
    expect(second.data?.isArchived).toBe(true);
  });
});

// Raw query strings, so the brackets reach the mock exactly as written here.
const invalidQueries: [string, string, string][] = [
  ['unknown field', '/campaigns?fields[]=budget', 'query.fields[]'],
  ['unknown sort direction', '/campaigns?sort[]=startDate:UP', 'query.sort[]'],
  ['sort by a segment field', '/campaigns?sort[]=contactCount:DESC', 'query.sort[]'],
  ['page 0', '/campaigns?page=0', 'query.page'],
  ['unknown type', '/campaigns?type=broadcast', 'query.type'],
  ['non-boolean isArchived', '/campaigns?isArchived=yes', 'query.isArchived'],
];

const validQueries: string[] = [
  '/campaigns?isArchived=true&type=simple',
  '/campaigns?fields[]=name&fields[]=isArchived&sort[]=name:asc&sort[]=startDate:Desc',
  '/campaigns?page=2&limit=50',
];

describe('Campaigns list parameters', () => {
  it.each(invalidQueries)('listCampaigns rejects %s', async (_case, path, field) => {
    const sample = { operationId: 'listCampaigns', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(422);
    expect(responseProblems('listCampaigns', 422, body)).toEqual([]);
    expect(errorFields(body)).toContain(field);
  });

  it.each(validQueries)('listCampaigns accepts %s', async (path) => {
    const sample = { operationId: 'listCampaigns', method: 'GET', path };
    const { status, body } = await send(mockUrl(), sample, authHeaders);

    expect(status).toBe(200);
    expect(responseProblems('listCampaigns', 200, body)).toEqual([]);
  });
});

// Each body breaks exactly one rule of the spec; the field is where the mock must report it.
const invalidUpdates: [string, unknown, string][] = [
  ['empty name', { name: '' }, 'body.name'],
  ['unknown type', { type: 'broadcast' }, 'body.type'],
  ['startDate in US format', { startDate: '04/06/2026' }, 'body.startDate'],
  ['startDate with a time', { startDate: '2026-04-06T09:00:00Z' }, 'body.startDate'],
  ['isArchived', { isArchived: false }, 'body.isArchived'],
];

const invalidCreations: [string, unknown, string][] = [
  ['missing name', { type: 'simple' }, 'body.name'],
  ['missing type', { name: 'Zelvora launch to oncologists' }, 'body.type'],
  ...invalidUpdates.map(([name, body, field]): [string, unknown, string] => [
    name,
    { name: 'Zelvora launch to oncologists', type: 'simple', ...(body as object) },
    field,
  ]),
];

describe('Campaigns request bodies', () => {
  it.each(invalidCreations)('createCampaign rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/campaigns', { body: body as CampaignCreate });

    const error = expectConforms('createCampaign', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidUpdates)('updateCampaign rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/campaigns/{id}', {
      params: { path: { id: campaignId } },
      body: body as CampaignUpdate,
    });

    const error = expectConforms('updateCampaign', 422, result);
    expect(errorFields(error)).toContain(field);
  });
});

describe('Campaigns unknown ids', () => {
  it('getCampaign returns 404', async () => {
    const result = await pulse.GET('/campaigns/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('getCampaign', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('updateCampaign returns 404', async () => {
    const result = await pulse.PUT('/campaigns/{id}', {
      params: { path: { id: unknownId } },
      body: { name: 'Zelvora launch to oncologists' },
      headers: notFound,
    });

    expectConforms('updateCampaign', 404, result);
  });

  it('archiveCampaign returns 404', async () => {
    const result = await pulse.POST('/campaigns/{id}/archive', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    expectConforms('archiveCampaign', 404, result);
  });

  it('getCampaign rejects id 0', async () => {
    const result = await pulse.GET('/campaigns/{id}', { params: { path: { id: 0 } } });

    const error = expectConforms('getCampaign', 422, result);
    expect(errorFields(error)).toContain('path.id');
  });
});
