import type { SampleRequest } from './sample-request.js';

export const accountRequestSamples: readonly SampleRequest[] = [
  { operationId: 'getAccount', method: 'GET', path: '/account' },
];
