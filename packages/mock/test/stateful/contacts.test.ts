import { describe, expect, it } from 'vitest';
import type { StatefulEngine } from '../../src/stateful/engine.js';
import { call, newEngine } from './engine-helpers.js';

function createContact(engine: StatefulEngine, body: Record<string, unknown>) {
  return call(engine, 'createContact', { body: { source: 12, ...body } });
}

describe('contact create', () => {
  it('assigns ids and timestamps and fills the defaults', () => {
    const engine = newEngine({ seed: 3 });
    const created = createContact(engine, {
      firstName: 'Ada',
      emails: [{ emailAddress: 'ada@example.org' }],
      phones: [{ phone: '3125550100' }],
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 2078,
      firstName: 'Ada',
      source: 12,
      isTest: false,
      emails: [{ id: 5004, emailAddress: 'ada@example.org', isSubscribed: false, isDefault: true }],
      locations: [],
      phones: [
        {
          id: 9004,
          phone: '3125550100',
          isPhoneSubscribed: false,
          isSmsSubscribed: false,
          isFax: false,
        },
      ],
    });
    expect(created.body.createdAt).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.body.updatedAt).toBe(created.body.createdAt);
    expect(call(engine, 'getContact', { path: { id: 2078 } }).body).toEqual(created.body);
  });

  it('gives each new contact a greater id', () => {
    const engine = newEngine();
    const first = createContact(engine, {}).body.id;
    const second = createContact(engine, {}).body.id;

    expect(second).toBeGreaterThan(first);
  });

  it('ignores read-only and undeclared fields of the body', () => {
    const engine = newEngine();
    const created = createContact(engine, {
      id: 1,
      createdAt: '2000-01-01T00:00:00Z',
      nickname: 'Jay',
    }).body;

    expect(created.id).toBe(2078);
    expect(created.createdAt).not.toBe('2000-01-01T00:00:00Z');
    expect(created).not.toHaveProperty('nickname');
  });

  it('applies the flat email and phone flags', () => {
    const engine = newEngine();
    const created = createContact(engine, {
      emails: [{ emailAddress: 'a@example.org' }, { emailAddress: 'b@example.org' }],
      phones: [{ phone: '3125550100' }],
      emailIsSubscribed: true,
      phoneIsCallSubscribed: true,
      phoneIsSmsSubscribed: true,
      phoneIsCallDefault: true,
    }).body;

    expect(created.emails.map((email: { isSubscribed: boolean }) => email.isSubscribed)).toEqual([
      true,
      false,
    ]);
    expect(created.phones[0]).toMatchObject({ isPhoneSubscribed: true, isSmsSubscribed: true });
    expect(created).not.toHaveProperty('emailIsSubscribed');
    expect(created).not.toHaveProperty('phoneIsCallDefault');
  });

  it('rejects an item id on a new contact', () => {
    const engine = newEngine();
    const response = createContact(engine, {
      emails: [{ id: 5001, emailAddress: 'a@example.org' }],
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.emails[0].id', error: expect.stringContaining('Leave id out') },
    ]);
    expect(call(engine, 'listContacts').body.totalCount).toBe(5);
  });
});

describe('contact update', () => {
  it('changes only the fields sent', () => {
    const engine = newEngine({ seed: 1 });
    const before = call(engine, 'getContact', { path: { id: 1024 } }).body;
    const updated = call(engine, 'updateContact', {
      path: { id: 1024 },
      body: {
        specialty: 'Hematology',
        customFields: { patientsPerWeek: 90, territoryCode: 'IL-2' },
      },
    }).body;

    expect(updated).toEqual({
      ...before,
      specialty: 'Hematology',
      customFields: { ...before.customFields, patientsPerWeek: 90, territoryCode: 'IL-2' },
      updatedAt: updated.updatedAt,
    });
    expect(updated.updatedAt).not.toBe(before.updatedAt);
    expect(updated.createdAt).toBe(before.createdAt);
  });

  it('updates items with an id and adds items without one', () => {
    const engine = newEngine();
    const updated = call(engine, 'updateContact', {
      path: { id: 1024 },
      body: {
        emails: [
          { id: 5001, emailAddress: 'jane.rivera@example.org', isSubscribed: false },
          { emailAddress: 'jane@home.example.org' },
        ],
        locations: [{ id: 7001, company: 'Northshore Health Oncology' }],
      },
    }).body;

    expect(updated.emails).toEqual([
      { id: 5001, emailAddress: 'jane.rivera@example.org', isSubscribed: false, isDefault: true },
      expect.objectContaining({ id: 5003 }),
      { id: 5004, emailAddress: 'jane@home.example.org', isSubscribed: false, isDefault: false },
    ]);
    expect(updated.locations[0]).toMatchObject({
      id: 7001,
      company: 'Northshore Health Oncology',
      addressLine1: '200 Lakeshore Dr',
    });
    expect(updated.locations).toHaveLength(2);
  });

  it('rejects item ids of other contacts before changing anything', () => {
    const engine = newEngine();
    const response = call(engine, 'updateContact', {
      path: { id: 2048 },
      body: { firstName: 'Marc', emails: [{ id: 5001, emailAddress: 'x@example.org' }] },
    });

    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe('body.emails[0].id');
    expect(call(engine, 'getContact', { path: { id: 2048 } }).body.firstName).toBe('Marcus');
  });

  it('moves the default address with emailIsDefault', () => {
    const engine = newEngine();
    const updated = call(engine, 'updateContact', {
      path: { id: 1024 },
      body: {
        emails: [{ id: 5003, emailAddress: 'jrivera@lakesideoncology.example.org' }],
        emailIsDefault: true,
      },
    }).body;

    expect(updated.emails.map((email: { isDefault: boolean }) => email.isDefault)).toEqual([
      false,
      true,
    ]);
  });

  it('returns 404 for an unknown contact', () => {
    const response = call(newEngine(), 'updateContact', {
      path: { id: 99 },
      body: { firstName: 'X' },
    });

    expect(response.status).toBe(404);
    expect(response.body.message).toMatch(/No contact has the id 99/);
  });
});

describe('contact delete', () => {
  it('removes the contact, its sub-resources and its memberships', () => {
    const engine = newEngine();
    call(engine, 'addSegmentContacts', { path: { segmentId: 87 }, body: { contactIds: [2048] } });

    expect(call(engine, 'deleteContact', { path: { id: 2048 } }).status).toBe(204);
    expect(call(engine, 'getContact', { path: { id: 2048 } }).status).toBe(404);
    expect(call(engine, 'getContactEmail', { path: { contactId: 2048, id: 5002 } }).status).toBe(
      404,
    );
    expect(call(engine, 'listContactPhones', { path: { contactId: 2048 } }).status).toBe(404);
    expect(call(engine, 'getSegment', { path: { id: 87 } }).body.contactCount).toBe(3);
    expect(call(engine, 'deleteContact', { path: { id: 2048 } }).status).toBe(404);
  });
});

describe('contact sub-resources', () => {
  it('add, update and remove change the contact arrays', () => {
    const engine = newEngine();
    const added = call(engine, 'addContactPhone', {
      path: { contactId: 2048 },
      body: { phone: '6175550100', isFax: true },
    });
    const updated = call(engine, 'updateContactPhone', {
      path: { contactId: 2048, id: added.body.id },
      body: { isFax: false },
    });

    expect(added.status).toBe(201);
    expect(updated.body).toEqual({ ...added.body, isFax: false });
    expect(call(engine, 'getContact', { path: { id: 2048 } }).body.phones).toContainEqual(
      updated.body,
    );

    expect(
      call(engine, 'removeContactPhone', { path: { contactId: 2048, id: added.body.id } }).status,
    ).toBe(204);
    expect(call(engine, 'listContactPhones', { path: { contactId: 2048 } }).body.items).toEqual(
      call(engine, 'getContact', { path: { id: 2048 } }).body.phones,
    );
  });

  it('touches the contact when an item changes', () => {
    const engine = newEngine({ seed: 2 });
    const before = call(engine, 'getContact', { path: { id: 2048 } }).body.updatedAt;
    call(engine, 'addContactLocation', { path: { contactId: 2048 }, body: { state: 'MA' } });

    expect(call(engine, 'getContact', { path: { id: 2048 } }).body.updatedAt).not.toBe(before);
  });

  it('keeps one default email address', () => {
    const engine = newEngine();
    const added = call(engine, 'addContactEmail', {
      path: { contactId: 2048 },
      body: { emailAddress: 'marcus@work.example.org', isDefault: true },
    }).body;
    const defaults = () =>
      call(engine, 'listContactEmails', { path: { contactId: 2048 } }).body.items.map(
        (email: { id: number; isDefault: boolean }) => [email.id, email.isDefault],
      );

    expect(defaults()).toEqual([
      [5002, false],
      [added.id, true],
    ]);
    call(engine, 'removeContactEmail', { path: { contactId: 2048, id: added.id } });
    expect(defaults()).toEqual([[5002, true]]);
  });

  it.each([
    ['listContactEmails', { contactId: 99 }, /No contact has the id 99/],
    ['getContactLocation', { contactId: 99, id: 7001 }, /No contact has the id 99/],
    [
      'getContactLocation',
      { contactId: 2048, id: 7001 },
      /contact 2048 has no contact location with the id 7001/,
    ],
    ['removeContactEmail', { contactId: 1024, id: 5002 }, /has no contact email with the id 5002/],
  ])('%s %j gets 404', (operationId, path, message) => {
    const response = call(newEngine(), operationId, { path });

    expect(response.status).toBe(404);
    expect(response.body.message).toMatch(message);
  });

  it('adds to an unknown contact with 404', () => {
    const response = call(newEngine(), 'addContactEmail', {
      path: { contactId: 99 },
      body: { emailAddress: 'x@example.org' },
    });

    expect(response.status).toBe(404);
  });
});

describe('contact search', () => {
  const engine = newEngine();
  createContact(engine, {
    firstName: 'Test',
    lastName: 'Rivera',
    isTest: true,
    emails: [{ emailAddress: 'jane.rivera@example.org' }],
  });
  const search = (group: string, simpleSearch: string) =>
    call(engine, 'searchContacts', { query: { 'groups[]': group, simpleSearch } }).body.items.map(
      (item: { id: number }) => item.id,
    );

  it.each([
    ['contact_display_email', 'JANE.Rivera@Example.org', [1024]],
    ['contact_display_email', 'example.com', [2048]],
    ['contact_display_email', 'nobody@example.org', []],
    ['contact_display_name', 'rivera jane', [1024]],
    ['contact_display_name', 'Dr Jane', [1024]],
    ['contact_display_phone', '(617) 555-0192', [2048]],
    ['contact_npi', '1456789019', [1024]],
  ])('%s matches %s', (group, simpleSearch, expected) => {
    expect(search(group, simpleSearch)).toEqual(expected);
  });

  it('searches several groups at once', () => {
    const items = call(engine, 'searchContacts', {
      query: { 'groups[]': ['contact_npi', 'contact_display_name'], simpleSearch: 'Chen' },
    }).body.items;

    expect(items.map((item: { id: number }) => item.id)).toEqual([2048]);
  });

  it('restricts results to fields[]', () => {
    const items = call(engine, 'searchContacts', {
      query: { 'groups[]': 'contact_display_email', simpleSearch: 'jane', 'fields[]': 'emails' },
    }).body.items;

    expect(Object.keys(items[0]).sort()).toEqual(['emails', 'id']);
  });
});
