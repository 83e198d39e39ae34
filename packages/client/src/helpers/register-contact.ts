import type { PulseClient } from '../client.js';
import type { paths } from '../generated/openapi.js';
import type { PulseRequestInit, SuccessData } from '../types/call.js';
import type { DefaultCustomFields, WithCustomFields } from '../types/custom-fields.js';
import type { OperationOf, RequestBodyOf } from '../types/operation.js';

type CreateContactBody = RequestBodyOf<OperationOf<paths, '/contacts', 'post'>>;
type UpdatedContact = SuccessData<OperationOf<paths, '/contacts/{id}', 'put'>>;

/** One sign-up for the legacy Contacts flow of `registerContact`. */
export interface ContactRegistration<CustomFields = DefaultCustomFields> {
  emailAddress: string;
  /** Whether the person agreed to receive email messages at `emailAddress`. */
  isSubscribed: boolean;
  /**
   * Every other contact field. `source` is required, but only sent when the contact is new: it
   * records where a contact first came from.
   */
  contact: Omit<WithCustomFields<CreateContactBody, CustomFields>, 'emails'>;
}

/** Outcome of `registerContact`, with the contact as the API returned it. */
export interface ContactRegistrationResult<CustomFields = DefaultCustomFields> {
  outcome: 'created' | 'updated';
  contact: WithCustomFields<UpdatedContact, CustomFields>;
}

/**
 * Stores a registration with the legacy Contacts flow: search by email address, then create
 * the contact when none has that exact address, or update the first that does. The update
 * names the existing email address by its id, so the API changes it instead of adding a copy.
 *
 * Prefer `submitForm` where the account has a form: the API does the matching itself, in one
 * request. Between this flow's search and its create, another request can create the same
 * contact, so two concurrent registrations of one address can create two contacts.
 */
export async function registerContact(
  pulse: PulseClient,
  registration: ContactRegistration,
  init: PulseRequestInit = {},
): Promise<ContactRegistrationResult> {
  const { emailAddress, isSubscribed } = registration;
  const existing = await findContactByEmail(pulse, emailAddress, init);

  if (existing === undefined) {
    const { data } = await pulse.POST('/contacts', {
      ...init,
      body: { ...registration.contact, emails: [{ emailAddress, isSubscribed }] },
    });
    return { outcome: 'created', contact: data };
  }

  // The source records where a contact first came from, so an update leaves it unchanged.
  const { source: _source, ...fields } = registration.contact;
  const { data } = await pulse.PUT('/contacts/{id}', {
    ...init,
    params: { path: { id: existing.id } },
    body: {
      ...fields,
      emails: [{ ...emailId(existing.emailId), emailAddress, isSubscribed }],
    },
  });
  return { outcome: 'updated', contact: data };
}

// The generated ContactEmail type leaves `id` possibly undefined, although the spec requires
// it in responses. Without an id the API would add the address again instead of updating it.
function emailId(id: number | undefined): { id?: number } {
  return id === undefined ? {} : { id };
}

/**
 * Finds the first contact with exactly this email address, ignoring case, and the id of that
 * address. The spec does not say that the search matches whole addresses only, so each match
 * is checked.
 */
async function findContactByEmail(
  pulse: PulseClient,
  emailAddress: string,
  init: PulseRequestInit,
): Promise<{ id: number; emailId: number | undefined } | undefined> {
  const expectedAddress = emailAddress.toLowerCase();
  const matches = pulse.paginate('/contacts/search', {
    ...init,
    params: {
      query: {
        'groups[]': ['contact_display_email'],
        simpleSearch: emailAddress,
        'fields[]': ['emails'],
      },
    },
  });
  for await (const contact of matches) {
    const email = contact.emails?.find(
      (item) => item.emailAddress.toLowerCase() === expectedAddress,
    );
    if (email !== undefined) return { id: contact.id, emailId: email.id };
  }
  return undefined;
}
