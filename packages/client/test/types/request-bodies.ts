// Type tests for request bodies and parameters; see README.md in this folder.
import type { PulseClient, Schema } from '../../src/index.js';

declare const pulse: PulseClient;

export async function createAndUpdate(): Promise<void> {
  const created = await pulse.POST('/contacts', { body: { source: 12, firstName: 'Jane' } });
  const id: number = created.data.id;
  await pulse.PUT('/contacts/{id}', { params: { path: { id } }, body: { lastName: 'Rivera' } });
  const deleted = await pulse.DELETE('/contacts/{id}', { params: { path: { id } } });
  const nothing: undefined = deleted.data;

  // @ts-expect-error: `source` is required to create a contact.
  await pulse.POST('/contacts', { body: { firstName: 'Jane' } });
  // @ts-expect-error: `id` is read-only: the API assigns it.
  await pulse.POST('/contacts', { body: { source: 12, id: 5 } });
  await pulse.PUT('/contacts/{id}', {
    params: { path: { id } },
    // @ts-expect-error: `createdAt` is read-only.
    body: { createdAt: '2025-01-01T00:00:00Z' },
  });
  // @ts-expect-error: the path parameter `id` is required.
  await pulse.GET('/contacts/{id}');
  // @ts-expect-error: `bogus` is not a parameter of listContacts.
  await pulse.GET('/contacts', { params: { query: { bogus: 1 } } });
  // @ts-expect-error: the spec has no PATCH operation on /contacts.
  await pulse.PATCH('/contacts', { body: {} });
  // @ts-expect-error: a call cannot change the base URL that receives the credentials.
  await pulse.GET('/forms', { baseUrl: 'https://example.org' });

  void nothing;
}

export async function forms(): Promise<void> {
  const uuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';
  const outcome = await pulse.submitForm(uuid, {
    emailAddress: 'jane@example.org',
    city: 'Chicago',
  });
  const contactId: number = outcome.contactId;
  const result: 'created' | 'updated' = outcome.outcome;

  // @ts-expect-error: `emailAddress` is required in a form submission.
  await pulse.submitForm(uuid, { firstName: 'Jane' });
  await pulse.POST('/forms/{uuid}/submit', {
    params: { path: { uuid } },
    // @ts-expect-error: `emailAddress` is required in a form submission.
    body: { firstName: 'Jane' },
  });

  void [contactId, result];
}

export async function callOptions(): Promise<void> {
  const signal = AbortSignal.timeout(1_000);
  await pulse.GET('/forms', { retry: { maxRetries: 0 }, timeoutMs: 5_000, signal });
  // @ts-expect-error: maxRetries is a number.
  await pulse.GET('/forms', { retry: { maxRetries: 'none' } });

  const raw = await pulse.raw.GET('/forms', { retry: { maxRetries: 0 } });
  if (raw.error !== undefined) {
    const message: string = raw.error.message;
    void message;
  }
}

export function schemasByName(): void {
  const match: Schema<'NpiMatchRequest'> = { firstName: 'Jane', lastName: 'Rivera', state: 'IL' };
  // @ts-expect-error: `NpiMatch` is not a schema of the spec; the request is `NpiMatchRequest`.
  const unknown: Schema<'NpiMatch'> = {};

  void match;
  void unknown;
}

// The examples of the README's "Call an operation" and "The raw client" sections.
export async function readmeExamples(id: number): Promise<void> {
  const { data: contact } = await pulse.GET('/contacts/{id}', { params: { path: { id } } });
  const { firstName, lastName, specialty } = contact;
  await pulse.PUT('/contacts/{id}', {
    params: { path: { id } },
    body: { firstName, lastName, specialty, credentials: 'MD' },
  });

  const { data, error, response } = await pulse.raw.GET('/contacts/{id}', {
    params: { path: { id: 1024 } },
  });
  if (!response.ok) {
    console.warn(`HTTP ${response.status}: ${error?.message ?? 'no error body'}`);
  } else if (data) {
    console.log(data.lastName);
  }
}
