import type { Operation } from './catalog.js';
import type { ListFilter } from './filters.js';
import type { JsonObject, SchemaObject } from './openapi.js';
import type { SchemaReader } from './schema.js';

/** How to read the items of one list: their id, their schema and the filters it takes. */
export interface ListShape {
  idField: string;
  itemSchema: SchemaObject;
  filters: ListFilter[];
}

/** One page of a list response, as `ListEnvelope` defines it. */
export interface ListPage {
  items: JsonObject[];
  totalCount: number;
}

type Comparator = (left: JsonObject, right: JsonObject) => number;

// Text sorts ignoring case, as a case-insensitive database collation does, and with numbers
// inside text in numeric order.
const collator = new Intl.Collator('en', { sensitivity: 'accent', numeric: true });

/**
 * Applies a list operation's query to the stored items, in the order the API documents:
 * filters (all must match), then `sort[]`, then `totalCount`, then `page` and `limit` (unless
 * `ignorePagination` is true), then `fields[]`.
 */
export function applyListQuery(
  schemas: SchemaReader,
  operation: Operation,
  shape: ListShape,
  records: readonly JsonObject[],
  query: Record<string, unknown>,
): ListPage {
  const matching = records.filter((item) =>
    shape.filters.every(
      (filter) =>
        query[filter.parameter] === undefined || filter.matches(item, query[filter.parameter]),
    ),
  );
  const sorted = matching.sort(orderBy(schemas, shape, query['sort[]'] as string[] | undefined));

  let page = sorted;
  if (query.ignorePagination !== true) {
    const pageNumber = numberOr(query.page, defaultOf(schemas, operation, 'page', 1));
    const limit = numberOr(query.limit, defaultOf(schemas, operation, 'limit', 25));
    page = sorted.slice((pageNumber - 1) * limit, pageNumber * limit);
  }
  const fields = query['fields[]'] as string[] | undefined;
  return {
    items: page.map((item) => restrictFields(schemas, shape, item, fields)),
    totalCount: sorted.length,
  };
}

/**
 * Builds the comparator for `sort[]` values such as `lastName:ASC`, applied in the order sent.
 * Ties end with the numeric id ascending, which is also the order without `sort[]`. A missing
 * value sorts after every present one in ascending order and before them in descending order.
 */
function orderBy(
  schemas: SchemaReader,
  shape: ListShape,
  sort: readonly string[] | undefined,
): Comparator {
  const properties = schemas.properties(shape.itemSchema);
  const keys = (sort ?? []).map((value) => {
    const separator = value.lastIndexOf(':');
    const field = value.slice(0, separator);
    const descending = value.slice(separator + 1).toUpperCase() === 'DESC';
    const schema = properties.get(field)?.schema;
    return { field, sign: descending ? -1 : 1, compare: comparatorFor(schemas, schema) };
  });
  return (left, right) => {
    for (const key of keys) {
      const order = compareMissingLast(left[key.field], right[key.field], key.compare);
      if (order !== 0) return order * key.sign;
    }
    const leftId = left[shape.idField];
    const rightId = right[shape.idField];
    return typeof leftId === 'number' && typeof rightId === 'number' ? leftId - rightId : 0;
  };
}

function compareMissingLast(
  left: unknown,
  right: unknown,
  compare: (left: unknown, right: unknown) => number,
): number {
  const leftMissing = left === undefined || left === null;
  const rightMissing = right === undefined || right === null;
  if (leftMissing || rightMissing) return Number(leftMissing) - Number(rightMissing);
  return compare(left, right);
}

function comparatorFor(
  schemas: SchemaReader,
  schema: SchemaObject | undefined,
): (left: unknown, right: unknown) => number {
  const type = schemas.typeOf(schema);
  if (schemas.keyword(schema, 'format') === 'date-time') {
    // Offsets differ between values, so moments compare by time, not as text.
    return (left, right) => Date.parse(String(left)) - Date.parse(String(right));
  }
  if (type === 'integer' || type === 'number' || type === 'boolean') {
    return (left, right) => Number(left) - Number(right);
  }
  return (left, right) => collator.compare(String(left), String(right));
}

/**
 * Keeps the fields named in `fields[]`, the id, and the fields that the item schema requires,
 * also where a kept field requires them (`dependentRequired`: a location's `city` needs `state`).
 */
function restrictFields(
  schemas: SchemaReader,
  shape: ListShape,
  item: JsonObject,
  fields: readonly string[] | undefined,
): JsonObject {
  if (fields === undefined) return item;
  // NOTE: the spec states that only the id comes back besides fields[], but ContactEmail requires
  // emailAddress and ContactPhone requires phone, so those stay to keep each item valid.
  const keptFields = new Set([...fields, shape.idField, ...schemas.required(shape.itemSchema)]);
  const rules = schemas.dependentRequired(shape.itemSchema);
  for (let added = true; added;) {
    added = false;
    for (const [name, needs] of rules) {
      if (!keptFields.has(name)) continue;
      for (const need of needs.filter((field) => !keptFields.has(field))) {
        keptFields.add(need);
        added = true;
      }
    }
  }
  return Object.fromEntries(Object.entries(item).filter(([name]) => keptFields.has(name)));
}

function defaultOf(
  schemas: SchemaReader,
  operation: Operation,
  name: string,
  fallback: number,
): number {
  const value = schemas.keyword(operation.parameters.get(name)?.schema, 'default');
  return typeof value === 'number' ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}
