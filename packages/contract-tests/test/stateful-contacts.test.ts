import type { FormSubmission } from '@pulse-engagement/client';
import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { isStaticMock } from './support/mock-mode.js';

const pulse = mockClient();
const formUuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

// Every test works on contacts it creates, with email addresses that no other test uses, so
// the files that share the stateful mock cannot change what these tests read back.
describe.skipIf(isStaticMock())('stored contacts', () => {
  it('createContact then getContact', async () => {
    const created = await pulse.POST('/contacts', {
      body: {
        source: 12,
        firstName: 'Ada',
        lastName: 'Okonkwo',
        npi: '1234567893',
        contactType: 'HCP',
        emails: [{ emailAddress: 'ada.okonkwo@example.org', isSubscribed: true }],
        phones: [{ phone: '3125550101' }],
        customFields: { patientsPerWeek: 40 },
      },
    });
    const id = createdId('createContact', created);

    const read = await pulse.GET('/contacts/{id}', { params: { path: { id } } });

    expectConforms('getContact', 200, read);
    expect(read.data).toEqual(created.data);
    expect(read.data?.firstName).toBe('Ada');
    expect(read.data?.emails?.map((email) => email.emailAddress)).toEqual([
      'ada.okonkwo@example.org',
    ]);
    expect(read.data?.emails?.[0]?.isDefault).toBe(true);
    expect(read.data?.phones?.[0]?.phone).toBe('3125550101');
  });

  it('updateContact keeps fields not sent', async () => {
    const created = await pulse.POST('/contacts', {
      body: {
        source: 12,
        firstName: 'Bea',
        lastName: 'Lindqvist',
        specialty: 'Cardiology',
        emails: [{ emailAddress: 'bea.lindqvist@example.org' }],
      },
    });
    const id = createdId('createContact', created);

    const updated = await pulse.PUT('/contacts/{id}', {
      params: { path: { id } },
      body: { specialty: 'Interventional cardiology' },
    });
    const read = await pulse.GET('/contacts/{id}', { params: { path: { id } } });

    expectConforms('updateContact', 200, updated);
    expectConforms('getContact', 200, read);
    expect(read.data).toEqual(updated.data);
    expect(read.data?.specialty).toBe('Interventional cardiology');
    expect(read.data?.firstName).toBe('Bea');
    expect(read.data?.lastName).toBe('Lindqvist');
    expect(read.data?.emails).toEqual(created.data?.emails);
    expect(read.data?.createdAt).toBe(created.data?.createdAt);
  });

  it('deleteContact then getContact returns 404', async () => {
    const created = await pulse.POST('/contacts', {
      body: { source: 12, emails: [{ emailAddress: 'deleted.contact@example.org' }] },
    });
    const id = createdId('createContact', created);

    const deleted = await pulse.DELETE('/contacts/{id}', { params: { path: { id } } });
    const read = await pulse.GET('/contacts/{id}', { params: { path: { id } } });
    const emails = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId: id } },
    });
    const again = await pulse.DELETE('/contacts/{id}', { params: { path: { id } } });

    expectConforms('deleteContact', 204, deleted);
    const error = expectConforms('getContact', 404, read) as { message: string };
    expect(error.message).toContain(String(id));
    expectConforms('listContactEmails', 404, emails);
    expectConforms('deleteContact', 404, again);
  });

  it('searchContacts finds a created contact by email', async () => {
    const email = 'search.target@example.org';
    const search = () =>
      pulse.GET('/contacts/search', {
        params: { query: { 'groups[]': ['contact_display_email'], simpleSearch: email } },
      });

    const before = await search();
    const created = await pulse.POST('/contacts', {
      body: { source: 12, lastName: 'Target', emails: [{ emailAddress: email }] },
    });
    const id = createdId('createContact', created);
    const after = await search();

    expectConforms('searchContacts', 200, before);
    expect(before.data).toEqual({ items: [], totalCount: 0 });
    expectConforms('searchContacts', 200, after);
    expect(after.data?.totalCount).toBe(1);
    expect(after.data?.items.map((contact) => contact.id)).toEqual([id]);
  });

  it('submitForm creates then updates one contact', async () => {
    const submit = (body: FormSubmission) =>
      pulse.POST('/forms/{uuid}/submit', { params: { path: { uuid: formUuid } }, body });

    const first = await submit({ emailAddress: 'form.visitor@example.org', firstName: 'Cora' });
    const second = await submit({
      emailAddress: 'Form.Visitor@example.org',
      lastName: 'Mbeki',
      phone: '3125550123',
    });

    expectConforms('submitForm', 200, first);
    expectConforms('submitForm', 200, second);
    expect(first.data?.outcome).toBe('created');
    expect(second.data?.outcome).toBe('updated');
    expect(second.data?.contactId).toBe(first.data?.contactId);

    const contactId = first.data?.contactId ?? 0;
    const read = await pulse.GET('/contacts/{id}', { params: { path: { id: contactId } } });
    expectConforms('getContact', 200, read);
    expect(read.data?.firstName).toBe('Cora');
    expect(read.data?.lastName).toBe('Mbeki');
    // The second submission matched the address whatever its case, so the contact has one.
    const addresses = read.data?.emails?.map((email) => email.emailAddress.toLowerCase());
    expect(addresses).toEqual(['form.visitor@example.org']);
    expect(read.data?.phones?.map((phone) => phone.phone)).toEqual(['3125550123']);
  });
});

describe.skipIf(isStaticMock())('contact email sub-resource', () => {
  it('matches the contact after each change', async () => {
    const created = await pulse.POST('/contacts', {
      body: { source: 12, emails: [{ emailAddress: 'first.address@example.org' }] },
    });
    const contactId = createdId('createContact', created);
    const firstId = created.data?.emails?.[0]?.id ?? 0;
    const readContact = () => pulse.GET('/contacts/{id}', { params: { path: { id: contactId } } });

    const added = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: { emailAddress: 'second.address@example.org', isDefault: true },
    });
    const secondId = createdId('addContactEmail', added);
    const afterAdd = await readContact();
    const list = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
    });

    expectConforms('getContact', 200, afterAdd);
    expectConforms('listContactEmails', 200, list);
    expect(list.data?.items).toEqual(afterAdd.data?.emails);
    const defaults = afterAdd.data?.emails?.filter((email) => email.isDefault);
    expect(defaults?.map((email) => email.id)).toEqual([secondId]);

    const removed = await pulse.DELETE('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: secondId } },
    });
    const afterRemove = await readContact();
    const readRemoved = await pulse.GET('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: secondId } },
    });

    expectConforms('removeContactEmail', 204, removed);
    expectConforms('getContact', 200, afterRemove);
    expectConforms('getContactEmail', 404, readRemoved);
    // Removing the default address makes the first remaining one the default.
    expect(afterRemove.data?.emails).toEqual([
      expect.objectContaining({ id: firstId, isDefault: true }),
    ]);
  });
});
