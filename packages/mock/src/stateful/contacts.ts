import type { Collection } from './catalog.js';
import type { EngineContext } from './context.js';
import { invalidFields } from './errors.js';
import type { JsonObject } from './openapi.js';
import { createRecord, newRecord, updateRecord, type Behaviour } from './records.js';
import { isPlainObject } from './schema.js';
import type { RecordList } from './store.js';

/** Path of the contacts collection. */
export const CONTACTS_PATH = '/contacts';
/** Path of a contact's email addresses, which keep one default address. */
export const CONTACT_EMAILS_PATH = '/contacts/{contactId}/emails';

/** A contact request split into its parts. */
interface ContactParts {
  /** Fields stored on the contact itself. */
  fields: JsonObject;
  /** `emails[]`, `locations[]` and `phones[]` items, by the contact field that contains them. */
  items: Map<Collection, JsonObject[]>;
  /** The flat write-only flags, such as `emailIsSubscribed`, which change items instead. */
  flags: JsonObject;
}

/**
 * Contacts embed their email addresses, locations and phone numbers. A create or update
 * request's `emails[]`, `locations[]` and `phones[]` items go through the same steps as
 * `POST` and `PUT /contacts/{contactId}/<items>/{id}`: an item with an `id` updates that
 * item, one without adds it.
 */
export const contactBehaviour: Behaviour = {
  create(context, list, fields) {
    const parts = splitContactRequest(context, list.collection, fields);
    checkItemIds(context, undefined, parts.items);
    const record = newRecord(context, list.collection, parts.fields);
    applyContactRequest(context, record, parts);
    return record;
  },

  update(context, list, record, fields) {
    const parts = splitContactRequest(context, list.collection, fields);
    checkItemIds(context, record, parts.items);
    const { customFields, ...rest } = parts.fields;
    Object.assign(record, rest);
    // Custom fields are fields of the contact, so a key not sent keeps its value.
    if (isPlainObject(customFields)) {
      record.customFields = { ...(record.customFields as JsonObject | undefined), ...customFields };
    }
    applyContactRequest(context, record, parts);
  },

  // Deleting a contact deletes its embedded items with it, and its segment memberships.
  removed(context, _list, record) {
    for (const members of context.store.memberships.values()) members.delete(record.id as number);
  },
};

/** Keeps one default email address per contact, as `isDefault` promises. */
export const contactEmailBehaviour: Behaviour = {
  created(_context, list, record) {
    const others = list.all().filter((item) => item !== record);
    if (record.isDefault === true) {
      others.forEach((item) => (item.isDefault = false));
    } else if (!others.some((item) => item.isDefault === true)) {
      // The first address of a contact is the one that email messages go to.
      record.isDefault = true;
    }
  },

  update(_context, list, record, fields) {
    Object.assign(record, fields);
    if (fields.isDefault === true) {
      list.all().forEach((item) => (item.isDefault = item === record));
    }
  },

  removed(_context, list, record) {
    const first = list.all()[0];
    if (record.isDefault === true && first !== undefined) first.isDefault = true;
  },
};

/** Returns the collections that a contact embeds: emails, locations and phones. */
export function embeddedCollections(context: EngineContext): Collection[] {
  return [...context.catalog.collections.values()].filter(
    (collection) =>
      collection.parent?.collection.path === CONTACTS_PATH && collection.parent.field !== undefined,
  );
}

function splitContactRequest(
  context: EngineContext,
  contacts: Collection,
  request: JsonObject,
): ContactParts {
  const parts: ContactParts = { fields: {}, items: new Map(), flags: {} };
  const properties = context.schemas.properties(contacts.itemSchema);
  const embedded = new Map(
    embeddedCollections(context).map((child) => [child.parent?.field, child]),
  );
  for (const [name, value] of Object.entries(request)) {
    const child = embedded.get(name);
    if (child !== undefined) parts.items.set(child, value as JsonObject[]);
    else if (properties.get(name)?.writeOnly === true) parts.flags[name] = value;
    else parts.fields[name] = value;
  }
  return parts;
}

/** Raises 422 for every item `id` that names no item of the contact, before anything changes. */
function checkItemIds(
  context: EngineContext,
  contact: JsonObject | undefined,
  items: Map<Collection, JsonObject[]>,
): void {
  const errors = [];
  for (const [child, sent] of items) {
    const field = child.parent?.field ?? '';
    const existing = contact === undefined ? undefined : context.store.embedded(child, contact);
    for (const [index, item] of sent.entries()) {
      if (item.id === undefined || existing?.find(item.id as number) !== undefined) continue;
      errors.push({
        field: `body.${field}[${index}].id`,
        error:
          contact === undefined
            ? `names no ${child.label} of this new contact. Leave id out to add the item`
            : `names no ${child.label} of contact ${String(contact.id)}. Leave id out to add the ` +
              `item, or take the id from GET /contacts/${String(contact.id)}`,
      });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
}

function applyContactRequest(
  context: EngineContext,
  contact: JsonObject,
  parts: ContactParts,
): void {
  const written = new Map<string, JsonObject[]>();
  for (const [child, sent] of parts.items) {
    const list = context.store.embedded(child, contact);
    written.set(
      child.parent?.field ?? '',
      sent.map((item) => writeItem(context, list, item)),
    );
  }
  applyFlags(contact, parts.flags, written);
}

function writeItem(context: EngineContext, list: RecordList, item: JsonObject): JsonObject {
  const { id, ...fields } = item;
  const existing = id === undefined ? undefined : list.find(id as number);
  if (existing === undefined) return createRecord(context, list, fields);
  updateRecord(context, list, existing, fields);
  return existing;
}

/**
 * Applies the flat flags of `ContactInput`. `emailIsDefault` makes the first address of this
 * request the default, and `emailIsSubscribed` then applies to the default address.
 * `phoneIsCallSubscribed` and `phoneIsSmsSubscribed` apply to the first number of this request,
 * or to the contact's first number when the request sends none.
 */
function applyFlags(
  contact: JsonObject,
  flags: JsonObject,
  written: Map<string, JsonObject[]>,
): void {
  const emails = (contact.emails ?? []) as JsonObject[];
  const sentEmail = written.get('emails')?.[0];
  if (flags.emailIsDefault === true && sentEmail !== undefined) {
    emails.forEach((email) => (email.isDefault = email === sentEmail));
  }
  const defaultEmail = emails.find((email) => email.isDefault === true);
  if (typeof flags.emailIsSubscribed === 'boolean' && defaultEmail !== undefined) {
    defaultEmail.isSubscribed = flags.emailIsSubscribed;
  }

  // NOTE: phoneIsCallDefault and phoneIsSmsDefault are accepted and dropped, because
  // ContactPhone has no field that would show which number is the default.
  const phone = written.get('phones')?.[0] ?? ((contact.phones ?? []) as JsonObject[])[0];
  if (typeof flags.phoneIsCallSubscribed === 'boolean' && phone !== undefined) {
    phone.isPhoneSubscribed = flags.phoneIsCallSubscribed;
  }
  if (typeof flags.phoneIsSmsSubscribed === 'boolean' && phone !== undefined) {
    phone.isSmsSubscribed = flags.phoneIsSmsSubscribed;
  }
}
