import { startMockServer, type MockServer } from '@pulse-engagement/mock';
import { createPulseClient } from '@pulse-engagement/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerContact, type Registration } from '../src/register-contact.js';

const apiToken = '00000000-0000-4000-8000-000000000001';
const accountId = '00000000-0000-4000-8000-000000000002';

const registration: Registration = {
  emailAddress: 'jane.rivera@example.org',
  isSubscribed: true,
  contact: { source: 12, firstName: 'Jane', lastName: 'Rivera', contactType: 'HCP' },
};

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** Creates a client that records its requests and can ask the mock for a named search example. */
function recordingClient(baseUrl: string, searchExample?: string) {
  const sent: SentRequest[] = [];
  const pulse = createPulseClient({
    baseUrl,
    apiToken,
    accountId,
    fetch: async (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const text = await request.clone().text();
      sent.push({
        method: request.method,
        path: url.pathname,
        body: text ? JSON.parse(text) : undefined,
      });
      if (searchExample !== undefined && url.pathname === '/contacts/search') {
        request.headers.set('Prefer', `example=${searchExample}`);
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
    const { pulse, sent } = recordingClient(mock.url, 'ContactSearchNoMatch');
    const result = await registerContact(pulse, registration);

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
    const result = await registerContact(pulse, registration);

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
    const pulse = createPulseClient({
      baseUrl: mock.url,
      apiToken,
      accountId,
      fetch: (input: Request | string | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        request.headers.set('Prefer', 'code=500');
        return fetch(request);
      },
    });

    await expect(registerContact(pulse, registration)).rejects.toThrow(/HTTP 500/);
  });
});
