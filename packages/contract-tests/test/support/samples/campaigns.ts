import type { SampleRequest } from './sample-request.js';

export const campaignSamples: readonly SampleRequest[] = [
  { operationId: 'listCampaigns', method: 'GET', path: '/campaigns?isArchived=false' },
  { operationId: 'getCampaign', method: 'GET', path: '/campaigns/311' },
  {
    operationId: 'createCampaign',
    method: 'POST',
    path: '/campaigns',
    body: { name: 'Zelvora launch to oncologists', type: 'simple' },
  },
  {
    operationId: 'updateCampaign',
    method: 'PUT',
    path: '/campaigns/311',
    body: { startDate: '2026-04-13' },
  },
  { operationId: 'archiveCampaign', method: 'POST', path: '/campaigns/311/archive' },
];
