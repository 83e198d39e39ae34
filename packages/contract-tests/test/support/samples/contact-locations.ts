import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

const locationsPath = '/contacts/1024/locations';

export const contactLocationSamples: readonly SampleRequest[] = [
  { operationId: 'listContactLocations', method: 'GET', path: locationsPath },
  {
    operationId: 'addContactLocation',
    method: 'POST',
    path: locationsPath,
    body: {
      addressLine1: '1000 Central St',
      city: 'Evanston',
      state: 'IL',
      postalCode: '60201',
    },
  },
  { operationId: 'getContactLocation', method: 'GET', path: `${locationsPath}/7001` },
  {
    operationId: 'updateContactLocation',
    method: 'PUT',
    path: `${locationsPath}/7001`,
    body: { company: 'Northshore Health Oncology' },
  },
  {
    operationId: 'removeContactLocation',
    method: 'DELETE',
    path: `${locationsPath}/7001`,
    prepare: removeCreated(
      locationsPath,
      { company: 'Northshore Health Oncology' },
      (id) => `${locationsPath}/${id}`,
    ),
  },
];
