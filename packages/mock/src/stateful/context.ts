import type { Catalog } from './catalog.js';
import type { ListShape } from './list.js';
import type { OpenApiReader } from './openapi.js';
import type { Behaviour } from './records.js';
import type { SchemaReader } from './schema.js';
import type { Store } from './store.js';

/** Shared state of the handlers: the document, its catalog, the store and the behaviours. */
export interface EngineContext {
  reader: OpenApiReader;
  schemas: SchemaReader;
  catalog: Catalog;
  store: Store;
  /** Behaviour of each collection that needs one, by collection path. */
  behaviours: ReadonlyMap<string, Behaviour>;
  /** Items, id and filters of each list operation, by operationId. */
  listShapes: ReadonlyMap<string, ListShape>;
}
