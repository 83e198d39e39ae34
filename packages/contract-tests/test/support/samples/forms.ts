import type { SampleRequest } from './sample-request.js';

const formPath = '/forms/3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

export const formSamples: readonly SampleRequest[] = [
  { operationId: 'listForms', method: 'GET', path: '/forms' },
  { operationId: 'getForm', method: 'GET', path: formPath },
  {
    operationId: 'submitForm',
    method: 'POST',
    path: `${formPath}/submit`,
    body: { emailAddress: 'jane.rivera@example.org' },
  },
];
