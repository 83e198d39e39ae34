import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

export const contactSamples: readonly SampleRequest[] = [
  { operationId: 'listContacts', method: 'GET', path: '/contacts' },
  {
    operationId: 'searchContacts',
    method: 'GET',
    path: '/contacts/search?groups[]=contact_display_email&simpleSearch=jane.rivera%40example.org',
  },
  { operationId: 'getContact', method: 'GET', path: '/contacts/1024' },
  { operationId: 'createContact', method: 'POST', path: '/contacts', body: { source: 12 } },
  {
    operationId: 'updateContact',
    method: 'PUT',
    path: '/contacts/1024',
    body: { lastName: 'Rivera' },
  },
  {
    operationId: 'deleteContact',
    method: 'DELETE',
    path: '/contacts/1024',
    prepare: removeCreated('/contacts', { source: 12 }, (id) => `/contacts/${id}`),
  },
];
