import type { Catalog } from './catalog.js';
import { CONTACTS_PATH } from './contacts.js';
import type { JsonObject } from './openapi.js';
import { presentRecord } from './records.js';
import { listPage, ok, type Handler } from './resources.js';
import type { SchemaReader } from './schema.js';

/** Query parameters of `searchContacts` that the search reads, rather than a list filter. */
export const SEARCH_PARAMETERS: ReadonlySet<string> = new Set(['groups[]', 'simpleSearch']);

type GroupMatcher = (contact: JsonObject, search: string) => boolean;

/**
 * Matchers of `simpleSearch` for each group of `groups[]`. Every match ignores case and finds the
 * text anywhere in the value: an email address, the words of the name in any order, or the
 * digits of a phone number or NPI (other characters in the search are skipped).
 */
const GROUP_MATCHERS: Record<string, GroupMatcher> = {
  contact_display_email: (contact, search) =>
    items(contact.emails).some((email) => lower(email.emailAddress).includes(lower(search))),
  contact_display_name: (contact, search) => {
    const name = ['salutation', 'firstName', 'middleName', 'lastName', 'credentials']
      .map((field) => lower(contact[field]))
      .join(' ');
    return lower(search)
      .split(/\s+/)
      .every((word) => name.includes(word));
  },
  contact_display_phone: (contact, search) =>
    digits(search) !== '' &&
    items(contact.phones).some((phone) => String(phone.phone).includes(digits(search))),
  contact_npi: (contact, search) =>
    digits(search) !== '' &&
    typeof contact.npi === 'string' &&
    contact.npi.includes(digits(search)),
};

/**
 * Handles `GET /contacts/search`: contacts that match `simpleSearch` in any of the groups
 * sent, leaving out test contacts as the API does, as one page of the contact list.
 */
export const searchContacts: Handler = (context, request) => {
  const groups = (request.query['groups[]'] ?? []) as string[];
  const { simpleSearch } = request.query;
  const search = typeof simpleSearch === 'string' ? simpleSearch : '';
  const matchers = groups.flatMap((group) => GROUP_MATCHERS[group] ?? []);
  const contacts = context.catalog.collection(CONTACTS_PATH);
  const matches = [...context.store.table(CONTACTS_PATH).values()].filter(
    (contact) => contact.isTest !== true && matchers.some((matches) => matches(contact, search)),
  );
  const presented = matches.map((contact) => presentRecord(context, contacts, contact));
  return ok(request, listPage(context, request, presented));
};

/** Throws when `groups[]` allows a group that the search cannot match. */
export function checkSearchGroups(catalog: Catalog, schemas: SchemaReader): void {
  const parameter = catalog.operation('searchContacts').parameters.get('groups[]');
  const allowed = schemas.keyword(schemas.itemsOf(parameter?.schema), 'enum') ?? [];
  const unknown = allowed.filter((group) => GROUP_MATCHERS[String(group)] === undefined);
  if (unknown.length > 0) {
    throw new Error(
      `The stateful engine cannot search the contact group ${unknown.join(', ')}. ` +
        'Add a matcher for it to GROUP_MATCHERS.',
    );
  }
}

function items(value: unknown): JsonObject[] {
  return Array.isArray(value) ? (value as JsonObject[]) : [];
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

function digits(value: string): string {
  return value.replace(/\D/g, '');
}
