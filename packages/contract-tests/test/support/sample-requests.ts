import { accountRequestSamples } from './samples/account-request.js';
import { actionCodeSamples } from './samples/action-codes.js';
import { contactSamples } from './samples/contacts.js';
import { formSamples } from './samples/forms.js';
import { npiMatchSamples } from './samples/npi-match.js';
import { sourceSamples } from './samples/sources.js';
import type { SampleRequest } from './samples/sample-request.js';

export type { SampleRequest } from './samples/sample-request.js';

/** One valid request per operation; the tests then break one thing at a time. */
export const sampleRequests: readonly SampleRequest[] = [
  ...contactSamples,
  ...formSamples,
  ...accountRequestSamples,
  ...sourceSamples,
  ...actionCodeSamples,
  ...npiMatchSamples,
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
