import type { PulseRequestEvent } from '@pulse-engagement/client';
import { describe, expect, it } from 'vitest';
import { mockClient, mockPulse } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { isStaticMock } from './support/mock-mode.js';

const pulse = mockClient();

/** Creates a contact with one email address per entry of `addresses`, the first the default. */
async function contactWithEmails(addresses: string[]): Promise<number> {
  const created = await pulse.POST('/contacts', {
    body: { source: 12, emails: addresses.map((emailAddress) => ({ emailAddress })) },
  });
  return createdId('createContact', created);
}

/** Creates a segment with one new member per `[firstName, lastName]` and returns their ids. */
async function segmentWithMembers(
  names: [string, string][],
): Promise<{ segmentId: number; memberIds: number[] }> {
  const segment = await pulse.POST('/segments', { body: { name: 'Sorting check' } });
  const segmentId = createdId('createSegment', segment);
  const memberIds: number[] = [];
  for (const [firstName, lastName] of names) {
    const created = await pulse.POST('/contacts', { body: { source: 12, firstName, lastName } });
    memberIds.push(createdId('createContact', created));
  }
  const added = await pulse.POST('/segments/{segmentId}/contacts', {
    params: { path: { segmentId } },
    body: { contactIds: memberIds },
  });
  expectConforms('addSegmentContacts', 200, added);
  return { segmentId, memberIds };
}

// The lists read here belong to a contact or segment that the test created, so concurrent test
// files cannot change their items or totalCount.
describe.skipIf(isStaticMock())('stored lists', () => {
  const addresses = [
    'a@example.org',
    'b@example.org',
    'c@example.org',
    'd@example.org',
    'e@example.org',
  ];

  it('page and limit split the list', async () => {
    const contactId = await contactWithEmails(addresses);
    const page = (number: number) =>
      pulse.GET('/contacts/{contactId}/emails', {
        params: { path: { contactId }, query: { page: number, limit: 2 } },
      });

    const pages = [await page(1), await page(2), await page(3), await page(4)];

    for (const result of pages) {
      expectConforms('listContactEmails', 200, result);
      expect(result.data?.totalCount).toBe(5);
    }
    const seen = pages.map((result) => result.data?.items.map((email) => email.emailAddress));
    expect(seen).toEqual([addresses.slice(0, 2), addresses.slice(2, 4), addresses.slice(4), []]);
  });

  it('ignorePagination returns every item', async () => {
    const contactId = await contactWithEmails(addresses);

    const result = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId }, query: { ignorePagination: true, limit: 2, page: 2 } },
    });

    expectConforms('listContactEmails', 200, result);
    expect(result.data?.totalCount).toBe(5);
    expect(result.data?.items.map((email) => email.emailAddress)).toEqual(addresses);
  });

  it('sort[] orders by each key in turn', async () => {
    const { segmentId, memberIds } = await segmentWithMembers([
      ['Zoe', 'Baker'],
      ['Yan', 'Adams'],
      ['Amy', 'Baker'],
      ['Bo', 'Clark'],
    ]);
    const [zoe, yan, amy, bo] = memberIds;

    const ascending = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId }, query: { 'sort[]': ['lastName:ASC', 'firstName:DESC'] } },
    });
    const descending = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId }, query: { 'sort[]': ['lastName:desc', 'firstName:asc'] } },
    });

    expectConforms('listSegmentContacts', 200, ascending);
    expectConforms('listSegmentContacts', 200, descending);
    expect(ascending.data?.items.map((item) => item.id)).toEqual([yan, zoe, amy, bo]);
    expect(descending.data?.items.map((item) => item.id)).toEqual([bo, amy, zoe, yan]);
  });

  it('fields[] keeps only the named fields and id', async () => {
    const { segmentId } = await segmentWithMembers([['Ida', 'Novak']]);

    const members = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId }, query: { 'fields[]': ['lastName'] } },
    });
    const contacts = await pulse.GET('/contacts', {
      params: { query: { 'fields[]': ['firstName'], ignorePagination: true } },
    });

    expectConforms('listSegmentContacts', 200, members);
    expect(members.data?.items).toEqual([{ id: expect.any(Number) as number, lastName: 'Novak' }]);
    expectConforms('listContacts', 200, contacts);
    expect(contacts.data?.items.length).toBeGreaterThan(0);
    for (const contact of contacts.data?.items ?? []) {
      expect(['firstName', 'id']).toEqual(expect.arrayContaining(Object.keys(contact)));
    }
  });

  it('paginate reads every page', async () => {
    const contactId = await contactWithEmails(addresses);
    const requests: PulseRequestEvent[] = [];
    const client = mockPulse({ hooks: { onRequest: (event) => void requests.push(event) } });

    const emails = [];
    for await (const email of client.paginate('/contacts/{contactId}/emails', {
      params: { path: { contactId }, query: { limit: 2 } },
    })) {
      emails.push(email.emailAddress);
    }

    expect(emails).toEqual(addresses);
    expect(requests).toHaveLength(3);
  });
});
