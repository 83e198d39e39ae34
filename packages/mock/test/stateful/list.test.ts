import { describe, expect, it } from 'vitest';
import { call, newEngine } from './engine-helpers.js';

/** Creates an engine with only the given sources, so that list results are easy to predict. */
function sourcesEngine(names: string[]) {
  const sources = names.map((name, index) => ({ id: index + 1, name }));
  return newEngine({ seedData: { examples: false, sources } });
}

describe('list paging', () => {
  const engine = sourcesEngine(Array.from({ length: 30 }, (_, index) => `Source ${index + 1}`));

  it('returns 25 items by default with the total', () => {
    const page = call(engine, 'listSources').body;

    expect(page.items).toHaveLength(25);
    expect(page.totalCount).toBe(30);
    expect(page.items[0].id).toBe(1);
  });

  it.each([
    [{ page: 2 }, [26, 27, 28, 29, 30]],
    [{ page: 3, limit: 12 }, [25, 26, 27, 28, 29, 30]],
    [{ page: 2, limit: 4 }, [5, 6, 7, 8]],
    [{ page: 9, limit: 10 }, []],
  ])('applies %j', (query, expected) => {
    const page = call(engine, 'listSources', { query }).body;

    expect(page.items.map((item: { id: number }) => item.id)).toEqual(expected);
    expect(page.totalCount).toBe(30);
  });

  it('returns everything with ignorePagination, whatever the limit', () => {
    const page = call(engine, 'listSources', {
      query: { ignorePagination: true, limit: 2, page: 3 },
    }).body;

    expect(page.items).toHaveLength(30);
  });
});

describe('list sort[]', () => {
  it('sorts by several keys in the order sent, direction in any case', () => {
    const engine = newEngine({
      seedData: {
        examples: false,
        contacts: [
          { id: 1, lastName: 'Okafor', firstName: 'Robert' },
          { id: 2, lastName: 'Chen', firstName: 'Marcus' },
          { id: 3, lastName: 'Okafor', firstName: 'Denise' },
          { id: 4, lastName: 'chen', firstName: 'Alice' },
        ],
      },
    });
    const sorted = (sort: string[]) =>
      call(engine, 'listContacts', { query: { 'sort[]': sort } }).body.items.map(
        (item: { id: number }) => item.id,
      );

    expect(sorted(['lastName:asc', 'firstName:ASC'])).toEqual([4, 2, 3, 1]);
    expect(sorted(['lastName:Desc', 'firstName:asc'])).toEqual([3, 1, 4, 2]);
    expect(sorted(['firstName:DESC'])).toEqual([1, 2, 3, 4]);
  });

  it('puts missing values last ascending and first descending', () => {
    const engine = newEngine({
      seedData: {
        examples: false,
        campaigns: [
          { id: 1, name: 'A', startDate: '2026-05-01' },
          { id: 2, name: 'B' },
          { id: 3, name: 'C', startDate: '2026-01-15' },
        ],
      },
    });
    const order = (direction: string) =>
      call(engine, 'listCampaigns', {
        query: { 'sort[]': `startDate:${direction}` },
      }).body.items.map((item: { id: number }) => item.id);

    expect(order('ASC')).toEqual([3, 1, 2]);
    expect(order('DESC')).toEqual([2, 1, 3]);
  });

  it('orders date-times by moment, not by text', () => {
    const engine = newEngine({
      seedData: {
        examples: false,
        contacts: [{ id: 1 }],
        'creatives/websites': [{ id: 1, name: 'Portal', tacticId: 7 }],
        'action-codes': [{ id: 1, name: 'Visited', tacticId: 7 }],
        'actions/web': [
          {
            id: 1,
            actionDate: '2026-06-09T10:00:00+02:00',
            contact: { id: 1 },
            website: { id: 1 },
          },
          { id: 2, actionDate: '2026-06-09T09:30:00Z', contact: { id: 1 }, website: { id: 1 } },
        ],
      },
    });
    const items = call(engine, 'listWebActions', { query: { 'sort[]': 'actionDate:ASC' } }).body
      .items;

    // 10:00+02:00 is 08:00Z, before 09:30Z.
    expect(items.map((item: { id: number }) => item.id)).toEqual([1, 2]);
  });

  it('sorts booleans false first', () => {
    const engine = newEngine();
    const items = call(engine, 'listCampaigns', { query: { 'sort[]': 'isArchived:DESC' } }).body
      .items;

    expect(items.map((item: { id: number }) => item.id)).toEqual([298, 311, 312]);
  });
});

describe('list fields[]', () => {
  it('returns the fields named and the id', () => {
    const engine = sourcesEngine(['Booth']);

    expect(call(engine, 'listSources', { query: { 'fields[]': 'name' } }).body.items).toEqual([
      { id: 1, name: 'Booth' },
    ]);
    expect(call(engine, 'listSources', { query: { 'fields[]': 'id' } }).body.items).toEqual([
      { id: 1 },
    ]);
  });

  it('restricts contacts to the fields named', () => {
    const engine = newEngine();
    const items = call(engine, 'listContacts', {
      query: { 'fields[]': ['firstName', 'emails'], 'sort[]': 'id:ASC', limit: 1 },
    }).body.items;

    expect(Object.keys(items[0]).sort()).toEqual(['emails', 'firstName', 'id']);
  });

  it('keeps the fields the item schema requires', () => {
    const engine = newEngine();
    const items = call(engine, 'listContactEmails', {
      path: { contactId: 1024 },
      query: { 'fields[]': 'isDefault' },
    }).body.items;

    expect(items[0]).toEqual({
      id: 5001,
      emailAddress: 'jane.rivera@example.org',
      isDefault: true,
    });
  });

  it('keeps the fields that a kept field depends on', () => {
    const engine = newEngine();
    const items = call(engine, 'listContactLocations', {
      path: { contactId: 1024 },
      query: { 'fields[]': ['city', 'company'] },
    }).body.items;

    // A location's city needs its state.
    expect(items[0]).toEqual({
      id: 7001,
      company: 'Lakeside Oncology Associates',
      city: 'Chicago',
      state: 'IL',
    });
  });
});

describe('list filters', () => {
  const engine = newEngine();
  const listIds = (
    operationId: string,
    query: Record<string, string | number | boolean | number[]>,
  ) =>
    call(engine, operationId, { query: { ...query, ignorePagination: true } }).body.items.map(
      (item: { id: number }) => item.id,
    );

  it.each([
    ['listCampaigns', { isArchived: true }, [298]],
    ['listCampaigns', { isArchived: false }, [311, 312]],
    ['listCampaigns', { type: 'automation' }, [312]],
    ['listCampaigns', { type: 'simple', isArchived: false }, [311]],
    ['listSegments', { isArchived: true }, [52]],
    ['listActionCodes', { tacticId: 1 }, [103]],
    ['listActionCodes', { tacticId: 3 }, []],
    ['listConditionalEmails', { fromLineId: 32 }, [205]],
    ['listConditionalEmails', { isActive: false }, [206]],
    ['listConditionalEmails', { isActive: true, fromLineId: 31 }, [204]],
    ['listBanners', { campaignId: 310 }, [5201, 5202]],
    ['listBanners', { campaignId: 311 }, []],
    ['listFormCreatives', { isArchived: false }, [9601]],
  ])('%s with %j', (operationId, query, expected) => {
    expect(listIds(operationId, query)).toEqual(expected);
  });

  it('counts only the matching items in totalCount', () => {
    const page = call(engine, 'listCampaigns', { query: { isArchived: false, limit: 1 } }).body;

    expect(page.items).toHaveLength(1);
    expect(page.totalCount).toBe(2);
  });
});

describe('action list filters', () => {
  const engine = newEngine();
  const recorded = (actionCodeId: number, actionDate: string, sourceId?: number) =>
    call(engine, 'recordEmailAction', {
      body: {
        contactId: 1024,
        actionCodeId,
        actionDate,
        emailMessageId: 4101,
        contactEmailId: 5001,
        ...(sourceId === undefined ? {} : { sourceId }),
        campaignId: 311,
      },
    }).body.id as number;
  const opened = recorded(103, '2026-07-01T23:30:00-02:00', 15);
  const openedAgain = recorded(103, '2026-07-02T08:00:00Z');
  const seeded = 880152;
  const listIds = (query: Record<string, string | number | number[]>) =>
    call(engine, 'listEmailActions', { query }).body.items.map((item: { id: number }) => item.id);

  it.each([
    [{}, [seeded, opened, openedAgain]],
    [{ 'actionCode[]': [103] }, [seeded, opened, openedAgain]],
    [{ 'actionCode[]': [104] }, []],
    [{ 'actionCode[]': [103, 104] }, [seeded, opened, openedAgain]],
    [{ 'source[]': [15] }, [seeded, opened]],
    [{ 'source[]': [15, 16] }, [seeded, opened]],
    [{ campaignId: 311 }, [opened, openedAgain]],
    [{ emailMessageId: 4101 }, [opened, openedAgain]],
    [{ emailMessageId: 4410 }, [seeded]],
    // 23:30 at -02:00 is July 2 in UTC.
    [{ startDate: '2026-07-02' }, [opened, openedAgain]],
    [{ endDate: '2026-07-01' }, [seeded]],
    [{ startDate: '2026-06-09', endDate: '2026-06-09' }, [seeded]],
    [{ 'source[]': [15], startDate: '2026-07-02' }, [opened]],
  ])('matches %j', (query, expected) => {
    expect(listIds(query)).toEqual(expected);
  });
});
