import { actionCollections, actionReferences, type ActionReference } from './actions.js';
import type { Catalog, Collection, Operation } from './catalog.js';
import { CONTACTS_PATH } from './contacts.js';
import type { EngineContext } from './context.js';
import type { JsonObject } from './openapi.js';
import { isPlainObject } from './schema.js';
import { SEGMENTS_PATH } from './segments.js';
import type { RecordKey } from './store.js';

// Precedence of examples that show the same id. A get example shows the resource as stored, so
// it wins over a create example, which wins over an update example.
const SEEDING_KINDS: readonly string[] = ['get', 'create', 'update', 'archive'];

/**
 * Seeds the store from the spec's named examples:
 *
 * 1. every example of a get, create, update or archive response is a resource of its
 *    collection, the first example of an id winning. Examples of sub-resources, such as a
 *    contact's email address, join the parent that the path parameter's example names;
 * 2. the members in the example of `listSegmentContacts` join the segment that its
 *    `segmentId` example names, and those that are not contacts yet become contacts;
 * 3. sources and action codes that the seeded actions refer to, and that no example shows in
 *    full, are added as the references show them. An action code's tactic is its creative's.
 */
export function seedFromExamples(context: EngineContext): void {
  const operations = [...context.catalog.operations.values()]
    .filter((operation) => operation.collection !== undefined)
    .filter((operation) => SEEDING_KINDS.includes(operation.kind))
    .sort((left, right) => seedingOrder(left) - seedingOrder(right));
  for (const operation of operations) {
    for (const example of operation.success.examples) {
      if (isPlainObject(example.value)) seedExample(context, operation, example.value);
    }
  }
  seedSegmentMembers(context);
  for (const collection of actionCollections(context.catalog)) {
    const references = actionReferences(context.catalog, context.schemas, collection);
    for (const action of context.store.table(collection.path).values()) {
      seedReferencedResources(context, references, action);
    }
  }
}

/**
 * Adds a record to its collection unless the id is taken, completing what the engine keeps
 * for every record (empty arrays for a contact's items), and reserves its ids.
 */
export function insertRecord(
  context: EngineContext,
  collection: Collection,
  record: JsonObject,
  options: { owner?: JsonObject; replace?: boolean } = {},
): void {
  const key = record[collection.idField] as RecordKey;
  const list =
    options.owner === undefined
      ? context.store.records(collection)
      : context.store.embedded(collection, options.owner);
  if (list.find(key) !== undefined) {
    if (!options.replace) return;
    list.remove(key);
  }
  const copy = structuredClone(record);
  for (const [name, property] of context.schemas.properties(collection.itemSchema)) {
    const isArray = context.schemas.typeOf(property.schema) === 'array';
    if (isArray && !property.readOnly && copy[name] === undefined) copy[name] = [];
  }
  list.add(copy);
  context.store.reserveId(collection.path, key);
  for (const child of childCollections(context, collection)) {
    for (const item of (copy[child.parent?.field ?? ''] ?? []) as JsonObject[]) {
      context.store.reserveId(child.path, item.id as RecordKey);
    }
  }
}

/** Returns the collections whose items a record of `collection` embeds. */
export function childCollections(context: EngineContext, collection: Collection): Collection[] {
  return [...context.catalog.collections.values()].filter(
    (child) => child.parent?.collection === collection && child.parent.field !== undefined,
  );
}

/** Returns the top-level collections that `seedData` can fill, by key. */
export function seedableCollections(catalog: Catalog): Map<string, Collection> {
  const creates = new Set(
    [...catalog.operations.values()]
      .filter((operation) => operation.kind === 'create')
      .map((operation) => operation.collection),
  );
  const seedable = [...catalog.collections.values()].filter(
    (collection) =>
      collection.parent === undefined &&
      (collection.itemPath !== undefined || creates.has(collection)),
  );
  return new Map(seedable.map((collection) => [collection.path.slice(1), collection]));
}

/**
 * Reserves the ids that stored records name in fields such as `fromLineId`, `segmentId` or a
 * contact's `source`: a field named after a collection (in camel case, with or without `Id`)
 * holding an integer. So a new from line never takes an id that a seeded conditional email
 * already sends from, even where no example shows that from line.
 */
export function reserveReferencedIds(context: EngineContext): void {
  const byField = new Map<string, Collection>();
  for (const collection of seedableCollections(context.catalog).values()) {
    const name = collection.label.replace(/ (\w)/g, (_space, letter: string) =>
      letter.toUpperCase(),
    );
    byField.set(name, collection);
    byField.set(`${name}Id`, collection);
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    if (!isPlainObject(value)) return;
    for (const [field, item] of Object.entries(value)) {
      const collection = byField.get(field);
      if (collection !== undefined && Number.isInteger(item)) {
        context.store.reserveId(collection.path, item as number);
      }
      visit(item);
    }
  };
  for (const collection of seedableCollections(context.catalog).values()) {
    for (const record of context.store.table(collection.path).values()) visit(record);
  }
}

function seedingOrder(operation: Operation): number {
  // Parents first, so that a sub-resource example finds the contact it belongs to.
  const nested = operation.collection?.parent === undefined ? 0 : SEEDING_KINDS.length;
  return nested + SEEDING_KINDS.indexOf(operation.kind);
}

function seedExample(context: EngineContext, operation: Operation, value: JsonObject): void {
  const collection = operation.collection as Collection;
  const key = value[collection.idField];
  if (typeof key !== 'number' && typeof key !== 'string') return;
  const parent = collection.parent;
  if (parent === undefined) {
    insertRecord(context, collection, value);
    return;
  }
  if (parent.field === undefined) return;
  const parentKey = context.reader.parameterExample(
    operation.parameters.get(parent.parameter) ?? { name: parent.parameter, in: 'path' },
  );
  const owner = context.store.table(parent.collection.path).get(parentKey as RecordKey);
  if (owner !== undefined) insertRecord(context, collection, value, { owner });
}

function seedSegmentMembers(context: EngineContext): void {
  const operation = context.catalog.operation('listSegmentContacts');
  const parameter = operation.parameters.get('segmentId');
  const segmentId = parameter && context.reader.parameterExample(parameter);
  const page = operation.success.examples[0]?.value as { items?: JsonObject[] } | undefined;
  if (!context.store.table(SEGMENTS_PATH).has(segmentId as number)) return;

  const contacts = context.catalog.collection(CONTACTS_PATH);
  const members = new Set<number>();
  for (const summary of page?.items ?? []) {
    insertRecord(context, contacts, summary);
    members.add(summary.id as number);
  }
  context.store.memberships.set(segmentId as number, members);
}

function seedReferencedResources(
  context: EngineContext,
  references: ActionReference[],
  action: JsonObject,
): void {
  for (const reference of references) {
    const { path } = reference.target;
    const value = action[reference.property];
    if ((path !== '/sources' && path !== '/action-codes') || !isPlainObject(value)) continue;
    const record = context.schemas.project(value, reference.target.itemSchema, 'response');
    if (path === '/action-codes') {
      (record as JsonObject).tacticId = creativeTactic(context, references, action);
    }
    insertRecord(context, reference.target, record as JsonObject);
  }
}

/** Returns the tactic of an action's creative: the stored creative's, or its schema's first. */
function creativeTactic(
  context: EngineContext,
  references: ActionReference[],
  action: JsonObject,
): unknown {
  const creative = references.find((reference) => reference.target.path.startsWith('/creatives/'));
  if (creative === undefined) return undefined;
  const id = (action[creative.property] as JsonObject | undefined)?.id as RecordKey;
  const stored = context.store.table(creative.target.path).get(id);
  if (stored?.tacticId !== undefined) return stored.tacticId;
  const schema = context.schemas.properties(creative.target.itemSchema).get('tacticId')?.schema;
  return context.schemas.keyword(schema, 'const') ?? context.schemas.keyword(schema, 'enum')?.[0];
}
