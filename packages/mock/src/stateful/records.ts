import type { Collection } from './catalog.js';
import type { EngineContext } from './context.js';
import { notFound } from './errors.js';
import type { JsonObject, SchemaObject } from './openapi.js';
import { isPlainObject } from './schema.js';
import type { RecordKey, RecordList } from './store.js';

/**
 * Hooks of a collection beyond the generic create, update, delete and read, such as filling a
 * default or keeping one default email address. Each hook replaces or follows the generic step.
 */
export interface Behaviour {
  /** Builds the record that a create stores. Without it, `newRecord` builds it from the fields. */
  create?(context: EngineContext, list: RecordList, fields: JsonObject): JsonObject;
  /** Runs after the record was added to its list. */
  created?(context: EngineContext, list: RecordList, record: JsonObject): void;
  /** Applies an update. Without it, each field sent replaces the stored one. */
  update?(context: EngineContext, list: RecordList, record: JsonObject, fields: JsonObject): void;
  /** Runs after the record was removed from its list. */
  removed?(context: EngineContext, list: RecordList, record: JsonObject): void;
  /** Returns the record as responses show it. Without it, responses get a copy. */
  present?(context: EngineContext, record: JsonObject): JsonObject;
}

/** Returns the request body's fields that the request schema declares, without read-only ones. */
export function requestFields(
  context: EngineContext,
  body: unknown,
  schema: SchemaObject | undefined,
): JsonObject {
  const fields = context.schemas.project(body, schema, 'request');
  return isPlainObject(fields) ? fields : {};
}

/**
 * Builds a new record from request fields and sets what only the API sets: a new id, the
 * read-only `date-time` fields (`createdAt`, `updatedAt`) to now, and read-only booleans such as
 * `isArchived` to false. A boolean the request left out is false too, as a new contact's
 * `isTest` or a new conditional email's `isActive`, and a missing array is empty.
 */
export function newRecord(
  context: EngineContext,
  collection: Collection,
  fields: JsonObject,
): JsonObject {
  const { schemas, store } = context;
  const record: JsonObject = { [collection.idField]: store.nextId(collection.path), ...fields };
  const now = store.clock.now();
  for (const [name, property] of schemas.properties(collection.itemSchema)) {
    if (property.writeOnly || record[name] !== undefined) continue;
    const type = schemas.typeOf(property.schema);
    if (type === 'boolean') {
      record[name] = false;
    } else if (type === 'array' && !property.readOnly) {
      record[name] = [];
    } else if (property.readOnly && schemas.keyword(property.schema, 'format') === 'date-time') {
      record[name] = now;
    }
  }
  return record;
}

/** Sets `updatedAt` to now on a record whose schema has it. */
export function touch(context: EngineContext, collection: Collection, record: JsonObject): void {
  if (context.schemas.properties(collection.itemSchema).has('updatedAt')) {
    record.updatedAt = context.store.clock.now();
  }
}

/** Creates a record in a list with the collection's behaviour, and returns it. */
export function createRecord(
  context: EngineContext,
  list: RecordList,
  fields: JsonObject,
): JsonObject {
  const behaviour = context.behaviours.get(list.collection.path);
  const record =
    behaviour?.create?.(context, list, fields) ?? newRecord(context, list.collection, fields);
  list.add(record);
  behaviour?.created?.(context, list, record);
  touchOwner(context, list);
  return record;
}

/** Applies update fields to a stored record with the collection's behaviour. */
export function updateRecord(
  context: EngineContext,
  list: RecordList,
  record: JsonObject,
  fields: JsonObject,
): void {
  const behaviour = context.behaviours.get(list.collection.path);
  if (behaviour?.update !== undefined) {
    behaviour.update(context, list, record, fields);
  } else {
    Object.assign(record, fields);
  }
  touch(context, list.collection, record);
  touchOwner(context, list);
}

/** Removes a record from its list, or raises 404, and runs the collection's clean-up. */
export function removeRecord(context: EngineContext, list: RecordList, key: RecordKey): void {
  const record = list.remove(key);
  if (record === undefined) throw missingItem(list, key);
  context.behaviours.get(list.collection.path)?.removed?.(context, list, record);
  touchOwner(context, list);
}

/** Returns a record of a list, or raises 404 naming it. */
export function findRecord(list: RecordList, key: RecordKey): JsonObject {
  const record = list.find(key);
  if (record === undefined) throw missingItem(list, key);
  return record;
}

/** Returns a record as responses show it: a copy, completed by the collection's behaviour. */
export function presentRecord(
  context: EngineContext,
  collection: Collection,
  record: JsonObject,
): JsonObject {
  const behaviour = context.behaviours.get(collection.path);
  return behaviour?.present === undefined
    ? structuredClone(record)
    : behaviour.present(context, record);
}

function touchOwner(context: EngineContext, list: RecordList): void {
  const parent = list.collection.parent;
  if (list.owner !== undefined && parent !== undefined) {
    touch(context, parent.collection, list.owner);
  }
}

function missingItem(list: RecordList, key: RecordKey): Error {
  const { collection, owner } = list;
  const { idField, label } = collection;
  if (owner !== undefined && collection.parent !== undefined) {
    const ownerLabel = collection.parent.collection.label;
    const ownerId = String(owner[collection.parent.collection.idField]);
    return notFound(
      `The ${ownerLabel} ${ownerId} has no ${label} with the ${idField} ${String(key)}. ` +
        `List them with GET ${collection.path.replace(`{${collection.parent.parameter}}`, ownerId)}.`,
    );
  }
  return notFound(
    `No ${label} has the ${idField} ${String(key)}. List them with GET ${collection.path} to find a valid one.`,
  );
}
