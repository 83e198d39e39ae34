import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

const emailsPath = '/contacts/1024/emails';

export const contactEmailSamples: readonly SampleRequest[] = [
  { operationId: 'listContactEmails', method: 'GET', path: emailsPath },
  {
    operationId: 'addContactEmail',
    method: 'POST',
    path: emailsPath,
    body: { emailAddress: 'jrivera@lakesideoncology.example.org' },
  },
  { operationId: 'getContactEmail', method: 'GET', path: `${emailsPath}/5001` },
  {
    operationId: 'updateContactEmail',
    method: 'PUT',
    path: `${emailsPath}/5001`,
    body: { isSubscribed: false },
  },
  {
    operationId: 'removeContactEmail',
    method: 'DELETE',
    path: `${emailsPath}/5001`,
    prepare: removeCreated(
      emailsPath,
      { emailAddress: 'jrivera.sample@example.org' },
      (id) => `${emailsPath}/${id}`,
    ),
  },
];
