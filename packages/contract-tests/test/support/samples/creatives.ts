import type { SampleRequest } from './sample-request.js';

export const creativeSamples: readonly SampleRequest[] = [
  {
    operationId: 'listEmailMessages',
    method: 'GET',
    path: '/creatives/email-messages?campaignId=310&isArchived=false',
  },
  { operationId: 'getEmailMessage', method: 'GET', path: '/creatives/email-messages/4101' },
  { operationId: 'listBanners', method: 'GET', path: '/creatives/banners' },
  { operationId: 'getBanner', method: 'GET', path: '/creatives/banners/5201' },
  { operationId: 'listDirectMails', method: 'GET', path: '/creatives/direct-mails' },
  { operationId: 'getDirectMail', method: 'GET', path: '/creatives/direct-mails/6301' },
  { operationId: 'listEvents', method: 'GET', path: '/creatives/events?sort[]=startDate:ASC' },
  { operationId: 'getEvent', method: 'GET', path: '/creatives/events/7401' },
  { operationId: 'listWebsites', method: 'GET', path: '/creatives/websites' },
  { operationId: 'getWebsite', method: 'GET', path: '/creatives/websites/8501' },
  { operationId: 'listFormCreatives', method: 'GET', path: '/creatives/forms' },
  { operationId: 'getFormCreative', method: 'GET', path: '/creatives/forms/9601' },
];
