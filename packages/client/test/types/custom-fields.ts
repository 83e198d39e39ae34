// Type tests for typed custom fields; see README.md in this folder.
import { createPulseClient, type PulseClient } from '../../src/index.js';

interface ClinicFields {
  preferredLanguage?: string;
  patientsPerWeek?: number;
  attendedWebinar?: boolean | null;
}

declare const pulse: PulseClient<ClinicFields>;

export async function contacts(): Promise<void> {
  await pulse.POST('/contacts', {
    body: { source: 12, customFields: { preferredLanguage: 'Spanish', patientsPerWeek: 120 } },
  });
  await pulse.POST('/contacts', {
    // @ts-expect-error: patientsPerWeek is a number in ClinicFields.
    body: { source: 12, customFields: { patientsPerWeek: 'many' } },
  });
  await pulse.PUT('/contacts/{id}', {
    params: { path: { id: 1 } },
    // @ts-expect-error: `favouriteColour` is not one of ClinicFields.
    body: { customFields: { favouriteColour: 'blue' } },
  });

  const { data } = await pulse.GET('/contacts/{id}', { params: { path: { id: 1 } } });
  const language: string | undefined = data.customFields?.preferredLanguage;
  // @ts-expect-error: patientsPerWeek is a number, not a string.
  const perWeek: string | undefined = data.customFields?.patientsPerWeek;

  const page = await pulse.GET('/contacts', {
    params: { query: { 'fields[]': ['customFields'] } },
  });
  const attended: boolean | null | undefined = page.data.items[0]?.customFields?.attendedWebinar;

  void [language, perWeek, attended];
}

export async function submissions(): Promise<void> {
  const uuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';
  await pulse.submitForm(uuid, {
    emailAddress: 'a@example.org',
    customFields: { attendedWebinar: true },
  });
  await pulse.submitForm(uuid, {
    emailAddress: 'a@example.org',
    // @ts-expect-error: attendedWebinar is a boolean or null.
    customFields: { attendedWebinar: 1 },
  });

  const result = await pulse.registerContact({
    emailAddress: 'a@example.org',
    isSubscribed: true,
    contact: { source: 12, customFields: { preferredLanguage: 'French' } },
  });
  const language: string | undefined = result.contact.customFields?.preferredLanguage;
  void language;
}

export function defaults(): void {
  // Without a type argument, customFields is the spec's open record.
  const open = createPulseClient({
    apiToken: '0b7c7a8e-3f1d-4c52-9a61-2f4e8d9c1b30',
    accountId: '6d2f1e4a-9b8c-4d7e-a1f0-3c5b7e9d2a14',
  });
  void open.POST('/contacts', { body: { source: 1, customFields: { anything: 'goes', n: 1 } } });

  // @ts-expect-error: a custom field value is a string, number, boolean or null.
  createPulseClient<{ tags: string[] }>({ apiToken: '', accountId: '' });
}
