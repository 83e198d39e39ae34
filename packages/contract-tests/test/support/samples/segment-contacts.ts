import type { SampleRequest } from './sample-request.js';

export const segmentContactSamples: readonly SampleRequest[] = [
  { operationId: 'listSegmentContacts', method: 'GET', path: '/segments/87/contacts' },
  {
    operationId: 'addSegmentContacts',
    method: 'POST',
    path: '/segments/87/contacts',
    body: { contactIds: [2051, 2093] },
  },
  { operationId: 'removeSegmentContact', method: 'DELETE', path: '/segments/87/contacts/2051' },
];
