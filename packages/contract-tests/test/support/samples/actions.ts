import type { SampleRequest } from './sample-request.js';

// Fields that every record request needs. Each channel adds its creative, and email and direct
// mail also add the contact's address. The ids are those of the spec's examples, which the
// stateful mock stores, and each action code has the tactic of its creative.
const engagement = { contactId: 1024, actionDate: '2026-06-09T13:45:10Z' };

export const actionSamples: readonly SampleRequest[] = [
  { operationId: 'listEmailActions', method: 'GET', path: '/actions/emails' },
  {
    operationId: 'recordEmailAction',
    method: 'POST',
    path: '/actions/emails',
    body: { ...engagement, actionCodeId: 103, emailMessageId: 4101, contactEmailId: 5001 },
  },
  { operationId: 'listBannerActions', method: 'GET', path: '/actions/banners' },
  {
    operationId: 'recordBannerAction',
    method: 'POST',
    path: '/actions/banners',
    body: { ...engagement, actionCodeId: 502, bannerId: 5201 },
  },
  { operationId: 'listDirectMailActions', method: 'GET', path: '/actions/direct-mails' },
  {
    operationId: 'recordDirectMailAction',
    method: 'POST',
    path: '/actions/direct-mails',
    body: { ...engagement, actionCodeId: 202, directMailId: 6301, contactLocationId: 7001 },
  },
  { operationId: 'listEventActions', method: 'GET', path: '/actions/events' },
  {
    operationId: 'recordEventAction',
    method: 'POST',
    path: '/actions/events',
    body: { ...engagement, actionCodeId: 802, eventId: 7401 },
  },
  { operationId: 'listWebActions', method: 'GET', path: '/actions/web' },
  {
    operationId: 'recordWebAction',
    method: 'POST',
    path: '/actions/web',
    body: { ...engagement, actionCodeId: 702, websiteId: 8501 },
  },
  { operationId: 'listFormActions', method: 'GET', path: '/actions/forms' },
  {
    operationId: 'recordFormAction',
    method: 'POST',
    path: '/actions/forms',
    body: { ...engagement, actionCodeId: 1001, formId: 9601 },
  },
];
