import { describe, expect, it } from 'vitest';
import type { StatefulEngine } from '../../src/stateful/engine.js';
import { call, newEngine } from './engine-helpers.js';

const boothForm = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

function submit(engine: StatefulEngine, body: Record<string, unknown>, uuid = boothForm) {
  return call(engine, 'submitForm', { path: { uuid }, body });
}

describe('form submission', () => {
  it('creates a contact for a new email address', () => {
    const engine = newEngine();
    const result = submit(engine, {
      emailAddress: 'ada.lovelace@example.org',
      firstName: 'Ada',
      lastName: 'Lovelace',
      npi: '1234567893',
      addressLine1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      phone: '2175550100',
      phoneIsSmsSubscribed: true,
      customFields: { attendedWebinar: true },
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ contactId: 2078, outcome: 'created' });
    expect(call(engine, 'getContact', { path: { id: 2078 } }).body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      npi: '1234567893',
      customFields: { attendedWebinar: true },
      emails: [{ emailAddress: 'ada.lovelace@example.org', isDefault: true }],
      locations: [{ addressLine1: '1 Main St', postalCode: '62701', country: 'USA' }],
      phones: [{ phone: '2175550100', isSmsSubscribed: true, isPhoneSubscribed: false }],
    });
  });

  it('updates the contact that has the email address, ignoring case', () => {
    const engine = newEngine();
    const result = submit(engine, {
      emailAddress: 'Jane.Rivera@EXAMPLE.org',
      specialty: 'Hematology',
      addressLine1: '200 Lakeshore Dr',
      addressLine2: 'Suite 1200',
      city: 'Chicago',
      state: 'IL',
      postalCode: '60611',
      phone: '3125550148',
      phoneIsCallSubscribed: false,
      customFields: { territoryCode: 'IL-1' },
    });
    const contact = call(engine, 'getContact', { path: { id: 1024 } }).body;

    expect(result.body).toEqual({ contactId: 1024, outcome: 'updated' });
    expect(contact.specialty).toBe('Hematology');
    expect(contact.customFields).toEqual({
      preferredLanguage: 'English',
      patientsPerWeek: 85,
      attendedWebinar: true,
      territoryCode: 'IL-1',
    });
    expect(contact.emails).toHaveLength(2);
    expect(contact.locations).toHaveLength(2);
    expect(contact.locations[0]).toMatchObject({ id: 7001, addressLine2: 'Suite 1200' });
    expect(contact.phones).toHaveLength(2);
    expect(contact.phones[0]).toMatchObject({ id: 9001, isPhoneSubscribed: false });
  });

  it('submits twice as one contact', () => {
    const engine = newEngine();
    const first = submit(engine, { emailAddress: 'twice@example.org', firstName: 'T' }).body;
    const second = submit(engine, { emailAddress: 'twice@example.org', lastName: 'Wice' }).body;
    const contact = call(engine, 'getContact', { path: { id: first.contactId } }).body;

    expect(first.outcome).toBe('created');
    expect(second).toEqual({ contactId: first.contactId, outcome: 'updated' });
    expect(contact).toMatchObject({ firstName: 'T', lastName: 'Wice' });
    expect(contact.emails).toHaveLength(1);
  });

  it('rejects an unknown form with 404', () => {
    const engine = newEngine();
    const response = submit(
      engine,
      { emailAddress: 'nobody@example.org' },
      '00000000-0000-4000-8000-000000000000',
    );

    expect(response.status).toBe(404);
    expect(response.body.message).toMatch(/No form has the uuid 00000000-/);
    expect(call(engine, 'listContacts').body.totalCount).toBe(5);
  });
});

describe('other resources', () => {
  it('defaults replyToAddress of a new from line to its sender', () => {
    const created = call(newEngine(), 'createFromLine', {
      body: { name: 'Support', senderName: 'Support', senderAddress: 'support@example.org' },
    }).body;

    expect(created).toMatchObject({ id: 33, replyToAddress: 'support@example.org' });
  });

  it('creates conditional emails inactive and deletes them', () => {
    const engine = newEngine();
    const created = call(engine, 'createConditionalEmail', {
      body: {
        name: 'Welcome',
        fromLineId: 31,
        creativeId: 4101,
        condition: { type: 'segmentJoined', segmentId: 87, formUuid: 'ignored' },
      },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 207, isActive: false });
    expect(created.body.condition).toEqual({ type: 'segmentJoined', segmentId: 87 });
    expect(call(engine, 'deleteConditionalEmail', { path: { id: 207 } }).status).toBe(204);
    expect(call(engine, 'getConditionalEmail', { path: { id: 207 } }).status).toBe(404);
  });

  it('replaces a conditional email condition as a whole', () => {
    const engine = newEngine();
    const updated = call(engine, 'updateConditionalEmail', {
      path: { id: 204 },
      body: { condition: { type: 'actionRecorded', actionCodeId: 103 } },
    }).body;

    expect(updated.condition).toEqual({ type: 'actionRecorded', actionCodeId: 103 });
    expect(updated.name).toBe('ASCO 2026 booth follow-up');
  });

  it('returns the first example of getAccount', () => {
    const response = call(newEngine(), 'getAccount');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 418, name: 'Oncavia HCP Marketing' });
  });

  it('returns the first example of matchNpi whatever the request', () => {
    const response = call(newEngine(), 'matchNpi', {
      body: { firstName: 'Zed', lastName: 'Nobody' },
    });

    expect(response.status).toBe(200);
    expect(response.body.candidates).toHaveLength(3);
    expect(response.body.candidates[0].record.number).toBe('1456789019');
  });
});
