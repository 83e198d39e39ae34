import type { SampleRequest } from './sample-request.js';

export const npiMatchSamples: readonly SampleRequest[] = [
  {
    operationId: 'matchNpi',
    method: 'POST',
    path: '/npi-match',
    body: { firstName: 'Jane', lastName: 'Rivera', state: 'IL' },
  },
];
