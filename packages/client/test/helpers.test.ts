import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PulseOptionsError, PulseValidationError } from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import {
  json,
  startFaultServer,
  type FaultServer,
  type FaultStep,
} from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const registration = {
  emailAddress: 'Jane.Rivera@example.org',
  isSubscribed: true,
  contact: { source: 12, firstName: 'Jane', lastName: 'Rivera' },
};

/** Returns `matches` for a contact search, and the contact id for a create or an update. */
function contactsApi(matches: object[]): FaultStep {
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '', 'http://127.0.0.1');
    const body =
      url.pathname === '/contacts/search'
        ? { items: matches, totalCount: matches.length }
        : { id: request.method === 'POST' ? 2048 : Number(url.pathname.split('/').pop()) };
    response.writeHead(request.method === 'POST' ? 201 : 200, {
      'Content-Type': 'application/json',
    });
    response.end(JSON.stringify(body));
  };
}

function sent(server: FaultServer): string[] {
  return server.received.map(
    (request) => `${request.method} ${new URL(request.url, 'http://x').pathname}`,
  );
}

describe('registerContact', () => {
  it('creates a contact when none matches', async () => {
    server = await startFaultServer([contactsApi([])]);
    const { pulse } = testClient(server.url);

    const result = await pulse.registerContact(registration);

    expect(result).toEqual({ outcome: 'created', contact: { id: 2048 } });
    expect(sent(server)).toEqual(['GET /contacts/search', 'POST /contacts']);
    expect(JSON.parse(server.received[1]!.body)).toEqual({
      source: 12,
      firstName: 'Jane',
      lastName: 'Rivera',
      emails: [{ emailAddress: 'Jane.Rivera@example.org', isSubscribed: true }],
    });
  });

  it('searches by email for the emails field', async () => {
    server = await startFaultServer([contactsApi([])]);
    const { pulse } = testClient(server.url);

    await pulse.registerContact(registration);

    const query = new URL(server.received[0]!.url, 'http://x').searchParams;
    expect(query.getAll('groups[]')).toEqual(['contact_display_email']);
    expect(query.get('simpleSearch')).toBe('Jane.Rivera@example.org');
    expect(query.getAll('fields[]')).toEqual(['emails']);
  });

  it('updates the exact match and reuses its email id', async () => {
    const other = { id: 7, emails: [{ id: 70, emailAddress: 'jane.rivera@example.org.au' }] };
    const match = { id: 1024, emails: [{ id: 5001, emailAddress: 'jane.rivera@example.org' }] };
    server = await startFaultServer([contactsApi([other, match])]);
    const { pulse } = testClient(server.url);

    const result = await pulse.registerContact(registration);

    expect(result).toEqual({ outcome: 'updated', contact: { id: 1024 } });
    expect(sent(server)).toEqual(['GET /contacts/search', 'PUT /contacts/1024']);
    expect(JSON.parse(server.received[1]!.body)).toEqual({
      firstName: 'Jane',
      lastName: 'Rivera',
      emails: [{ id: 5001, emailAddress: 'Jane.Rivera@example.org', isSubscribed: true }],
    });
  });

  it('creates a contact when only a similar address matches', async () => {
    const other = { id: 7, emails: [{ id: 70, emailAddress: 'jane.rivera@example.org.au' }] };
    server = await startFaultServer([contactsApi([other])]);
    const { pulse } = testClient(server.url);

    const result = await pulse.registerContact(registration);

    expect(result.outcome).toBe('created');
    expect(sent(server)).toEqual(['GET /contacts/search', 'POST /contacts']);
  });
});

describe('submitForm', () => {
  const uuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

  it('posts the submission to the form', async () => {
    server = await startFaultServer([json(200, { contactId: 1024, outcome: 'updated' })]);
    const { pulse } = testClient(server.url);

    const outcome = await pulse.submitForm(uuid, { emailAddress: 'jane@example.org' });

    expect(outcome).toEqual({ contactId: 1024, outcome: 'updated' });
    expect(sent(server)).toEqual([`POST /forms/${uuid}/submit`]);
    expect(JSON.parse(server.received[0]!.body)).toEqual({ emailAddress: 'jane@example.org' });
  });

  it('rejects an invalid submission with its field errors', async () => {
    const errors = [{ field: 'body.emailAddress', error: 'must match format "email"' }];
    server = await startFaultServer([json(422, { message: 'Invalid.', errors })]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(pulse.submitForm(uuid, { emailAddress: 'jane' }));

    expect(error).toBeInstanceOf(PulseValidationError);
    expect((error as PulseValidationError).path).toBe('/forms/{uuid}/submit');
    expect((error as PulseValidationError).fieldErrors).toEqual({
      'body.emailAddress': ['must match format "email"'],
    });
  });

  it('rejects an empty uuid', async () => {
    const { pulse } = testClient('http://127.0.0.1:9');

    const error = await rejectionOf(pulse.submitForm('', { emailAddress: 'jane@example.org' }));

    expect(error).toBeInstanceOf(PulseOptionsError);
    expect((error as PulseOptionsError).option).toBe('uuid');
  });
});
