import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';

const pulse = mockClient();
const formUuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

describe('Forms operations', () => {
  it('listForms returns forms with uuids', async () => {
    const result = await pulse.GET('/forms', {
      params: { query: { 'fields[]': ['name'], 'sort[]': ['name:ASC'] } },
    });

    expectConforms('listForms', 200, result);
    expect(result.data?.items.length).toBeGreaterThan(0);
  });

  it('getForm returns one form', async () => {
    const result = await pulse.GET('/forms/{uuid}', { params: { path: { uuid: formUuid } } });

    expectConforms('getForm', 200, result);
  });

  it('submitForm takes a flat contact record', async () => {
    const result = await pulse.POST('/forms/{uuid}/submit', {
      params: { path: { uuid: formUuid } },
      body: {
        emailAddress: 'jane.rivera@example.org',
        firstName: 'Jane',
        lastName: 'Rivera',
        addressLine1: '200 Lakeshore Dr',
        city: 'Chicago',
        state: 'IL',
        postalCode: '60611-3015',
        phone: '3125550148',
        phoneIsSmsSubscribed: true,
      },
    });

    expectConforms('submitForm', 200, result);
  });
});
