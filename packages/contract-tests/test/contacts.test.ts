import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { exampleHeaders } from './support/mock-mode.js';

const pulse = mockClient();

describe('Contacts operations', () => {
  it('listContacts returns a page', async () => {
    const result = await pulse.GET('/contacts');

    expectConforms('listContacts', 200, result);
    expect(result.data?.totalCount).toBeGreaterThanOrEqual(result.data?.items.length ?? 0);
  });

  it('listContacts takes fields[], sort[] and paging', async () => {
    const result = await pulse.GET('/contacts', {
      params: {
        query: {
          'fields[]': ['firstName', 'lastName'],
          'sort[]': ['lastName:asc', 'createdAt:DESC'],
          page: 2,
          limit: 10,
        },
      },
    });

    expectConforms('listContacts', 200, result);
  });

  it('listContacts takes ignorePagination', async () => {
    const result = await pulse.GET('/contacts', { params: { query: { ignorePagination: true } } });

    expectConforms('listContacts', 200, result);
  });

  it('searchContacts finds a contact by email', async () => {
    const email = 'jane.rivera@example.org';
    const result = await pulse.GET('/contacts/search', {
      params: { query: { 'groups[]': ['contact_display_email'], simpleSearch: email } },
    });

    expectConforms('searchContacts', 200, result);
    const addresses = result.data?.items[0]?.emails?.map((item) => item.emailAddress);
    expect(addresses).toContain(email);
  });

  it('searchContacts returns an empty page when nothing matches', async () => {
    const result = await pulse.GET('/contacts/search', {
      params: {
        query: { 'groups[]': ['contact_display_email'], simpleSearch: 'nobody@example.org' },
      },
      headers: exampleHeaders('ContactSearchNoMatch'),
    });

    expectConforms('searchContacts', 200, result);
    expect(result.data).toEqual({ items: [], totalCount: 0 });
  });

  it('getContact returns one contact', async () => {
    const result = await pulse.GET('/contacts/{id}', { params: { path: { id: 1024 } } });

    expectConforms('getContact', 200, result);
    expect(result.data?.id).toBeTypeOf('number');
  });

  it('createContact creates a physician', async () => {
    const result = await pulse.POST('/contacts', {
      body: {
        source: 12,
        salutation: 'Dr',
        firstName: 'Jane',
        lastName: 'Rivera',
        npi: '1456789019',
        contactType: 'HCP',
        emails: [{ emailAddress: 'jane.rivera@example.org', isSubscribed: true }],
        locations: [
          { addressLine1: '200 Lakeshore Dr', city: 'Chicago', state: 'IL', postalCode: '60611' },
        ],
        phones: [{ phone: '3125550148', isPhoneSubscribed: true }],
        customFields: { attendedWebinar: true, patientsPerWeek: 85, referralCode: null },
      },
    });

    expectConforms('createContact', 201, result);
  });

  it('createContact needs nothing but source', async () => {
    const result = await pulse.POST('/contacts', { body: { source: 7 } });

    expectConforms('createContact', 201, result);
  });

  it('updateContact changes an existing email by id', async () => {
    const result = await pulse.PUT('/contacts/{id}', {
      params: { path: { id: 1024 } },
      body: {
        specialty: 'Hematology and Oncology',
        emails: [{ id: 5001, emailAddress: 'jane.rivera@example.org', isSubscribed: false }],
      },
    });

    expectConforms('updateContact', 200, result);
  });

  it('deleteContact returns no content', async () => {
    // Deletes a contact of its own, so the stateful mock keeps contact 1024 for other tests.
    const created = await pulse.POST('/contacts', { body: { source: 12 } });
    const result = await pulse.DELETE('/contacts/{id}', {
      params: { path: { id: createdId('createContact', created) } },
    });

    expectConforms('deleteContact', 204, result);
  });
});
