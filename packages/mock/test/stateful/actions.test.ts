import { describe, expect, it } from 'vitest';
import type { StatefulEngine } from '../../src/stateful/engine.js';
import { call, newEngine } from './engine-helpers.js';

const emailOpened = {
  contactId: 1024,
  actionCodeId: 103,
  actionDate: '2026-07-01T12:00:00Z',
  campaignId: 311,
  sourceId: 15,
  emailMessageId: 4101,
  contactEmailId: 5001,
};

function recordEmail(engine: StatefulEngine, body: Record<string, unknown> = {}) {
  return call(engine, 'recordEmailAction', { body: { ...emailOpened, ...body } });
}

describe('action recording', () => {
  it('stores the action with every reference resolved', () => {
    const engine = newEngine();
    const recorded = recordEmail(engine);

    expect(recorded.status).toBe(201);
    expect(recorded.body).toEqual({
      id: 880153,
      actionDate: '2026-07-01T12:00:00Z',
      actionCode: { id: 103, name: 'Email opened' },
      contact: {
        id: 1024,
        salutation: 'Dr',
        firstName: 'Jane',
        lastName: 'Rivera',
        credentials: 'MD',
        npi: '1456789019',
        contactType: 'HCP',
      },
      campaign: { id: 311, name: 'Zelvora launch to oncologists' },
      source: { id: 15, name: 'Partner email service' },
      emailMessage: { id: 4101, name: 'ASCO 2026 booth invitation' },
      contactEmail: { id: 5001, emailAddress: 'jane.rivera@example.org' },
    });
    expect(
      call(engine, 'listEmailActions', { query: { 'sort[]': 'id:DESC', limit: 1 } }).body.items,
    ).toEqual([recorded.body]);
  });

  it('leaves out the optional campaign and source', () => {
    const recorded = recordEmail(newEngine(), { campaignId: undefined, sourceId: undefined }).body;

    expect(recorded).not.toHaveProperty('campaign');
    expect(recorded).not.toHaveProperty('source');
  });

  it.each([
    [
      'recordDirectMailAction',
      { actionCodeId: 202, directMailId: 6301, contactLocationId: 7002 },
      { directMail: { id: 6301 }, contactLocation: { id: 7002, city: 'Evanston' } },
    ],
    ['recordBannerAction', { actionCodeId: 502, bannerId: 5201 }, { banner: { id: 5201 } }],
    ['recordEventAction', { actionCodeId: 802, eventId: 7401 }, { event: { id: 7401 } }],
    ['recordWebAction', { actionCodeId: 702, websiteId: 8501 }, { website: { id: 8501 } }],
    ['recordFormAction', { actionCodeId: 1001, formId: 9601 }, { form: { id: 9601 } }],
  ])('%s resolves its creative', (operationId, ids, expected) => {
    const body = { contactId: 1024, actionDate: '2026-07-01T12:00:00Z', ...ids };

    expect(call(newEngine(), operationId, { body }).body).toMatchObject(expected);
  });

  it('shows the current names of the references', () => {
    const engine = newEngine();
    recordEmail(engine);
    call(engine, 'updateCampaign', { path: { id: 311 }, body: { name: 'Zelvora relaunch' } });
    call(engine, 'updateContact', { path: { id: 1024 }, body: { lastName: 'Rivera-Lopez' } });
    const latest = call(engine, 'listEmailActions', { query: { 'sort[]': 'id:DESC', limit: 1 } })
      .body.items[0];

    expect(latest.campaign).toEqual({ id: 311, name: 'Zelvora relaunch' });
    expect(latest.contact.lastName).toBe('Rivera-Lopez');
  });

  it('keeps the stored copy of a deleted contact', () => {
    const engine = newEngine();
    const recorded = recordEmail(engine).body;
    call(engine, 'deleteContact', { path: { id: 1024 } });
    const latest = call(engine, 'listEmailActions', { query: { 'sort[]': 'id:DESC', limit: 1 } })
      .body.items[0];

    expect(latest.contact).toEqual(recorded.contact);
    expect(latest.contactEmail).toEqual(recorded.contactEmail);
  });

  it('rejects ids that name nothing, each with its field', () => {
    const engine = newEngine();
    const response = recordEmail(engine, {
      contactId: 9,
      actionCodeId: 9,
      campaignId: 9,
      sourceId: 9,
      emailMessageId: 9,
    });

    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.contactId',
      'body.actionCodeId',
      'body.campaignId',
      'body.sourceId',
      'body.emailMessageId',
      'body.contactEmailId',
    ]);
    expect(call(engine, 'listEmailActions').body.totalCount).toBe(1);
  });

  it('rejects an email address of another contact', () => {
    const response = recordEmail(newEngine(), { contactEmailId: 5002 });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.contactEmailId', error: expect.stringContaining('contact 1024') },
    ]);
  });

  it('rejects a code of another tactic than the creative', () => {
    const response = recordEmail(newEngine(), { actionCodeId: 802 });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.actionCodeId', error: expect.stringContaining('tacticId=1') },
    ]);
  });

  it('takes the tactic from the creative for EHR banners', () => {
    const engine = newEngine({
      seedData: { 'action-codes': [{ id: 601, name: 'EHR banner shown', tacticId: 6 }] },
    });
    const banner = (bannerId: number, actionCodeId: number) =>
      call(engine, 'recordBannerAction', {
        body: { contactId: 1024, actionDate: '2026-07-01T12:00:00Z', actionCodeId, bannerId },
      }).status;

    expect(banner(5202, 601)).toBe(201);
    expect(banner(5202, 502)).toBe(422);
    expect(banner(5201, 502)).toBe(201);
  });
});
