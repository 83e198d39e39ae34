// The legacy registration flow of the client, registerContact, against the stateful engine:
// search by email address, then create the contact or update the one found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPulseClient, type PulseClient } from '../../../client/src/index.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let pulse: PulseClient;

beforeAll(async () => {
  harness = await startHarness();
  pulse = createPulseClient({
    baseUrl: harness.url,
    apiToken: '9c1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f',
    accountId: '2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e',
    retry: { maxRetries: 0 },
  });
});

afterAll(async () => {
  await harness.close();
});

describe('registerContact against the stateful engine', () => {
  const registration = (isSubscribed: boolean, specialty: string) => ({
    emailAddress: 'Maria.Santos@example.org',
    isSubscribed,
    contact: { source: 12, firstName: 'Maria', lastName: 'Santos', specialty },
  });

  it('creates the contact first, then updates the same contact', async () => {
    const first = await pulse.registerContact(registration(true, 'Cardiology'));
    const second = await pulse.registerContact({
      ...registration(false, 'Interventional cardiology'),
      emailAddress: 'maria.santos@EXAMPLE.org',
    });

    expect(first.outcome).toBe('created');
    expect(second.outcome).toBe('updated');
    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.specialty).toBe('Interventional cardiology');
    expect(second.contact.emails).toHaveLength(1);
    expect(second.contact.emails?.[0]).toMatchObject({
      id: first.contact.emails?.[0]?.id,
      isSubscribed: false,
    });
  });

  it('stores what the second call sent', async () => {
    const { data } = await pulse.raw.GET('/contacts/search', {
      params: {
        query: { 'groups[]': ['contact_display_email'], simpleSearch: 'maria.santos@example.org' },
      },
    });

    expect(data?.items).toHaveLength(1);
    expect(data?.items[0]).toMatchObject({
      firstName: 'Maria',
      specialty: 'Interventional cardiology',
    });
  });
});
