import { conditionalEmailSamples } from './samples/conditional-emails.js';
import { campaignSamples } from './samples/campaigns.js';
import { actionSamples } from './samples/actions.js';
import { contactEmailSamples } from './samples/contact-emails.js';
import { contactLocationSamples } from './samples/contact-locations.js';
import { contactPhoneSamples } from './samples/contact-phones.js';
import { accountRequestSamples } from './samples/account-request.js';
import { actionCodeSamples } from './samples/action-codes.js';
import { contactSamples } from './samples/contacts.js';
import { creativeSamples } from './samples/creatives.js';
import { formSamples } from './samples/forms.js';
import { fromLineSamples } from './samples/from-lines.js';
import { segmentContactSamples } from './samples/segment-contacts.js';
import { segmentSamples } from './samples/segments.js';
import { npiMatchSamples } from './samples/npi-match.js';
import { sourceSamples } from './samples/sources.js';
import type { SampleRequest } from './samples/sample-request.js';

export type { SampleRequest } from './samples/sample-request.js';

/** One valid request per operation; the tests then break one thing at a time. */
export const sampleRequests: readonly SampleRequest[] = [
  ...contactSamples,
  ...formSamples,
  ...creativeSamples,
  ...fromLineSamples,
  ...conditionalEmailSamples,
  ...campaignSamples,
  ...segmentSamples,
  ...segmentContactSamples,
  ...actionSamples,
  ...contactEmailSamples,
  ...contactLocationSamples,
  ...contactPhoneSamples,
  ...accountRequestSamples,
  ...sourceSamples,
  ...actionCodeSamples,
  ...npiMatchSamples,
];

/** Runs the sample's `prepare`, if it has one, and returns the sample with the path to send. */
export async function prepareSample(
  baseUrl: string,
  sample: SampleRequest,
): Promise<SampleRequest> {
  return sample.prepare === undefined ? sample : { ...sample, path: await sample.prepare(baseUrl) };
}

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
