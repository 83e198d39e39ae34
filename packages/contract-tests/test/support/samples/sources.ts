import type { SampleRequest } from './sample-request.js';

export const sourceSamples: readonly SampleRequest[] = [
  { operationId: 'listSources', method: 'GET', path: '/sources' },
  { operationId: 'getSource', method: 'GET', path: '/sources/12' },
  {
    operationId: 'createSource',
    method: 'POST',
    path: '/sources',
    body: { name: 'Veeva CRM sync' },
  },
];
