import type { SampleRequest } from './sample-request.js';

export const segmentSamples: readonly SampleRequest[] = [
  { operationId: 'listSegments', method: 'GET', path: '/segments?isArchived=false' },
  { operationId: 'getSegment', method: 'GET', path: '/segments/87' },
  {
    operationId: 'createSegment',
    method: 'POST',
    path: '/segments',
    body: { name: 'Midwest cardiologists' },
  },
  {
    operationId: 'updateSegment',
    method: 'PUT',
    path: '/segments/87',
    body: { name: 'Midwest interventional cardiologists' },
  },
  { operationId: 'archiveSegment', method: 'POST', path: '/segments/87/archive' },
];
