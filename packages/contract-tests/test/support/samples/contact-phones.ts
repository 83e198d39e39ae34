import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

const phonesPath = '/contacts/1024/phones';

export const contactPhoneSamples: readonly SampleRequest[] = [
  { operationId: 'listContactPhones', method: 'GET', path: phonesPath },
  {
    operationId: 'addContactPhone',
    method: 'POST',
    path: phonesPath,
    body: { phone: '3125550149', isFax: true },
  },
  { operationId: 'getContactPhone', method: 'GET', path: `${phonesPath}/9001` },
  {
    operationId: 'updateContactPhone',
    method: 'PUT',
    path: `${phonesPath}/9001`,
    body: { isPhoneSubscribed: false },
  },
  {
    operationId: 'removeContactPhone',
    method: 'DELETE',
    path: `${phonesPath}/9001`,
    prepare: removeCreated(phonesPath, { phone: '3125550199' }, (id) => `${phonesPath}/${id}`),
  },
];
