import { removeCreated } from './prepare.js';
import type { SampleRequest } from './sample-request.js';

export const conditionalEmailSamples: readonly SampleRequest[] = [
  { operationId: 'listConditionalEmails', method: 'GET', path: '/conditional-emails' },
  { operationId: 'getConditionalEmail', method: 'GET', path: '/conditional-emails/204' },
  {
    operationId: 'createConditionalEmail',
    method: 'POST',
    path: '/conditional-emails',
    body: {
      name: 'ASCO 2026 booth follow-up',
      fromLineId: 31,
      creativeId: 412,
      condition: { type: 'formSubmitted', formUuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' },
    },
  },
  {
    operationId: 'updateConditionalEmail',
    method: 'PUT',
    path: '/conditional-emails/204',
    body: { isActive: false },
  },
  {
    operationId: 'deleteConditionalEmail',
    method: 'DELETE',
    path: '/conditional-emails/204',
    prepare: removeCreated(
      '/conditional-emails',
      {
        name: 'Sample to delete',
        fromLineId: 31,
        creativeId: 412,
        condition: { type: 'formSubmitted', formUuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' },
      },
      (id) => `/conditional-emails/${id}`,
    ),
  },
];
