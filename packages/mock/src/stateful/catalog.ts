import type { OpenApiReader, OperationInfo, SchemaObject } from './openapi.js';
import type { SchemaReader } from './schema.js';

/** Effect of an operation on its collection, read from its method, path and responses. */
export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'archive' | 'other';

/**
 * A collection of resources: a path whose GET returns a list envelope. Its item path is the
 * same path with one more parameter, such as `/contacts/{id}` for `/contacts`.
 */
export interface Collection {
  path: string;
  itemPath: string | undefined;
  /** Name of the item path's last parameter, such as `id` or `uuid`. */
  itemParameter: string | undefined;
  /** Property that identifies an item: `uuid` for forms, `id` for every other resource. */
  idField: string;
  /** Response schema of one item, as a `$ref` where the spec gives one. */
  itemSchema: SchemaObject;
  /** Lower-case words for messages, from the item schema's name: `contact email`. */
  label: string;
  /** The resource that owns each item, for paths such as `/contacts/{contactId}/emails`. */
  parent: ParentLink | undefined;
}

/** Link from a nested collection to its parent resource. */
export interface ParentLink {
  collection: Collection;
  /** Path parameter that names the parent, such as `contactId`. */
  parameter: string;
  /** Array property of the parent that contains the items, such as `emails`, if the parent embeds them. */
  field: string | undefined;
}

/** An operation with its kind and the collection it acts on. */
export interface Operation extends OperationInfo {
  kind: OperationKind;
  collection: Collection | undefined;
}

/** Every operation and collection of the document, derived from its paths and schemas. */
export class Catalog {
  constructor(
    readonly operations: ReadonlyMap<string, Operation>,
    readonly collections: ReadonlyMap<string, Collection>,
  ) {}

  /** Returns the collection at a path template, or throws naming the path. */
  collection(path: string): Collection {
    const collection = this.collections.get(path);
    if (collection === undefined) {
      throw new Error(
        `The document has no list operation at ${path}, which the stateful engine models. ` +
          'Check the path in spec/paths/, or update the engine to the new path.',
      );
    }
    return collection;
  }

  /** Returns the operation with an operationId, or throws naming it. */
  operation(operationId: string): Operation {
    const operation = this.operations.get(operationId);
    if (operation === undefined) {
      throw new Error(
        `The document has no operation ${operationId}. The server and the stateful engine ` +
          'must be given the same document.',
      );
    }
    return operation;
  }
}

/** Derives the catalog: collections from list responses, then each operation's kind. */
export function buildCatalog(reader: OpenApiReader, schemas: SchemaReader): Catalog {
  const infos = reader.operations();
  const collections = new Map<string, Collection>();
  for (const info of infos) {
    const itemSchema = listItemSchema(info, schemas);
    if (itemSchema !== undefined) {
      collections.set(info.path, describeCollection(info.path, itemSchema, infos, schemas));
    }
  }
  for (const collection of collections.values()) {
    collection.parent = findParent(collection, collections, schemas);
  }

  const operations = new Map<string, Operation>();
  for (const info of infos) {
    operations.set(info.operationId, { ...info, ...classify(info, collections) });
  }
  return new Catalog(operations, collections);
}

function listItemSchema(info: OperationInfo, schemas: SchemaReader): SchemaObject | undefined {
  const schema = info.success.schema;
  if (info.method !== 'GET' || schema === undefined) return undefined;
  const properties = schemas.properties(schema);
  const items = properties.get('items');
  if (items === undefined || !properties.has('totalCount')) return undefined;
  return schemas.itemsOf(items.schema);
}

function describeCollection(
  path: string,
  itemSchema: SchemaObject,
  infos: OperationInfo[],
  schemas: SchemaReader,
): Collection {
  const itemPath = infos.find(
    (info) => templateOf(info.path) === `${templateOf(path)}/{}` && info.path.startsWith(path),
  )?.path;
  const itemParameter = itemPath === undefined ? undefined : lastParameter(itemPath);
  const declares = itemParameter !== undefined && schemas.properties(itemSchema).has(itemParameter);
  const name = schemas.componentName(itemSchema) ?? path;
  return {
    path,
    itemPath,
    itemParameter,
    idField: declares ? itemParameter : 'id',
    itemSchema,
    label: name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(),
    parent: undefined,
  };
}

function findParent(
  collection: Collection,
  collections: Map<string, Collection>,
  schemas: SchemaReader,
): ParentLink | undefined {
  const segments = collection.path.split('/');
  const index = segments.findLastIndex((segment) => segment.startsWith('{'));
  if (index < 0) return undefined;
  const parentItemPath = templateOf(segments.slice(0, index + 1).join('/'));
  const parent = [...collections.values()].find(
    (candidate) =>
      candidate.itemPath !== undefined && templateOf(candidate.itemPath) === parentItemPath,
  );
  if (parent === undefined) return undefined;

  // The parent embeds the items when one of its array properties has the same item schema.
  const itemTarget = schemas.resolve(collection.itemSchema);
  const field = [...schemas.properties(parent.itemSchema)].find(([, property]) => {
    const items = schemas.itemsOf(property.schema);
    return items !== undefined && schemas.resolve(items) === itemTarget;
  })?.[0];
  return { collection: parent, parameter: (segments[index] ?? '').slice(1, -1), field };
}

function classify(
  info: OperationInfo,
  collections: Map<string, Collection>,
): Pick<Operation, 'kind' | 'collection'> {
  const template = templateOf(info.path);
  for (const collection of collections.values()) {
    const item = collection.itemPath === undefined ? undefined : templateOf(collection.itemPath);
    if (info.path === collection.path) {
      if (info.method === 'GET') return { kind: 'list', collection };
      if (info.method === 'POST' && info.success.status === 201)
        return { kind: 'create', collection };
    } else if (template === item) {
      if (info.method === 'GET') return { kind: 'get', collection };
      if (info.method === 'PUT') return { kind: 'update', collection };
      if (info.method === 'DELETE') return { kind: 'delete', collection };
    } else if (template === `${item}/archive` && info.method === 'POST') {
      return { kind: 'archive', collection };
    }
  }
  return { kind: 'other', collection: undefined };
}

/** Returns a path template with every parameter name blanked: `/contacts/{}/emails`. */
export function templateOf(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

function lastParameter(path: string): string {
  return (path.split('/').pop() ?? '').slice(1, -1);
}
