import type { Operation } from './catalog.js';
import type { JsonObject, SchemaObject } from './openapi.js';
import type { SchemaReader } from './schema.js';

/** One list filter: the query parameter and the test an item must pass for its value. */
export interface ListFilter {
  parameter: string;
  matches(item: JsonObject, value: unknown): boolean;
}

/** Query parameters that every list takes and that `applyListQuery` reads. */
export const LIST_CONTROLS = new Set(['fields[]', 'sort[]', 'page', 'limit', 'ignorePagination']);

/**
 * Derives the filters of a list operation from its query parameters and its item schema:
 *
 * - `startDate` and `endDate` bound the UTC date of `actionDate`, both ends included;
 * - a parameter named like an item property matches it exactly (`isArchived`, `type`,
 *   `tacticId`, `fromLineId`, `isActive`), an absent boolean counting as false;
 * - `<name>Id` matches the `id` of the item's `<name>` reference (`campaignId`, `bannerId`);
 * - `<name>[]` matches when the `id` of the item's `<name>` is one of the values sent
 *   (`actionCode[]`, `source[]`).
 *
 * Throws for any other parameter, so a filter added to the spec is modelled before it is served.
 */
export function deriveFilters(
  operation: Operation,
  itemSchema: SchemaObject,
  schemas: SchemaReader,
  handledElsewhere: ReadonlySet<string> = new Set(),
): ListFilter[] {
  const properties = schemas.properties(itemSchema);
  const filters: ListFilter[] = [];
  for (const parameter of operation.parameters.values()) {
    const name = parameter.name;
    if (parameter.in !== 'query' || LIST_CONTROLS.has(name) || handledElsewhere.has(name)) continue;
    const matches = deriveMatcher(name, properties);
    if (matches === undefined) {
      throw new Error(
        `The stateful engine cannot model the filter ${name} of ${operation.operationId}: the ` +
          'items have no property that it could match. Name the parameter after an item ' +
          'property, or teach deriveFilters the new rule.',
      );
    }
    filters.push({ parameter: name, matches });
  }
  return filters;
}

function deriveMatcher(
  name: string,
  properties: ReadonlyMap<string, unknown>,
): ListFilter['matches'] | undefined {
  if ((name === 'startDate' || name === 'endDate') && properties.has('actionDate')) {
    return (item, value) => {
      const date = utcDate(item.actionDate);
      if (date === undefined) return false;
      return name === 'startDate' ? date >= String(value) : date <= String(value);
    };
  }
  if (properties.has(name)) {
    return (item, value) =>
      (item[name] ?? (typeof value === 'boolean' ? false : undefined)) === value;
  }
  const reference = name.replace(/Id$/, '');
  if (name.endsWith('Id') && properties.has(reference)) {
    return (item, value) => referenceId(item[reference]) === value;
  }
  const listed = name.replace(/\[\]$/, '');
  if (name.endsWith('[]') && properties.has(listed)) {
    return (item, value) => (value as unknown[]).includes(referenceId(item[listed]));
  }
  return undefined;
}

function referenceId(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as JsonObject).id : value;
}

/** Returns the UTC calendar date (`2026-06-09`) of a date-time with any offset. */
function utcDate(value: unknown): string | undefined {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
