import { authHeaders } from '../credentials.js';
import { createResource } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

/** Creates a contact, adds it to segment 87 and returns the path that removes it again. */
async function addNewMember(baseUrl: string): Promise<string> {
  const contactId = await createResource(baseUrl, '/contacts', { source: 12 });
  const response = await fetch(`${baseUrl}/segments/87/contacts`, {
    method: 'POST',
    headers: { ...authHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify({ contactIds: [contactId] }),
  });
  if (response.status !== 200) {
    throw new Error(`POST /segments/87/contacts returned ${response.status}, expected 200.`);
  }
  return `/segments/87/contacts/${contactId}`;
}

export const segmentContactSamples: readonly SampleRequest[] = [
  { operationId: 'listSegmentContacts', method: 'GET', path: '/segments/87/contacts' },
  {
    operationId: 'addSegmentContacts',
    method: 'POST',
    path: '/segments/87/contacts',
    body: { contactIds: [2051, 2093] },
  },
  {
    operationId: 'removeSegmentContact',
    method: 'DELETE',
    path: '/segments/87/contacts/2051',
    prepare: addNewMember,
  },
];
