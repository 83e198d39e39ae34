import type { Contact, ContactCreate, PulseClient } from '@pulse-engagement/client';

/** One sign-up from a registration form, ready for the Contacts API. */
export interface Registration {
  emailAddress: string;
  /** Whether the person agreed to receive email messages. */
  isSubscribed: boolean;
  /** Every other contact field; `source` is required when the contact is new. */
  contact: Omit<ContactCreate, 'emails'>;
}

/** Outcome of `registerContact`, with the contact as the API returned it. */
export interface RegistrationResult {
  outcome: 'created' | 'updated';
  contact: Contact;
}

/**
 * Stores a registration with the legacy Contacts flow: search by email address, then create
 * the contact when none matches, or update the first match. An update names the existing
 * email address by its id, so the API changes it instead of adding a duplicate.
 *
 * New integrations should prefer `POST /forms/{uuid}/submit`, which does the matching on the
 * server; this flow suits accounts without a configured form.
 */
export async function registerContact(
  pulse: PulseClient,
  registration: Registration,
): Promise<RegistrationResult> {
  const existing = await findContactByEmail(pulse, registration.emailAddress);
  if (existing === undefined) {
    return { outcome: 'created', contact: await createContact(pulse, registration) };
  }
  return { outcome: 'updated', contact: await updateContact(pulse, existing, registration) };
}

async function findContactByEmail(
  pulse: PulseClient,
  emailAddress: string,
): Promise<Contact | undefined> {
  const { data, error, response } = await pulse.GET('/contacts/search', {
    params: {
      query: {
        'groups[]': ['contact_display_email'],
        simpleSearch: emailAddress,
        'fields[]': ['emails'],
      },
    },
  });
  if (data === undefined) {
    throw new Error(`Contact search failed with HTTP ${response.status}: ${error?.message}`);
  }
  return data.items[0];
}

async function createContact(pulse: PulseClient, registration: Registration): Promise<Contact> {
  const { data, error, response } = await pulse.POST('/contacts', {
    body: {
      ...registration.contact,
      emails: [
        { emailAddress: registration.emailAddress, isSubscribed: registration.isSubscribed },
      ],
    },
  });
  if (data === undefined) {
    throw new Error(`Creating the contact failed with HTTP ${response.status}: ${error?.message}`);
  }
  return data;
}

async function updateContact(
  pulse: PulseClient,
  existing: Contact,
  registration: Registration,
): Promise<Contact> {
  const expectedAddress = registration.emailAddress.toLowerCase();
  const email = existing.emails?.find(
    (item) => item.emailAddress.toLowerCase() === expectedAddress,
  );

  // The source records where a contact first came from, so an update leaves it unchanged.
  const { source: _source, ...fields } = registration.contact;
  const { data, error, response } = await pulse.PUT('/contacts/{id}', {
    params: { path: { id: existing.id } },
    body: {
      ...fields,
      emails: [
        {
          ...(email ? { id: email.id } : {}),
          emailAddress: registration.emailAddress,
          isSubscribed: registration.isSubscribed,
        },
      ],
    },
  });
  if (data === undefined) {
    throw new Error(
      `Updating contact ${existing.id} failed with HTTP ${response.status}: ${error?.message}`,
    );
  }
  return data;
}
