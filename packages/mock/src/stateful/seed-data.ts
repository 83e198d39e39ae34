import type { Collection } from './catalog.js';
import { CONTACTS_PATH } from './contacts.js';
import type { EngineContext } from './context.js';
import type { JsonObject } from './openapi.js';
import { isPlainObject } from './schema.js';
import { childCollections, insertRecord, seedableCollections } from './seed.js';
import { SEGMENTS_PATH } from './segments.js';
import type { RecordKey } from './store.js';

/**
 * The `seedData` option: records in the shape the API returns them, keyed by collection path
 * without the leading slash (`contacts`, `creatives/banners`, `actions/emails`), plus segment
 * members and whether the spec's examples are seeded first.
 */
export interface SeedData {
  /** `false` starts from `seedData` alone; by default the examples are seeded first. */
  examples?: boolean;
  /** Contact ids of each segment's members, by segment id. */
  segmentContacts?: Record<string, number[]>;
  [collection: string]: unknown;
}

const OPTION = 'options.seedData';

/** Returns whether `seedData` requests the spec's examples, after checking that it is an object. */
export function wantsExamples(seedData: unknown): boolean {
  if (seedData === undefined) return true;
  if (!isPlainObject(seedData)) {
    throw new TypeError(
      `Invalid ${OPTION}: expected an object such as { "contacts": [...] }, got ${describe(seedData)}.`,
    );
  }
  if (seedData.examples !== undefined && typeof seedData.examples !== 'boolean') {
    throw new TypeError(`Invalid ${OPTION}.examples: expected true or false.`);
  }
  return seedData.examples !== false;
}

/**
 * Adds the records of `seedData` to the store, replacing stored records with the same id, then
 * its segment members. Throws a TypeError naming the first invalid value: an unknown
 * collection, a record without a valid id, a property the response schema does not declare, a
 * sub-resource id used twice, or a member that is not a contact.
 */
export function seedFromData(context: EngineContext, seedData: SeedData): void {
  const collections = seedableCollections(context.catalog);
  for (const [key, records] of Object.entries(seedData)) {
    if (key === 'examples' || key === 'segmentContacts') continue;
    const collection = collections.get(key);
    if (collection === undefined) {
      throw new TypeError(
        `Invalid ${OPTION}: "${key}" is not a collection. Use one of ${[...collections.keys()].join(', ')}.`,
      );
    }
    if (!Array.isArray(records)) {
      throw new TypeError(`Invalid ${OPTION}.${key}: expected an array of records.`);
    }
    records.forEach((record, index) =>
      seedRecord(context, collection, record, `${OPTION}.${key}[${index}]`),
    );
  }
  seedMembers(context, seedData.segmentContacts);
}

function seedRecord(
  context: EngineContext,
  collection: Collection,
  record: unknown,
  path: string,
): void {
  if (!isPlainObject(record)) throw new TypeError(`Invalid ${path}: expected an object.`);
  checkKey(collection, record[collection.idField], `${path}.${collection.idField}`);
  const undeclared = context.schemas.findUndeclared(record, collection.itemSchema);
  if (undeclared !== undefined) {
    throw new TypeError(
      `Invalid ${path}: ${undeclared} is not a property of ${collection.label} in the spec. ` +
        'Remove it, or check its spelling against the response schema.',
    );
  }
  for (const child of childCollections(context, collection)) {
    checkChildIds(context, collection, child, record, path);
  }
  insertRecord(context, collection, record, { replace: true });
}

/** Sub-resource ids are unique across all parents, as the sub-resource paths need. */
function checkChildIds(
  context: EngineContext,
  collection: Collection,
  child: Collection,
  record: JsonObject,
  path: string,
): void {
  const field = child.parent?.field ?? '';
  const items = record[field] ?? [];
  if (!Array.isArray(items)) throw new TypeError(`Invalid ${path}.${field}: expected an array.`);
  for (const [index, item] of items.entries()) {
    const itemPath = `${path}.${field}[${index}]`;
    if (!isPlainObject(item)) throw new TypeError(`Invalid ${itemPath}: expected an object.`);
    checkKey(child, item.id, `${itemPath}.id`);
    for (const other of context.store.table(collection.path).values()) {
      if (other[collection.idField] === record[collection.idField]) continue;
      const duplicate = context.store.embedded(child, other).find(item.id as RecordKey);
      if (duplicate !== undefined) {
        throw new TypeError(
          `Invalid ${itemPath}.id: ${String(item.id)} is already a ${child.label} of the ` +
            `${collection.label} ${String(other[collection.idField])}. Give each item its own id.`,
        );
      }
    }
  }
}

function seedMembers(context: EngineContext, segmentContacts: unknown): void {
  if (segmentContacts === undefined) return;
  const path = `${OPTION}.segmentContacts`;
  if (!isPlainObject(segmentContacts)) {
    throw new TypeError(`Invalid ${path}: expected an object of contact id arrays by segment id.`);
  }
  const segments = context.store.table(SEGMENTS_PATH);
  const contacts = context.store.table(CONTACTS_PATH);
  for (const [segmentKey, contactIds] of Object.entries(segmentContacts)) {
    const segmentId = Number(segmentKey);
    if (!segments.has(segmentId)) {
      throw new TypeError(
        `Invalid ${path}: no segment has the id ${segmentKey}. Add it to segments.`,
      );
    }
    if (!Array.isArray(contactIds)) {
      throw new TypeError(`Invalid ${path}.${segmentKey}: expected an array of contact ids.`);
    }
    const members = context.store.memberships.get(segmentId) ?? new Set<number>();
    for (const contactId of contactIds) {
      if (!contacts.has(contactId as number)) {
        throw new TypeError(
          `Invalid ${path}.${segmentKey}: no contact has the id ${describe(contactId)}. Add it to contacts.`,
        );
      }
      members.add(contactId as number);
    }
    context.store.memberships.set(segmentId, members);
  }
}

function checkKey(collection: Collection, key: unknown, path: string): void {
  const valid =
    collection.idField === 'id'
      ? Number.isInteger(key) && (key as number) >= 1
      : typeof key === 'string' && key !== '';
  if (!valid) {
    const expected = collection.idField === 'id' ? 'an integer of 1 or more' : 'a non-empty string';
    throw new TypeError(`Invalid ${path}: expected ${expected}, got ${describe(key)}.`);
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
