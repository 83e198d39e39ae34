import { actionBehaviour, actionCollections, actionReferences } from './actions.js';
import { buildCatalog, type Catalog } from './catalog.js';
import { createClock } from './clock.js';
import { checkSearchGroups, searchContacts, SEARCH_PARAMETERS } from './contact-search.js';
import {
  CONTACT_EMAILS_PATH,
  CONTACTS_PATH,
  contactBehaviour,
  contactEmailBehaviour,
} from './contacts.js';
import type { EngineContext } from './context.js';
import { ApiError } from './errors.js';
import { deriveFilters } from './filters.js';
import { submitForm } from './form-submission.js';
import type { ListShape } from './list.js';
import { OpenApiReader } from './openapi.js';
import { newRecord, type Behaviour } from './records.js';
import { parseRequest } from './request.js';
import { exampleHandler, genericHandlers, type Handler } from './resources.js';
import { SchemaReader } from './schema.js';
import { seedFromData, wantsExamples, type SeedData } from './seed-data.js';
import { reserveReferencedIds, seedFromExamples } from './seed.js';
import {
  addSegmentContacts,
  listSegmentContacts,
  removeSegmentContact,
  SEGMENTS_PATH,
  segmentBehaviour,
} from './segments.js';
import { Store } from './store.js';

/** A request that the server has already checked for credentials and validated against the spec. */
export interface StatefulRequest {
  operationId: string;
  method: string;
  /** Request path without the query string. */
  path: string;
  pathParams: Record<string, string>;
  /** Query values as sent, repeated names as arrays, bracket names such as `fields[]` kept. */
  query: Record<string, string | string[]>;
  body: unknown;
}

/** The response that the server writes: a status, and a JSON body unless the status has none. */
export interface StatefulResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An engine that keeps resources in memory and builds each response from them. */
export interface StatefulEngine {
  handle(request: StatefulRequest): StatefulResponse;
}

/** Options of `createStatefulEngine`. */
export interface StatefulEngineOptions {
  /** Makes timestamps reproducible: the same seed and requests give the same responses. */
  seed?: string | number;
  /** Records to start with, in the shape described by `SeedData` (see the README). */
  seedData?: unknown;
}

/** Operations with their own handler; every other one follows its kind. */
const SPECIAL_HANDLERS: Record<string, Handler> = {
  searchContacts,
  submitForm,
  listSegmentContacts,
  addSegmentContacts,
  removeSegmentContact,
};

/**
 * Creates an engine for a bundled OpenAPI document (spec/dist/openapi.json). The engine derives
 * the collections and operations from the document and seeds its store from the spec's
 * examples and `seedData`. It builds each response from the store, which keeps every change
 * for the engine's life. Throws when the document has a shape the engine cannot model, or when
 * an option is invalid.
 */
export function createStatefulEngine(
  document: object,
  options: StatefulEngineOptions = {},
): StatefulEngine {
  const reader = new OpenApiReader(document);
  const schemas = new SchemaReader(reader);
  const catalog = buildCatalog(reader, schemas);
  checkSearchGroups(catalog, schemas);
  const context: EngineContext = {
    reader,
    schemas,
    catalog,
    store: new Store(createClock(options.seed)),
    behaviours: createBehaviours(catalog, schemas),
    listShapes: createListShapes(catalog, schemas),
  };

  context.store.clock.tick();
  if (wantsExamples(options.seedData)) seedFromExamples(context);
  if (options.seedData !== undefined) seedFromData(context, options.seedData as SeedData);
  reserveReferencedIds(context);

  return {
    handle(request) {
      const operation = catalog.operation(request.operationId);
      context.store.clock.tick();
      try {
        const parsed = parseRequest(
          context,
          operation,
          request.pathParams,
          request.query,
          request.body,
        );
        const handler = SPECIAL_HANDLERS[operation.operationId] ?? handlerFor(operation.kind);
        return handler(context, parsed);
      } catch (error) {
        if (error instanceof ApiError) return { status: error.status, body: error.body };
        throw error;
      }
    },
  };
}

function handlerFor(kind: keyof typeof genericHandlers | 'other'): Handler {
  return kind === 'other' ? exampleHandler : genericHandlers[kind];
}

function createBehaviours(catalog: Catalog, schemas: SchemaReader): Map<string, Behaviour> {
  const behaviours = new Map<string, Behaviour>([
    [CONTACTS_PATH, contactBehaviour],
    [CONTACT_EMAILS_PATH, contactEmailBehaviour],
    [SEGMENTS_PATH, segmentBehaviour],
    ['/from-lines', fromLineBehaviour],
  ]);
  for (const path of behaviours.keys()) catalog.collection(path);
  for (const collection of actionCollections(catalog)) {
    const references = actionReferences(catalog, schemas, collection);
    behaviours.set(collection.path, actionBehaviour(references));
  }
  return behaviours;
}

/** A new from line sends replies to `senderAddress` unless it names a `replyToAddress`. */
const fromLineBehaviour: Behaviour = {
  create(context, list, fields) {
    const replyToAddress = fields.replyToAddress ?? fields.senderAddress;
    return newRecord(context, list.collection, { ...fields, replyToAddress });
  },
};

function createListShapes(catalog: Catalog, schemas: SchemaReader): Map<string, ListShape> {
  const shapes = new Map<string, ListShape>();
  for (const operation of catalog.operations.values()) {
    const collection = operation.collection;
    if (operation.kind !== 'list' || collection === undefined) continue;
    const { idField, itemSchema } = collection;
    const filters = deriveFilters(operation, itemSchema, schemas, SEARCH_PARAMETERS);
    shapes.set(operation.operationId, { idField, itemSchema, filters });
  }
  return shapes;
}
