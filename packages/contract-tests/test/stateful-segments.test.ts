import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { createdId, expectConforms } from './support/expect-conforms.js';
import { isStaticMock } from './support/mock-mode.js';

const pulse = mockClient();
const unknownContactId = 999999;

/** Creates a contact with only the required source and returns its id. */
async function newContact(): Promise<number> {
  return createdId('createContact', await pulse.POST('/contacts', { body: { source: 12 } }));
}

describe.skipIf(isStaticMock())('stored segment membership', () => {
  it('adds, lists and removes members', async () => {
    const segmentId = createdId(
      'createSegment',
      await pulse.POST('/segments', { body: { name: 'Membership check' } }),
    );
    const first = await newContact();
    const second = await newContact();
    const members = async () => {
      const result = await pulse.GET('/segments/{segmentId}/contacts', {
        params: { path: { segmentId } },
      });
      expectConforms('listSegmentContacts', 200, result);
      return result.data?.items.map((item) => item.id);
    };

    const added = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds: [first, second, unknownContactId] },
    });
    const repeated = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds: [first] },
    });

    expectConforms('addSegmentContacts', 200, added);
    expect(added.data).toEqual({
      added: 2,
      alreadyMembers: 0,
      notFoundContactIds: [unknownContactId],
      contactCount: 2,
    });
    expectConforms('addSegmentContacts', 200, repeated);
    expect(repeated.data).toMatchObject({ added: 0, alreadyMembers: 1, contactCount: 2 });
    expect(await members()).toEqual([first, second]);

    const removed = await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId, contactId: first } },
    });
    const removedAgain = await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId, contactId: first } },
    });
    const segment = await pulse.GET('/segments/{id}', { params: { path: { id: segmentId } } });

    expectConforms('removeSegmentContact', 204, removed);
    expectConforms('removeSegmentContact', 404, removedAgain);
    expect(await members()).toEqual([second]);
    expectConforms('getSegment', 200, segment);
    expect(segment.data?.contactCount).toBe(1);
  });

  it('deleteContact leaves the segment', async () => {
    const segmentId = createdId(
      'createSegment',
      await pulse.POST('/segments', { body: { name: 'Deleted member check' } }),
    );
    const contactId = await newContact();
    await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId } },
      body: { contactIds: [contactId] },
    });

    await pulse.DELETE('/contacts/{id}', { params: { path: { id: contactId } } });
    const segment = await pulse.GET('/segments/{id}', { params: { path: { id: segmentId } } });

    expectConforms('getSegment', 200, segment);
    expect(segment.data?.contactCount).toBe(0);
  });
});

describe.skipIf(isStaticMock())('stored archive', () => {
  it('archiveSegment is idempotent', async () => {
    const id = createdId(
      'createSegment',
      await pulse.POST('/segments', { body: { name: 'Archive check' } }),
    );

    const first = await pulse.POST('/segments/{id}/archive', { params: { path: { id } } });
    const second = await pulse.POST('/segments/{id}/archive', { params: { path: { id } } });
    const read = await pulse.GET('/segments/{id}', { params: { path: { id } } });

    expectConforms('archiveSegment', 200, first);
    expectConforms('archiveSegment', 200, second);
    expectConforms('getSegment', 200, read);
    expect(first.data?.isArchived).toBe(true);
    expect(second.data).toEqual(first.data);
    expect(read.data).toEqual(first.data);
  });

  it('archiveCampaign is idempotent', async () => {
    const id = createdId(
      'createCampaign',
      await pulse.POST('/campaigns', { body: { name: 'Archive check', type: 'simple' } }),
    );

    const first = await pulse.POST('/campaigns/{id}/archive', { params: { path: { id } } });
    const second = await pulse.POST('/campaigns/{id}/archive', { params: { path: { id } } });
    const archived = await pulse.GET('/campaigns', {
      params: { query: { isArchived: true, ignorePagination: true } },
    });

    expectConforms('archiveCampaign', 200, first);
    expectConforms('archiveCampaign', 200, second);
    expect(first.data?.isArchived).toBe(true);
    expect(second.data).toEqual(first.data);
    expectConforms('listCampaigns', 200, archived);
    expect(archived.data?.items.map((campaign) => campaign.id)).toContain(id);
  });
});
