import type { Collection } from './catalog.js';
import type { EngineContext } from './context.js';
import { CONTACTS_PATH, embeddedCollections } from './contacts.js';
import type { JsonObject, SchemaObject } from './openapi.js';
import type { PropertyInfo } from './schema.js';
import { createRecord, findRecord, requestFields, updateRecord } from './records.js';
import { ok, type Handler } from './resources.js';

const FORMS_PATH = '/forms';

/**
 * Handles `POST /forms/{uuid}/submit` as the API does: finds the contact that has the
 * submitted `emailAddress` (ignoring case), updates it or creates a new one, and returns its
 * id with `outcome` `updated` or `created`. The flat record becomes a contact request:
 *
 * - fields that `ContactInput` also has (names, `npi`, `customFields`, the phone flags) go to
 *   the contact, and custom fields merge with the stored ones;
 * - the address parts become a location, which updates the contact's location with the same
 *   `addressLine1` and `postalCode`, or is added;
 * - `phone` updates the contact's number with the same digits, or is added.
 *
 * An unknown form uuid gets 404.
 */
// NOTE: forms have no schema for their post-submission actions, so a submission records no
// form action here, although the API runs those actions.
export const submitForm: Handler = (context, request) => {
  const forms = context.catalog.collection(FORMS_PATH);
  findRecord(context.store.records(forms), request.pathParams.uuid as string);

  const submission = requestFields(context, request.body, request.operation.requestSchema);
  const emailAddress = String(submission.emailAddress);
  const contacts = context.store.records(context.catalog.collection(CONTACTS_PATH));
  const existing = contacts
    .all()
    .sort((left, right) => (left.id as number) - (right.id as number))
    .find((contact) => emailOf(contact, emailAddress) !== undefined);

  const body = contactRequest(context, request.operation.requestSchema, submission, existing);
  if (existing === undefined) {
    const created = createRecord(context, contacts, body);
    return ok(request, { contactId: created.id, outcome: 'created' });
  }
  updateRecord(context, contacts, existing, body);
  return ok(request, { contactId: existing.id, outcome: 'updated' });
};

/** Translates a submission into the body of a contact create or update. */
function contactRequest(
  context: EngineContext,
  submissionSchema: SchemaObject | undefined,
  submission: JsonObject,
  contact: JsonObject | undefined,
): JsonObject {
  const { schemas } = context;
  const contactFields = schemas.properties(context.catalog.collection(CONTACTS_PATH).itemSchema);
  const body: JsonObject = {};
  for (const [name, value] of Object.entries(submission)) {
    if (contactFields.has(name) && !contactFields.get(name)?.readOnly) body[name] = value;
  }

  const emailAddress = String(submission.emailAddress);
  const email = contact === undefined ? undefined : emailOf(contact, emailAddress);
  body.emails = [email === undefined ? { emailAddress } : { id: email.id, emailAddress }];

  for (const child of embeddedCollections(context)) {
    const field = child.parent?.field ?? '';
    if (field === 'emails') continue;
    const item = itemOf(context, child, submissionSchema, submission);
    if (item === undefined) continue;
    const match = contact === undefined ? undefined : sameItem(contact[field], field, item);
    body[field] = [match === undefined ? item : { id: match.id, ...item }];
  }
  return body;
}

/**
 * Collects the submission's fields that an embedded item declares, such as the address parts
 * of a location, with the submission schema's defaults (`country`) once any part was sent.
 */
function itemOf(
  context: EngineContext,
  child: Collection,
  submissionSchema: SchemaObject | undefined,
  submission: JsonObject,
): JsonObject | undefined {
  const { schemas } = context;
  const declared = schemas.properties(child.itemSchema);
  const submitted =
    submissionSchema === undefined
      ? new Map<string, PropertyInfo>()
      : schemas.properties(submissionSchema);
  const item: JsonObject = {};
  for (const [name, value] of Object.entries(submission)) {
    if (declared.has(name) && !declared.get(name)?.readOnly) item[name] = value;
  }
  if (Object.keys(item).length === 0) return undefined;
  for (const [name, property] of submitted) {
    const fallback = schemas.keyword(property.schema, 'default');
    if (declared.has(name) && item[name] === undefined && fallback !== undefined)
      item[name] = fallback;
  }
  return item;
}

function sameItem(stored: unknown, field: string, item: JsonObject): JsonObject | undefined {
  const items = (Array.isArray(stored) ? stored : []) as JsonObject[];
  if (field === 'phones') return items.find((phone) => phone.phone === item.phone);
  return items.find(
    (location) =>
      item.addressLine1 !== undefined &&
      lower(location.addressLine1) === lower(item.addressLine1) &&
      lower(location.postalCode) === lower(item.postalCode),
  );
}

function emailOf(contact: JsonObject, emailAddress: string): JsonObject | undefined {
  const emails = (Array.isArray(contact.emails) ? contact.emails : []) as JsonObject[];
  return emails.find((email) => lower(email.emailAddress) === emailAddress.toLowerCase());
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}
