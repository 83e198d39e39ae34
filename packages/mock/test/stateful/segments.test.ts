import { describe, expect, it } from 'vitest';
import { call, newEngine } from './engine-helpers.js';

describe('segment membership', () => {
  it('counts added, already-member and unknown ids', () => {
    const engine = newEngine();
    const result = call(engine, 'addSegmentContacts', {
      path: { segmentId: 87 },
      body: { contactIds: [2051, 1024, 2048, 3390] },
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      added: 2,
      alreadyMembers: 1,
      notFoundContactIds: [3390],
      contactCount: 5,
    });
    expect(call(engine, 'getSegment', { path: { id: 87 } }).body.contactCount).toBe(5);
  });

  it('adds the same ids again without change', () => {
    const engine = newEngine();
    const add = () =>
      call(engine, 'addSegmentContacts', { path: { segmentId: 52 }, body: { contactIds: [1024] } })
        .body;

    expect(add()).toMatchObject({ added: 1, alreadyMembers: 0, contactCount: 1 });
    expect(add()).toMatchObject({ added: 0, alreadyMembers: 1, contactCount: 1 });
  });

  it('lists members as contact summaries', () => {
    const engine = newEngine();
    call(engine, 'addSegmentContacts', { path: { segmentId: 52 }, body: { contactIds: [1024] } });

    expect(call(engine, 'listSegmentContacts', { path: { segmentId: 52 } }).body).toEqual({
      items: [
        {
          id: 1024,
          salutation: 'Dr',
          firstName: 'Jane',
          lastName: 'Rivera',
          credentials: 'MD',
          npi: '1456789019',
          contactType: 'HCP',
        },
      ],
      totalCount: 1,
    });
  });

  it('shows a member renamed since it was added', () => {
    const engine = newEngine();
    call(engine, 'updateContact', { path: { id: 2051 }, body: { firstName: 'Priyanka' } });
    const members = call(engine, 'listSegmentContacts', {
      path: { segmentId: 87 },
      query: { 'sort[]': 'firstName:ASC', 'fields[]': 'firstName' },
    }).body.items;

    expect(members).toEqual([
      { id: 1871, firstName: 'Denise' },
      { id: 2051, firstName: 'Priyanka' },
      { id: 2077, firstName: 'Robert' },
    ]);
  });

  it('removes a member once, then 404', () => {
    const engine = newEngine();
    const remove = () =>
      call(engine, 'removeSegmentContact', { path: { segmentId: 87, contactId: 2051 } });

    expect(remove().status).toBe(204);
    expect(remove().status).toBe(404);
    expect(call(engine, 'getContact', { path: { id: 2051 } }).status).toBe(200);
    expect(call(engine, 'getSegment', { path: { id: 87 } }).body.contactCount).toBe(2);
  });

  it.each([
    ['listSegmentContacts', { segmentId: 9 }, undefined],
    ['addSegmentContacts', { segmentId: 9 }, { contactIds: [1024] }],
    ['removeSegmentContact', { segmentId: 9, contactId: 1024 }, undefined],
  ])('%s of an unknown segment gets 404', (operationId, path, body) => {
    const response = call(newEngine(), operationId, { path, body });

    expect(response.status).toBe(404);
    expect(response.body.message).toMatch(/No segment has the id 9/);
  });
});

describe('segments and campaigns', () => {
  it('create a segment with no members, never archived', () => {
    const engine = newEngine();
    const created = call(engine, 'createSegment', { body: { name: 'Congress attendees' } });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 88, isArchived: false, contactCount: 0 });
  });

  it.each([
    ['archiveSegment', 'getSegment', 'listSegments', 87],
    ['archiveCampaign', 'getCampaign', 'listCampaigns', 311],
  ])('%s archives once and keeps the flag everywhere', (archive, get, list, id) => {
    const engine = newEngine({ seed: 5 });
    const first = call(engine, archive, { path: { id } });
    const again = call(engine, archive, { path: { id } });
    const archived = call(engine, list, { query: { isArchived: true } }).body.items;

    expect(first.body.isArchived).toBe(true);
    expect(again.body).toEqual(first.body);
    expect(call(engine, get, { path: { id } }).body).toEqual(first.body);
    expect(archived.map((item: { id: number }) => item.id)).toContain(id);
  });

  it('takes no read-only field from an update body', () => {
    const engine = newEngine();
    const before = call(engine, 'getCampaign', { path: { id: 311 } }).body;
    const updated = call(engine, 'updateSegment', {
      path: { id: 87 },
      body: { name: 'Renamed', isArchived: true, contactCount: 99, id: 5 },
    }).body;
    const campaign = call(engine, 'updateCampaign', {
      path: { id: 311 },
      body: { createdAt: '2000-01-01T00:00:00Z', isArchived: true },
    }).body;

    expect(updated).toMatchObject({ id: 87, name: 'Renamed', isArchived: false, contactCount: 3 });
    expect(campaign.createdAt).toBe(before.createdAt);
    expect(campaign.isArchived).toBe(false);
  });

  it('archives an unknown campaign with 404', () => {
    expect(call(newEngine(), 'archiveCampaign', { path: { id: 1 } }).status).toBe(404);
  });

  it('updates a campaign partially', () => {
    const engine = newEngine();
    const updated = call(engine, 'updateCampaign', {
      path: { id: 311 },
      body: { startDate: '2026-04-13' },
    }).body;

    expect(updated).toMatchObject({
      id: 311,
      name: 'Zelvora launch to oncologists',
      startDate: '2026-04-13',
      isArchived: false,
    });
  });
});
