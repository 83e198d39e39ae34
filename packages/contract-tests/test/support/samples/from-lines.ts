import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

export const fromLineSamples: readonly SampleRequest[] = [
  { operationId: 'listFromLines', method: 'GET', path: '/from-lines' },
  { operationId: 'getFromLine', method: 'GET', path: '/from-lines/31' },
  {
    operationId: 'createFromLine',
    method: 'POST',
    path: '/from-lines',
    body: {
      name: 'Oncology medical information',
      senderName: 'Brightwell Medical Information',
      senderAddress: 'medinfo@oncology.example.com',
    },
  },
  {
    operationId: 'updateFromLine',
    method: 'PUT',
    path: '/from-lines/31',
    body: { senderName: 'Brightwell Medical Science Liaisons' },
  },
  {
    operationId: 'deleteFromLine',
    method: 'DELETE',
    path: '/from-lines/31',
    prepare: removeCreated(
      '/from-lines',
      {
        name: 'Sample to delete',
        senderName: 'Brightwell Medical Information',
        senderAddress: 'medinfo@oncology.example.com',
      },
      (id) => `/from-lines/${id}`,
    ),
  },
];
