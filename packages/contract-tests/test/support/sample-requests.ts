/** A valid request for one operation, sent with raw `fetch` by the negative tests. */
export interface SampleRequest {
  operationId: string;
  method: string;
  path: string;
  body?: unknown;
}

const formPath = '/forms/3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

/** One valid request per operation; the tests then break one thing at a time. */
export const sampleRequests: readonly SampleRequest[] = [
  { operationId: 'listContacts', method: 'GET', path: '/contacts' },
  {
    operationId: 'searchContacts',
    method: 'GET',
    path: '/contacts/search?groups[]=contact_display_email&simpleSearch=jane.rivera%40example.org',
  },
  { operationId: 'getContact', method: 'GET', path: '/contacts/1024' },
  { operationId: 'createContact', method: 'POST', path: '/contacts', body: { source: 12 } },
  {
    operationId: 'updateContact',
    method: 'PUT',
    path: '/contacts/1024',
    body: { lastName: 'Rivera' },
  },
  { operationId: 'deleteContact', method: 'DELETE', path: '/contacts/1024' },
  { operationId: 'listForms', method: 'GET', path: '/forms' },
  { operationId: 'getForm', method: 'GET', path: formPath },
  {
    operationId: 'submitForm',
    method: 'POST',
    path: `${formPath}/submit`,
    body: { emailAddress: 'jane.rivera@example.org' },
  },
];

/** Sends a sample request to the mock with the given headers. */
export async function send(
  baseUrl: string,
  sample: SampleRequest,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(baseUrl + sample.path, {
    method: sample.method,
    headers:
      sample.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: sample.body === undefined ? undefined : JSON.stringify(sample.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}
