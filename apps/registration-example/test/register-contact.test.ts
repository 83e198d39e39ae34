import { startMockServer, type MockServer } from '@pulse-engagement/mock';
import {
  createPulseClient,
  PulseServerError,
  type ContactRegistration,
} from '@pulse-engagement/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const apiToken = '00000000-0000-4000-8000-000000000001';
const accountId = '00000000-0000-4000-8000-000000000002';

const registration: ContactRegistration = {
  emailAddress: 'jane.rivera@example.org',
  isSubscribed: true,
  contact: { source: 12, firstName: 'Jane', lastName: 'Rivera', contactType: 'HCP' },
};

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Creates a client that records its requests and, when `prefer` is given, sends it as the
 * Prefer header of the contact search to pick the static mock's response.
 */
function recordingClient(baseUrl: string, prefer?: string) {
  const sent: SentRequest[] = [];
  const pulse = createPulseClient({
    baseUrl,
    apiToken,
    accountId,
    retry: { baseDelayMs: 10 },
    fetch: async (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const text = await request.clone().text();
      sent.push({
        method: request.method,
        path: url.pathname,
        body: text ? JSON.parse(text) : undefined,
      });
      if (prefer !== undefined && url.pathname === '/contacts/search') {
        request.headers.set('Prefer', prefer);
      }
      return fetch(request);
    },
  });
  return { pulse, sent };
}

/** Returns the requests as `METHOD /path` lines, in the order they were sent. */
function calls(sent: SentRequest[]): string[] {
  return sent.map((request) => `${request.method} ${request.path}`);
}

// The stateful mock stores what the flow writes, so a second registration finds the contact
// that the first one created.
describe('registerContact against the stateful mock', () => {
  let mock: MockServer;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0, mode: 'stateful' });
  });

  afterAll(async () => {
    await mock.close();
  });

  it('creates, then updates the same contact', async () => {
    const newcomer: ContactRegistration = {
      emailAddress: 'amara.osei@example.org',
      isSubscribed: true,
      contact: { source: 12, firstName: 'Amara', lastName: 'Osei', contactType: 'HCP' },
    };
    const { pulse, sent } = recordingClient(mock.url);

    const created = await pulse.registerContact(newcomer);
    const updated = await pulse.registerContact({
      ...newcomer,
      isSubscribed: false,
      contact: { ...newcomer.contact, specialty: 'Nephrology' },
    });

    expect(created.outcome).toBe('created');
    expect(updated.outcome).toBe('updated');
    expect(updated.contact.id).toBe(created.contact.id);
    const contactId = created.contact.id;
    expect(calls(sent)).toEqual([
      'GET /contacts/search',
      'POST /contacts',
      'GET /contacts/search',
      `PUT /contacts/${contactId}`,
    ]);
    // The update names the stored address by id, so the contact keeps one address.
    const emailId = created.contact.emails?.[0]?.id;
    expect(emailId).toBeTypeOf('number');
    expect(sent[3]?.body).toMatchObject({
      emails: [{ id: emailId, emailAddress: 'amara.osei@example.org', isSubscribed: false }],
    });

    const stored = await pulse.GET('/contacts/{id}', { params: { path: { id: contactId } } });
    expect(stored.data.specialty).toBe('Nephrology');
    expect(stored.data.firstName).toBe('Amara');
    expect(stored.data.emails).toEqual([
      {
        id: emailId,
        emailAddress: 'amara.osei@example.org',
        isSubscribed: false,
        isDefault: true,
      },
    ]);
  });

  it('updates the seeded match and reuses its email id', async () => {
    const { pulse, sent } = recordingClient(mock.url);
    const result = await pulse.registerContact(registration);

    expect(result.outcome).toBe('updated');
    expect(calls(sent)).toEqual(['GET /contacts/search', 'PUT /contacts/1024']);
    expect(sent[1]?.body).toMatchObject({
      emails: [{ id: 5001, emailAddress: 'jane.rivera@example.org', isSubscribed: true }],
    });
    expect(sent[1]?.body).not.toHaveProperty('source');
    const addresses = result.contact.emails?.map((email) => email.emailAddress);
    expect(addresses?.filter((address) => address === registration.emailAddress)).toHaveLength(1);
  });
});

// A failing search needs the documented 500, which only the static mock returns, on request.
describe('registerContact against the static mock', () => {
  let mock: MockServer;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  });

  afterAll(async () => {
    await mock.close();
  });

  it('reports a failed search with its status', async () => {
    const { pulse, sent } = recordingClient(mock.url, 'code=500');

    const error = await rejectionOf(pulse.registerContact(registration));

    expect(error).toBeInstanceOf(PulseServerError);
    expect((error as PulseServerError).status).toBe(500);
    expect((error as PulseServerError).path).toBe('/contacts/search');
    expect((error as PulseServerError).message).toMatch(/HTTP 500/);
    // The search is retried, but nothing is created or changed after it failed.
    expect(calls(sent)).toEqual([
      'GET /contacts/search',
      'GET /contacts/search',
      'GET /contacts/search',
    ]);
  });
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected registerContact to reject, but it resolved.');
}
