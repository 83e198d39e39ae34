import type { Collection, Operation, OperationKind } from './catalog.js';
import type { EngineContext } from './context.js';
import type { StatefulResponse } from './engine.js';
import { applyListQuery, type ListPage, type ListShape } from './list.js';
import type { JsonObject } from './openapi.js';
import {
  createRecord,
  findRecord,
  presentRecord,
  removeRecord,
  requestFields,
  touch,
  updateRecord,
} from './records.js';
import type { ParsedRequest } from './request.js';
import type { RecordKey, RecordList } from './store.js';

/** Returns the response to one parsed request. */
export type Handler = (context: EngineContext, request: ParsedRequest) => StatefulResponse;

/** Handlers for the operations that follow the spec's conventions, by kind. */
export const genericHandlers: Record<Exclude<OperationKind, 'other'>, Handler> = {
  list(context, request) {
    const collection = collectionOf(request.operation);
    const records = recordsOf(context, request, collection).all();
    const presented = records.map((record) => presentRecord(context, collection, record));
    return ok(request, listPage(context, request, presented));
  },

  get(context, request) {
    const collection = collectionOf(request.operation);
    const record = findRecord(
      recordsOf(context, request, collection),
      itemKey(request, collection),
    );
    return ok(request, presentRecord(context, collection, record));
  },

  create(context, request) {
    const collection = collectionOf(request.operation);
    const fields = requestFields(context, request.body, request.operation.requestSchema);
    const record = createRecord(context, recordsOf(context, request, collection), fields);
    return ok(request, presentRecord(context, collection, record));
  },

  // PUT changes only the fields sent, as every update of the API does.
  update(context, request) {
    const collection = collectionOf(request.operation);
    const list = recordsOf(context, request, collection);
    const record = findRecord(list, itemKey(request, collection));
    const fields = requestFields(context, request.body, request.operation.requestSchema);
    updateRecord(context, list, record, fields);
    return ok(request, presentRecord(context, collection, record));
  },

  delete(context, request) {
    const collection = collectionOf(request.operation);
    removeRecord(context, recordsOf(context, request, collection), itemKey(request, collection));
    return { status: request.operation.success.status };
  },

  // Archiving an archived resource changes nothing, so a retry returns the same record.
  archive(context, request) {
    const collection = collectionOf(request.operation);
    const record = findRecord(
      recordsOf(context, request, collection),
      itemKey(request, collection),
    );
    if (record.isArchived !== true) {
      record.isArchived = true;
      touch(context, collection, record);
    }
    return ok(request, presentRecord(context, collection, record));
  },
};

/**
 * Handles an operation that the engine does not model, such as NPI matching, with the first
 * named example of its documented 2xx response.
 */
export const exampleHandler: Handler = (_context, request) => {
  const { status, examples } = request.operation.success;
  const first = examples[0];
  return first === undefined ? { status } : { status, body: structuredClone(first.value) };
};

/** Returns the page of already presented items that a list request names. */
export function listPage(
  context: EngineContext,
  request: ParsedRequest,
  items: JsonObject[],
): ListPage {
  const shape = listShapeOf(context, request.operation);
  return applyListQuery(context.schemas, request.operation, shape, items, request.query);
}

/** Returns the 2xx response of the operation with a body. */
export function ok(request: ParsedRequest, body: unknown): StatefulResponse {
  return { status: request.operation.success.status, body };
}

function listShapeOf(context: EngineContext, operation: Operation): ListShape {
  const shape = context.listShapes.get(operation.operationId);
  if (shape === undefined) throw new Error(`${operation.operationId} is not a list operation.`);
  return shape;
}

function collectionOf(operation: Operation): Collection {
  if (operation.collection === undefined) {
    throw new Error(`${operation.operationId} acts on no collection, so it needs its own handler.`);
  }
  return operation.collection;
}

function recordsOf(
  context: EngineContext,
  request: ParsedRequest,
  collection: Collection,
): RecordList {
  const parent = collection.parent;
  if (parent !== undefined && parent.field === undefined) {
    throw new Error(
      `${collection.path} is not embedded in its parent, so ${request.operation.operationId} ` +
        'needs its own handler.',
    );
  }
  return context.store.records(collection, parent && request.pathParams[parent.parameter]);
}

function itemKey(request: ParsedRequest, collection: Collection): RecordKey {
  const key = request.pathParams[collection.itemParameter ?? ''];
  if (key === undefined) {
    throw new Error(`${request.operation.operationId} has no ${collection.itemParameter} value.`);
  }
  return key;
}
