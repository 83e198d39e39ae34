import type { Collection } from './catalog.js';
import type { Clock } from './clock.js';
import { notFound } from './errors.js';
import type { JsonObject } from './openapi.js';

/** Key of a stored resource: an integer id, or the uuid of a form. */
export type RecordKey = number | string;

/** The records of one collection, wherever they are kept, as the handlers change them. */
export interface RecordList {
  collection: Collection;
  /** The parent record that embeds this list, such as the contact of `/contacts/{contactId}/emails`. */
  owner: JsonObject | undefined;
  all(): JsonObject[];
  find(key: RecordKey): JsonObject | undefined;
  add(record: JsonObject): void;
  remove(key: RecordKey): JsonObject | undefined;
}

/**
 * The in-memory state of the engine: one table per top-level collection, the last id given
 * out per collection, and segment memberships. Embedded items, such as a contact's emails,
 * live in their parent record's array, so the parent and the sub-resource paths always agree.
 */
export class Store {
  private readonly tables = new Map<string, Map<RecordKey, JsonObject>>();
  private readonly lastIds = new Map<string, number>();
  /** Contact ids of each segment's members, by segment id, in the order they were added. */
  readonly memberships = new Map<number, Set<number>>();

  constructor(readonly clock: Clock) {}

  /** Returns the table of a top-level collection, created empty on first use. */
  table(path: string): Map<RecordKey, JsonObject> {
    let table = this.tables.get(path);
    if (table === undefined) {
      table = new Map();
      this.tables.set(path, table);
    }
    return table;
  }

  /** Returns a new id for a collection: one more than any id it has given out or stored. */
  nextId(path: string): number {
    const id = (this.lastIds.get(path) ?? 0) + 1;
    this.lastIds.set(path, id);
    return id;
  }

  /** Records that an id is taken, so that later ids of the collection are greater. */
  reserveId(path: string, id: RecordKey): void {
    if (typeof id === 'number' && id > (this.lastIds.get(path) ?? 0)) {
      this.lastIds.set(path, id);
    }
  }

  /**
   * Returns the records of a collection. For an embedded collection, `parentKey` names the
   * parent, and an unknown parent raises 404.
   */
  records(collection: Collection, parentKey?: RecordKey): RecordList {
    const parent = collection.parent;
    if (parent?.field === undefined) return this.tableList(collection);

    const owner = this.table(parent.collection.path).get(parentKey ?? '');
    if (owner === undefined) {
      throw notFound(
        `No ${parent.collection.label} has the id ${String(parentKey)}. ` +
          `List them with GET ${parent.collection.path} to find a valid ${parent.parameter}.`,
      );
    }
    return embeddedList(collection, owner, parent.field);
  }

  /** Returns the items that a parent record embeds, such as a contact's emails. */
  embedded(collection: Collection, owner: JsonObject): RecordList {
    const field = collection.parent?.field;
    if (field === undefined) {
      throw new Error(`${collection.path} is not embedded in its parent's records.`);
    }
    return embeddedList(collection, owner, field);
  }

  private tableList(collection: Collection): RecordList {
    const table = this.table(collection.path);
    return {
      collection,
      owner: undefined,
      all: () => [...table.values()],
      find: (key) => table.get(key),
      add: (record) => void table.set(record[collection.idField] as RecordKey, record),
      remove: (key) => {
        const record = table.get(key);
        table.delete(key);
        return record;
      },
    };
  }
}

function embeddedList(collection: Collection, owner: JsonObject, field: string): RecordList {
  const items = (): JsonObject[] => {
    if (!Array.isArray(owner[field])) owner[field] = [];
    return owner[field] as JsonObject[];
  };
  const indexOf = (key: RecordKey): number =>
    items().findIndex((item) => item[collection.idField] === key);
  return {
    collection,
    owner,
    all: () => [...items()],
    find: (key) => items()[indexOf(key)],
    add: (record) => void items().push(record),
    remove: (key) => {
      const index = indexOf(key);
      return index < 0 ? undefined : items().splice(index, 1)[0];
    },
  };
}
