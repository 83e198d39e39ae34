// Drives every operation of the spec through the harness server in the order an integration
// would call them, and checks each response against the spec with Ajv. Its status must be one
// that the operation documents, and its body must match the schema of that status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseProblems } from '../../../contract-tests/test/support/spec-validator.js';
import type { CallInit, CallResult } from './engine-helpers.js';
import { bundledDocument, startHarness, type Harness } from './harness.js';

const operations = new Map<string, { method: string; template: string }>();
for (const [template, item] of Object.entries(bundledDocument.paths as Record<string, object>)) {
  for (const [method, operation] of Object.entries(
    item as Record<string, { operationId?: string }>,
  )) {
    if (operation.operationId) operations.set(operation.operationId, { method, template });
  }
}

let harness: Harness;
const successes = new Set<string>();

beforeAll(async () => {
  harness = await startHarness({ seed: 'conformance' });
});

afterAll(async () => {
  await harness.close();
});

/** Sends one operation to the harness and returns its status and body once both conform. */
async function send(operationId: string, init: CallInit = {}): Promise<CallResult> {
  const operation = operations.get(operationId);
  if (operation === undefined) throw new Error(`${operationId} is not in the spec.`);
  const path = operation.template.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
    encodeURIComponent(String(init.path?.[name])),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(init.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const query = search.size === 0 ? '' : `?${search}`;
  const response = await fetch(`${harness.url}${path}${query}`, {
    method: operation.method.toUpperCase(),
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  const body = text === '' ? undefined : JSON.parse(text);

  expect(responseProblems(operationId, response.status, body), operationId).toEqual([]);
  if (response.ok) successes.add(operationId);
  return { status: response.status, body };
}

describe('stateful engine conformance', () => {
  const state = { contactId: 0, emailId: 0, locationId: 0, phoneId: 0, segmentId: 0 };
  const state2 = { campaignId: 0, sourceId: 0, fromLineId: 0, conditionalEmailId: 0 };

  it('reads the account and the reference data', async () => {
    expect((await send('getAccount')).status).toBe(200);
    expect(
      (await send('listActionCodes', { query: { tacticId: 1, 'sort[]': 'name:ASC' } })).status,
    ).toBe(200);
    expect((await send('getActionCode', { path: { id: 103 } })).body.tacticId).toBe(1);
    expect((await send('listForms', { query: { 'fields[]': 'name' } })).body.totalCount).toBe(1);
    expect(
      (await send('getForm', { path: { uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' } })).status,
    ).toBe(200);
  });

  it('lists and reads every kind of creative', async () => {
    const kinds = [
      ['listEmailMessages', 'getEmailMessage', 4101],
      ['listBanners', 'getBanner', 5201],
      ['listDirectMails', 'getDirectMail', 6301],
      ['listEvents', 'getEvent', 7401],
      ['listWebsites', 'getWebsite', 8501],
      ['listFormCreatives', 'getFormCreative', 9601],
    ] as const;
    for (const [list, get, id] of kinds) {
      const page = await send(list, {
        query: { campaignId: 310, isArchived: false, 'sort[]': 'name:asc' },
      });
      expect(
        page.body.items.map((item: { id: number }) => item.id),
        list,
      ).toContain(id);
      expect((await send(get, { path: { id } })).status, get).toBe(200);
    }
  });

  it('creates a source and a campaign, then changes and archives the campaign', async () => {
    state2.sourceId = (await send('createSource', { body: { name: 'Webinar sign-ups' } })).body.id;
    expect((await send('getSource', { path: { id: state2.sourceId } })).status).toBe(200);
    expect(
      (await send('listSources', { query: { 'sort[]': 'name:DESC', ignorePagination: true } }))
        .status,
    ).toBe(200);

    const campaign = await send('createCampaign', {
      body: { name: 'Webinar series', type: 'simple' },
    });
    state2.campaignId = campaign.body.id;
    expect(campaign.status).toBe(201);
    expect((await send('getCampaign', { path: { id: state2.campaignId } })).status).toBe(200);
    expect(
      (
        await send('updateCampaign', {
          path: { id: state2.campaignId },
          body: { startDate: '2026-09-01' },
        })
      ).body.startDate,
    ).toBe('2026-09-01');
    expect(
      (
        await send('listCampaigns', {
          query: { type: 'simple', 'fields[]': ['name', 'startDate'] },
        })
      ).status,
    ).toBe(200);
    expect(
      (await send('archiveCampaign', { path: { id: state2.campaignId } })).body.isArchived,
    ).toBe(true);
  });

  it('creates, finds and updates a contact', async () => {
    const created = await send('createContact', {
      body: {
        source: state2.sourceId,
        firstName: 'Grace',
        lastName: 'Hopper',
        npi: '1234567893',
        contactType: 'HCP',
        emails: [{ emailAddress: 'grace.hopper@example.org', isSubscribed: true }],
        locations: [
          { addressLine1: '1 Navy Way', city: 'Arlington', state: 'VA', postalCode: '22202' },
        ],
        phones: [{ phone: '7035550100' }],
        customFields: { preferredLanguage: 'English' },
      },
    });
    state.contactId = created.body.id;
    expect(created.status).toBe(201);
    expect((await send('getContact', { path: { id: state.contactId } })).body.lastName).toBe(
      'Hopper',
    );
    const found = await send('searchContacts', {
      query: { 'groups[]': 'contact_display_email', simpleSearch: 'GRACE.HOPPER@example.org' },
    });
    expect(found.body.items.map((item: { id: number }) => item.id)).toEqual([state.contactId]);
    expect(
      (
        await send('listContacts', {
          query: {
            'fields[]': ['lastName'],
            'sort[]': ['lastName:ASC', 'id:desc'],
            page: 1,
            limit: 3,
          },
        })
      ).body.items,
    ).toHaveLength(3);
    const updated = await send('updateContact', {
      path: { id: state.contactId },
      body: {
        specialty: 'Computing',
        emails: [
          {
            id: created.body.emails[0].id,
            emailAddress: 'grace.hopper@example.org',
            isSubscribed: false,
          },
        ],
      },
    });
    expect(updated.body.emails[0].isSubscribed).toBe(false);
  });

  it('manages the contact emails, locations and phones', async () => {
    const contactId = state.contactId;
    const email = await send('addContactEmail', {
      path: { contactId },
      body: { emailAddress: 'ghopper@work.example.org' },
    });
    state.emailId = email.body.id;
    expect((await send('getContactEmail', { path: { contactId, id: state.emailId } })).status).toBe(
      200,
    );
    expect(
      (
        await send('updateContactEmail', {
          path: { contactId, id: state.emailId },
          body: { isSubscribed: true },
        })
      ).body.isSubscribed,
    ).toBe(true);
    expect(
      (
        await send('listContactEmails', {
          path: { contactId },
          query: { 'sort[]': 'isDefault:DESC' },
        })
      ).body.totalCount,
    ).toBe(2);

    const location = await send('addContactLocation', {
      path: { contactId },
      body: { company: 'Navy', state: 'VA' },
    });
    state.locationId = location.body.id;
    expect(
      (await send('getContactLocation', { path: { contactId, id: state.locationId } })).status,
    ).toBe(200);
    expect(
      (
        await send('updateContactLocation', {
          path: { contactId, id: state.locationId },
          body: { company: 'US Navy' },
        })
      ).body.company,
    ).toBe('US Navy');
    expect(
      (await send('listContactLocations', { path: { contactId }, query: { 'fields[]': 'city' } }))
        .body.totalCount,
    ).toBe(2);

    const phone = await send('addContactPhone', {
      path: { contactId },
      body: { phone: '7035550199', isFax: true },
    });
    state.phoneId = phone.body.id;
    expect((await send('getContactPhone', { path: { contactId, id: state.phoneId } })).status).toBe(
      200,
    );
    expect(
      (
        await send('updateContactPhone', {
          path: { contactId, id: state.phoneId },
          body: { isFax: false },
        })
      ).body.isFax,
    ).toBe(false);
    expect((await send('listContactPhones', { path: { contactId } })).body.totalCount).toBe(2);

    expect(
      (await send('removeContactEmail', { path: { contactId, id: state.emailId } })).status,
    ).toBe(204);
    expect(
      (await send('removeContactLocation', { path: { contactId, id: state.locationId } })).status,
    ).toBe(204);
    expect(
      (await send('removeContactPhone', { path: { contactId, id: state.phoneId } })).status,
    ).toBe(204);
    expect((await send('getContactPhone', { path: { contactId, id: state.phoneId } })).status).toBe(
      404,
    );
  });

  it('builds a segment and changes its members', async () => {
    const segment = await send('createSegment', { body: { name: 'Webinar attendees' } });
    state.segmentId = segment.body.id;
    const segmentId = state.segmentId;
    expect(
      (
        await send('updateSegment', {
          path: { id: segmentId },
          body: { name: 'Webinar attendees 2026' },
        })
      ).body.name,
    ).toBe('Webinar attendees 2026');
    const added = await send('addSegmentContacts', {
      path: { segmentId },
      body: { contactIds: [state.contactId, 1024, 99999] },
    });
    expect(added.body).toEqual({
      added: 2,
      alreadyMembers: 0,
      notFoundContactIds: [99999],
      contactCount: 2,
    });
    expect(
      (
        await send('listSegmentContacts', {
          path: { segmentId },
          query: { 'sort[]': 'lastName:asc' },
        })
      ).body.totalCount,
    ).toBe(2);
    expect(
      (await send('removeSegmentContact', { path: { segmentId, contactId: 1024 } })).status,
    ).toBe(204);
    expect((await send('getSegment', { path: { id: segmentId } })).body.contactCount).toBe(1);
    expect((await send('archiveSegment', { path: { id: segmentId } })).body.isArchived).toBe(true);
    expect(
      (await send('listSegments', { query: { isArchived: true, 'fields[]': 'contactCount' } })).body
        .totalCount,
    ).toBe(2);
  });

  it('records an action on every channel and lists it', async () => {
    const common = {
      contactId: 1024,
      actionDate: '2026-09-01T10:00:00Z',
      campaignId: 311,
      sourceId: state2.sourceId,
    };
    const channels = [
      [
        'recordEmailAction',
        'listEmailActions',
        { actionCodeId: 103, emailMessageId: 4101, contactEmailId: 5001 },
      ],
      [
        'recordDirectMailAction',
        'listDirectMailActions',
        { actionCodeId: 202, directMailId: 6301, contactLocationId: 7001 },
      ],
      ['recordBannerAction', 'listBannerActions', { actionCodeId: 502, bannerId: 5201 }],
      ['recordEventAction', 'listEventActions', { actionCodeId: 802, eventId: 7401 }],
      ['recordWebAction', 'listWebActions', { actionCodeId: 702, websiteId: 8501 }],
      ['recordFormAction', 'listFormActions', { actionCodeId: 1001, formId: 9601 }],
    ] as const;
    for (const [record, list, ids] of channels) {
      const recorded = await send(record, { body: { ...common, ...ids } });
      expect(recorded.status, record).toBe(201);
      const page = await send(list, {
        query: {
          'source[]': [state2.sourceId],
          'actionCode[]': [ids.actionCodeId],
          startDate: '2026-09-01',
          endDate: '2026-09-01',
          'sort[]': 'actionDate:DESC',
        },
      });
      expect(page.body.items, list).toEqual([recorded.body]);
    }
    expect(
      (
        await send('recordEmailAction', {
          body: { ...common, actionCodeId: 802, emailMessageId: 4101, contactEmailId: 5001 },
        })
      ).status,
    ).toBe(422);
  });

  it('manages from lines and conditional emails', async () => {
    const fromLine = await send('createFromLine', {
      body: {
        name: 'Webinars',
        senderName: 'Brightwell Webinars',
        senderAddress: 'webinars@example.com',
      },
    });
    state2.fromLineId = fromLine.body.id;
    const fromLineId = state2.fromLineId;
    expect((await send('getFromLine', { path: { id: fromLineId } })).body.replyToAddress).toBe(
      'webinars@example.com',
    );
    expect(
      (
        await send('updateFromLine', {
          path: { id: fromLineId },
          body: { replyToAddress: 'replies@example.com' },
        })
      ).status,
    ).toBe(200);
    expect((await send('listFromLines', { query: { 'sort[]': 'name:ASC' } })).body.totalCount).toBe(
      2,
    );

    const conditional = await send('createConditionalEmail', {
      body: {
        name: 'Webinar follow-up',
        fromLineId,
        creativeId: 4101,
        condition: { type: 'segmentJoined', segmentId: state.segmentId },
      },
    });
    state2.conditionalEmailId = conditional.body.id;
    const id = state2.conditionalEmailId;
    expect((await send('getConditionalEmail', { path: { id } })).body.isActive).toBe(false);
    expect(
      (await send('updateConditionalEmail', { path: { id }, body: { isActive: true } })).body
        .isActive,
    ).toBe(true);
    expect(
      (await send('listConditionalEmails', { query: { fromLineId, isActive: true } })).body
        .totalCount,
    ).toBe(1);
    expect((await send('deleteConditionalEmail', { path: { id } })).status).toBe(204);
    expect((await send('deleteFromLine', { path: { id: fromLineId } })).status).toBe(204);
  });

  it('submits a form, matches an NPI and deletes the contact', async () => {
    const form = { uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' };
    const submitted = await send('submitForm', {
      path: form,
      body: { emailAddress: 'grace.hopper@example.org', specialty: 'Navy' },
    });
    expect(submitted.body).toEqual({ contactId: state.contactId, outcome: 'updated' });
    expect(
      (await send('matchNpi', { body: { firstName: 'Grace', lastName: 'Hopper', state: 'VA' } }))
        .status,
    ).toBe(200);
    expect((await send('deleteContact', { path: { id: state.contactId } })).status).toBe(204);
    expect((await send('getContact', { path: { id: state.contactId } })).status).toBe(404);
    expect((await send('listContactEmails', { path: { contactId: state.contactId } })).status).toBe(
      404,
    );
  });

  it('answered every operation of the spec with a 2xx', () => {
    const missing = [...operations.keys()].filter((operationId) => !successes.has(operationId));

    expect(missing).toEqual([]);
    expect(successes.size).toBe(78);
  });
});
