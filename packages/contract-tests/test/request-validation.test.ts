import { describe, expect, it } from 'vitest';
import type { ContactCreate, FormSubmission } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { errorFields } from './support/error-fields.js';

const pulse = mockClient();
const formUuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

// Each body breaks exactly one rule of the spec; the field is where the mock must report it.
const invalidContacts: [string, unknown, string][] = [
  ['missing source', { firstName: 'Jane' }, 'body.source'],
  ['source of 0', { source: 0 }, 'body.source'],
  ['9-digit npi', { source: 12, npi: '145678901' }, 'body.npi'],
  [
    'phone with dashes',
    { source: 12, phones: [{ phone: '312-555-0148' }] },
    'body.phones[0].phone',
  ],
  ['phone item without phone', { source: 12, phones: [{ isFax: true }] }, 'body.phones[0].phone'],
  [
    'email item without address',
    { source: 12, emails: [{ isSubscribed: true }] },
    'body.emails[0].emailAddress',
  ],
  [
    'malformed email',
    { source: 12, emails: [{ emailAddress: 'jane.rivera' }] },
    'body.emails[0].emailAddress',
  ],
  [
    'custom field object value',
    { source: 12, customFields: { nested: { a: 1 } } },
    'body.customFields.nested',
  ],
  [
    'addressLine2 alone',
    { source: 12, locations: [{ addressLine2: 'Suite 400' }] },
    'body.locations[0].addressLine1',
  ],
  [
    'addressLine1 without city',
    { source: 12, locations: [{ addressLine1: '1 Main St', state: 'IL', postalCode: '60611' }] },
    'body.locations[0].city',
  ],
  [
    'addressLine1 without postalCode',
    { source: 12, locations: [{ addressLine1: '1 Main St', city: 'Chicago', state: 'IL' }] },
    'body.locations[0].postalCode',
  ],
  [
    'city without state',
    { source: 12, locations: [{ city: 'Chicago' }] },
    'body.locations[0].state',
  ],
];

const invalidSubmissions: [string, unknown, string][] = [
  ['missing emailAddress', { firstName: 'Jane' }, 'body.emailAddress'],
  ['4-digit postalCode', { emailAddress: 'a@example.org', postalCode: '6061' }, 'body.postalCode'],
  ['11-digit phone', { emailAddress: 'a@example.org', phone: '13125550148' }, 'body.phone'],
  [
    'addressLine2 alone',
    { emailAddress: 'a@example.org', addressLine2: 'Suite 4' },
    'body.addressLine1',
  ],
  [
    'addressLine1 without state',
    {
      emailAddress: 'a@example.org',
      addressLine1: '1 Main St',
      city: 'Chicago',
      postalCode: '60611',
    },
    'body.state',
  ],
];

describe('request body validation', () => {
  it.each(invalidContacts)('createContact rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/contacts', { body: body as ContactCreate });

    const error = expectConforms('createContact', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidContacts.slice(1))('updateContact rejects %s', async (_case, body, field) => {
    const result = await pulse.PUT('/contacts/{id}', {
      params: { path: { id: 1024 } },
      body: body as ContactCreate,
    });

    const error = expectConforms('updateContact', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it.each(invalidSubmissions)('submitForm rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/forms/{uuid}/submit', {
      params: { path: { uuid: formUuid } },
      body: body as FormSubmission,
    });

    const error = expectConforms('submitForm', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('createContact accepts a complete address', async () => {
    const result = await pulse.POST('/contacts', {
      body: {
        source: 12,
        locations: [
          {
            addressLine1: '1 Main St',
            addressLine2: 'Suite 4',
            city: 'Chicago',
            state: 'IL',
            postalCode: '60611',
          },
        ],
      },
    });

    expectConforms('createContact', 201, result);
  });
});
