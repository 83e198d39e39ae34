import type { SampleRequest } from './sample-request.js';

export const actionCodeSamples: readonly SampleRequest[] = [
  { operationId: 'listActionCodes', method: 'GET', path: '/action-codes?tacticId=1' },
  { operationId: 'getActionCode', method: 'GET', path: '/action-codes/103' },
];
