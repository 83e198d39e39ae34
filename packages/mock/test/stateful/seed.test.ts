import { describe, expect, it } from 'vitest';
import { call, newEngine } from './engine-helpers.js';

const everything = { ignorePagination: true };

function ids(items: { id: number }[]): number[] {
  return items.map((item) => item.id);
}

describe('seed from the spec examples', () => {
  it('stores each resource of the single-resource examples', () => {
    const engine = newEngine();

    expect(call(engine, 'getContact', { path: { id: 1024 } }).body.lastName).toBe('Rivera');
    expect(call(engine, 'getContact', { path: { id: 2048 } }).body.contactType).toBe('Patient');
    expect(ids(call(engine, 'listCampaigns', { query: everything }).body.items)).toEqual([
      298, 311, 312,
    ]);
    expect(
      call(engine, 'getForm', { path: { uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' } }).status,
    ).toBe(200);
    expect(call(engine, 'getFromLine', { path: { id: 31 } }).status).toBe(200);
    expect(ids(call(engine, 'listConditionalEmails', { query: everything }).body.items)).toEqual([
      204, 205, 206,
    ]);
    expect(call(engine, 'getBanner', { path: { id: 5202 } }).body.tacticId).toBe(6);
  });

  it('prefers the get example over create and update examples', () => {
    const engine = newEngine();

    // getSegment shows segment 87 renamed; createSegment shows it with its first name.
    expect(call(engine, 'getSegment', { path: { id: 87 } }).body.name).toBe(
      'Midwest interventional cardiologists',
    );
    // updateContact's example changes the specialty, getContact's does not.
    expect(call(engine, 'getContact', { path: { id: 1024 } }).body.specialty).toBe('Oncology');
  });

  it('adds sub-resource examples to the contact of the path example', () => {
    const engine = newEngine();
    const contact = call(engine, 'getContact', { path: { id: 1024 } }).body;

    expect(ids(contact.emails)).toEqual([5001, 5003]);
    expect(ids(contact.locations)).toEqual([7001, 7002]);
    expect(ids(contact.phones)).toEqual([9001, 9003]);
  });

  it('seeds the members of the segment of the path example', () => {
    const engine = newEngine();
    const members = call(engine, 'listSegmentContacts', { path: { segmentId: 87 } }).body;

    expect(ids(members.items)).toEqual([1871, 2051, 2077]);
    expect(call(engine, 'getSegment', { path: { id: 87 } }).body.contactCount).toBe(3);
    expect(call(engine, 'getContact', { path: { id: 2051 } }).body).toMatchObject({
      firstName: 'Priya',
      lastName: 'Anand',
      emails: [],
    });
  });

  it('adds the sources and action codes that seeded actions name', () => {
    const engine = newEngine();

    expect(call(engine, 'getSource', { path: { id: 15 } }).body).toEqual({
      id: 15,
      name: 'Partner email service',
    });
    expect(call(engine, 'getActionCode', { path: { id: 502 } }).body).toEqual({
      id: 502,
      name: 'Banner clicked',
      tacticId: 5,
    });
    expect(call(engine, 'getActionCode', { path: { id: 1001 } }).body.tacticId).toBe(10);
  });

  it('gives new resources ids above every seeded id', () => {
    const engine = newEngine();
    const contact = call(engine, 'createContact', {
      body: { source: 12, emails: [{ emailAddress: 'new@example.org' }] },
    }).body;

    expect(contact.id).toBe(2078);
    expect(contact.emails[0].id).toBe(5004);
  });

  it('gives new resources no id that a seeded record names', () => {
    const engine = newEngine({
      seedData: { contacts: [{ id: 3000, source: 90 }] },
    });

    // Conditional email 205 sends from line 32, which no example shows.
    expect(
      call(engine, 'createFromLine', {
        body: { name: 'A', senderName: 'A', senderAddress: 'a@example.org' },
      }).body.id,
    ).toBe(33);
    expect(call(engine, 'createSource', { body: { name: 'B' } }).body.id).toBe(91);
    expect(call(engine, 'createContact', { body: { source: 12 } }).body.id).toBe(3001);
  });
});

describe('seed option', () => {
  it('makes timestamps reproducible', () => {
    const create = (seed: string | number) =>
      call(newEngine({ seed }), 'createSource', { body: { name: 'CRM' } }).body;
    const campaign = (seed: string | number) =>
      call(newEngine({ seed }), 'createCampaign', { body: { name: 'A', type: 'simple' } }).body
        .createdAt;

    expect(create(7)).toEqual(create(7));
    expect(campaign('demo')).toBe(campaign('demo'));
    expect(campaign('demo')).not.toBe(campaign('other'));
  });

  it('moves a seeded clock one second per request', () => {
    const engine = newEngine({ seed: 1 });
    const first = call(engine, 'createCampaign', { body: { name: 'A', type: 'simple' } }).body;
    const second = call(engine, 'createCampaign', { body: { name: 'B', type: 'simple' } }).body;

    expect(Date.parse(second.createdAt) - Date.parse(first.createdAt)).toBe(1000);
    expect(first.createdAt).toBe(first.updatedAt);
  });

  it.each([[Number.NaN], [{}], [true]])('rejects the seed %s', (seed) => {
    expect(() => newEngine({ seed: seed as never })).toThrow(/Invalid seed/);
  });
});

describe('seedData option', () => {
  it('adds records on top of the examples and replaces the same id', () => {
    const engine = newEngine({
      seedData: {
        sources: [
          { id: 12, name: 'Renamed booth' },
          { id: 40, name: 'Webinar sign-ups' },
        ],
      },
    });

    expect(call(engine, 'getSource', { path: { id: 12 } }).body.name).toBe('Renamed booth');
    expect(call(engine, 'getSource', { path: { id: 40 } }).body.name).toBe('Webinar sign-ups');
    expect(call(engine, 'createSource', { body: { name: 'Next' } }).body.id).toBe(41);
  });

  it('starts empty but for seedData when examples is false', () => {
    const engine = newEngine({
      seedData: {
        examples: false,
        contacts: [
          { id: 7, firstName: 'Ada', emails: [{ id: 70, emailAddress: 'ada@example.org' }] },
        ],
        segments: [{ id: 3, name: 'Pilot', isArchived: false }],
        segmentContacts: { '3': [7] },
      },
    });

    expect(call(engine, 'listContacts').body.totalCount).toBe(1);
    expect(call(engine, 'listCampaigns').body.totalCount).toBe(0);
    expect(call(engine, 'getContact', { path: { id: 7 } }).body.locations).toEqual([]);
    expect(call(engine, 'getSegment', { path: { id: 3 } }).body.contactCount).toBe(1);
    expect(
      call(engine, 'addContactEmail', {
        path: { contactId: 7 },
        body: { emailAddress: 'ada@work.example.org' },
      }).body.id,
    ).toBe(71);
  });

  it.each([
    ['an array', [], /expected an object/],
    ['an unknown collection', { widgets: [] }, /"widgets" is not a collection/],
    ['a non-array collection', { sources: {} }, /sources: expected an array/],
    ['a record without id', { sources: [{ name: 'x' }] }, /sources\[0\]\.id: expected an integer/],
    [
      'a form without uuid',
      { forms: [{ id: 1 }] },
      /forms\[0\]\.uuid: expected a non-empty string/,
    ],
    [
      'an undeclared property',
      { sources: [{ id: 1, nme: 'x' }] },
      /nme is not a property of source/,
    ],
    [
      'a nested undeclared property',
      { contacts: [{ id: 1, emails: [{ id: 2, emailAddress: 'a@b.org', primary: true }] }] },
      /emails\[0\]\.primary is not a property/,
    ],
    [
      'a write-only property',
      { contacts: [{ id: 1, emailIsSubscribed: true }] },
      /emailIsSubscribed/,
    ],
    [
      'an email id of another contact',
      { contacts: [{ id: 1, emails: [{ id: 5001, emailAddress: 'a@b.org' }] }] },
      /5001 is already a contact email of the contact 1024/,
    ],
    [
      'a member of an unknown segment',
      { segmentContacts: { '999': [1024] } },
      /no segment has the id 999/,
    ],
    ['an unknown member', { segmentContacts: { '87': [4] } }, /no contact has the id 4/],
    ['a non-boolean examples', { examples: 'no' }, /examples: expected true or false/],
  ])('rejects %s', (_case, seedData, message) => {
    expect(() => newEngine({ seedData })).toThrow(message);
  });
});
