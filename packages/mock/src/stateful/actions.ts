import type { Catalog, Collection } from './catalog.js';
import { CONTACTS_PATH } from './contacts.js';
import type { EngineContext } from './context.js';
import { invalidFields } from './errors.js';
import type { JsonObject, SchemaObject } from './openapi.js';
import type { Behaviour } from './records.js';
import { isPlainObject, type SchemaReader } from './schema.js';
import type { ApiFieldError } from '../error-body.js';

/**
 * The collection that each reference of an action points into, by the action's property. A
 * record request sends each one as `<property>Id`, such as `campaignId` for `campaign`. Form
 * actions name the form creative, not the form: the one with an integer id.
 */
const REFERENCE_TARGETS: Record<string, string> = {
  contact: CONTACTS_PATH,
  actionCode: '/action-codes',
  campaign: '/campaigns',
  source: '/sources',
  emailMessage: '/creatives/email-messages',
  banner: '/creatives/banners',
  directMail: '/creatives/direct-mails',
  event: '/creatives/events',
  website: '/creatives/websites',
  form: '/creatives/forms',
  // Embedded in the action's contact.
  contactEmail: '/contacts/{contactId}/emails',
  contactLocation: '/contacts/{contactId}/locations',
};

/** One reference of an action: the request field, the response property and its target. */
export interface ActionReference {
  /** Request body field with the id, such as `campaignId`. */
  field: string;
  /** Response property with the resolved resource, such as `campaign`. */
  property: string;
  /** Schema of the response property, such as `Reference` or `ContactSummary`. */
  schema: SchemaObject;
  target: Collection;
}

/** Returns the action collections: every list under `/actions/`. */
export function actionCollections(catalog: Catalog): Collection[] {
  return [...catalog.collections.values()].filter((collection) =>
    collection.path.startsWith('/actions/'),
  );
}

/**
 * Derives the references of an action collection from its record request: every body field
 * named `<property>Id` whose property the action schema declares. Throws when a field has no
 * known target, so a new reference in the spec is modelled before it is served.
 */
export function actionReferences(
  catalog: Catalog,
  schemas: SchemaReader,
  collection: Collection,
): ActionReference[] {
  const record = [...catalog.operations.values()].find(
    (operation) => operation.collection === collection && operation.kind === 'create',
  );
  const properties = schemas.properties(collection.itemSchema);
  const fields =
    record?.requestSchema === undefined ? [] : schemas.properties(record.requestSchema).keys();
  const references: ActionReference[] = [];
  for (const field of fields) {
    if (!field.endsWith('Id')) continue;
    const property = field.slice(0, -'Id'.length);
    const target = REFERENCE_TARGETS[property];
    const schema = properties.get(property)?.schema;
    if (target === undefined || schema === undefined) {
      throw new Error(
        `The stateful engine cannot resolve ${field} of ${collection.path}: the action has no ` +
          `${property} property, or REFERENCE_TARGETS has no collection for it.`,
      );
    }
    references.push({ field, property, schema, target: catalog.collection(target) });
  }
  // The contact comes first, because its email addresses and locations are looked up in it.
  return references.sort((left, right) => rank(left) - rank(right));
}

/**
 * Records an action from ids, and shows it with every reference resolved from the store. A
 * stored action keeps the references as they were when it was recorded. Reading it resolves
 * them again, so a renamed campaign shows its new name. A reference whose resource is gone, or
 * for a seeded action never was in the store, shows the stored copy.
 */
export function actionBehaviour(references: ActionReference[]): Behaviour {
  return {
    create(context, list, fields) {
      const resolved = resolveRequest(context, references, fields);
      const record: JsonObject = { id: context.store.nextId(list.collection.path) };
      for (const name of context.schemas.properties(list.collection.itemSchema).keys()) {
        if (name === 'actionDate') record.actionDate = fields.actionDate;
        else if (resolved[name] !== undefined) record[name] = resolved[name];
      }
      return record;
    },

    present(context, record) {
      const contactReference = references.find((reference) => reference.property === 'contact');
      const contact = findTarget(context, contactReference, (record.contact as JsonObject)?.id);
      const presented: JsonObject = {};
      for (const [name, value] of Object.entries(record)) {
        const reference = references.find((candidate) => candidate.property === name);
        const target =
          reference !== undefined && isPlainObject(value)
            ? findTarget(context, reference, value.id, contact)
            : undefined;
        presented[name] =
          target === undefined
            ? structuredClone(value)
            : context.schemas.project(target, reference?.schema, 'response');
      }
      return presented;
    },
  };
}

/** Resolves every id of a record request, or raises 422 naming each id that names nothing. */
function resolveRequest(
  context: EngineContext,
  references: ActionReference[],
  fields: JsonObject,
): JsonObject {
  const errors: ApiFieldError[] = [];
  const targets = new Map<string, JsonObject>();
  for (const reference of references) {
    const id = fields[reference.field];
    if (id === undefined) continue;
    const target = findTarget(context, reference, id, targets.get('contact'));
    if (target === undefined) {
      errors.push({
        field: `body.${reference.field}`,
        error: missingMessage(reference, id, targets),
      });
    } else {
      targets.set(reference.property, target);
    }
  }
  const tacticError = checkTactic(references, targets);
  if (tacticError !== undefined) errors.push(tacticError);
  if (errors.length > 0) throw invalidFields(errors);

  const resolved: JsonObject = {};
  for (const reference of references) {
    const target = targets.get(reference.property);
    if (target !== undefined) {
      resolved[reference.property] = context.schemas.project(target, reference.schema, 'response');
    }
  }
  return resolved;
}

/** Returns an error unless the action code has the tactic of the creative, as the spec requires. */
function checkTactic(
  references: ActionReference[],
  targets: Map<string, JsonObject>,
): ApiFieldError | undefined {
  const code = targets.get('actionCode');
  const creative = references.find((reference) => reference.target.path.startsWith('/creatives/'));
  const creativeRecord = creative === undefined ? undefined : targets.get(creative.property);
  if (code === undefined || creative === undefined || creativeRecord === undefined) {
    return undefined;
  }
  const creativeTactic = creativeRecord.tacticId;
  if (typeof creativeTactic !== 'number' || code.tacticId === creativeTactic) return undefined;
  return {
    field: 'body.actionCodeId',
    error:
      `names an action code of tactic ${String(code.tacticId)}, but the ${creative.target.label} ` +
      `${String(creativeRecord.id)} is of tactic ${creativeTactic}. Send a code ` +
      `of that tactic: GET /action-codes?tacticId=${creativeTactic} lists them`,
  };
}

function findTarget(
  context: EngineContext,
  reference: ActionReference | undefined,
  id: unknown,
  contact?: JsonObject,
): JsonObject | undefined {
  if (reference === undefined || (typeof id !== 'number' && typeof id !== 'string'))
    return undefined;
  const { target } = reference;
  if (target.parent?.field !== undefined) {
    return contact === undefined ? undefined : context.store.embedded(target, contact).find(id);
  }
  return context.store.table(target.path).get(id);
}

function missingMessage(
  reference: ActionReference,
  id: unknown,
  targets: Map<string, JsonObject>,
): string {
  const { target } = reference;
  if (target.parent?.field !== undefined) {
    const contact = targets.get('contact');
    const owner = contact === undefined ? 'the contact' : `contact ${String(contact.id)}`;
    return `names no ${target.label} of ${owner}. Send one of the ids in its ${target.parent.field}`;
  }
  return (
    `names no ${target.label}: the id ${String(id)} is not in the account. ` +
    `List them with GET ${target.path}`
  );
}

function rank(reference: ActionReference): number {
  return reference.property === 'contact' ? 0 : 1;
}
