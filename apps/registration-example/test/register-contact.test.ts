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
 * Creates a client that records its requests and sends `prefer` as the Prefer header of the
 * contact search, to pick the mock's response.
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

describe('registerContact', () => {
  let mock: MockServer;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  });

  afterAll(async () => {
    await mock.close();
  });

  it('creates the contact when the search finds none', async () => {
    const { pulse, sent } = recordingClient(mock.url, 'example=ContactSearchNoMatch');
    const result = await pulse.registerContact(registration);

    expect(result.outcome).toBe('created');
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /contacts/search',
      'POST /contacts',
    ]);
    expect(sent[1]?.body).toMatchObject({
      source: 12,
      emails: [{ emailAddress: 'jane.rivera@example.org', isSubscribed: true }],
    });
  });

  it('updates the match and reuses its email id', async () => {
    const { pulse, sent } = recordingClient(mock.url);
    const result = await pulse.registerContact(registration);

    expect(result.outcome).toBe('updated');
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /contacts/search',
      'PUT /contacts/1024',
    ]);
    expect(sent[1]?.body).toMatchObject({
      emails: [{ id: 5001, emailAddress: 'jane.rivera@example.org', isSubscribed: true }],
    });
    expect(sent[1]?.body).not.toHaveProperty('source');
  });

  it('reports a failed search with its status', async () => {
    const { pulse, sent } = recordingClient(mock.url, 'code=500');

    const error = await rejectionOf(pulse.registerContact(registration));

    expect(error).toBeInstanceOf(PulseServerError);
    expect((error as PulseServerError).status).toBe(500);
    expect((error as PulseServerError).path).toBe('/contacts/search');
    expect((error as PulseServerError).message).toMatch(/HTTP 500/);
    // The search is retried, but nothing is created or changed after it failed.
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
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
