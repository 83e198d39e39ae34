// Types for the API's list conventions: `fields[]` picks the fields of each item, and `sort[]`
// takes `field:ASC` or `field:DESC` for a field that `fields[]` could name.

/** Values of an operation's `fields[]` query parameter, or `never` when it has none. */
export type FieldOf<Query> = Query extends { 'fields[]'?: infer Fields }
  ? NonNullable<Fields> extends readonly (infer Field)[]
    ? string extends Field
      ? never
      : Field & string
    : never
  : never;

/** Sort directions the API accepts; it reads them case-insensitively. */
export type SortDirection = 'ASC' | 'DESC' | 'asc' | 'desc';

/** One `sort[]` value: a field and a direction, such as `lastName:ASC`. */
export type SortValue<Field extends string> = `${Field}:${SortDirection}`;

/** Item type of a list body (`items: Item[]`), or the body itself for a single resource. */
export type ItemOf<Body> = Body extends { items: readonly (infer Item)[] } ? Item : Body;

/**
 * Fields that can be sorted on: those whose value is a string, number or boolean. Arrays and
 * objects, such as `emails` or `customFields`, have no order.
 */
export type SortableField<Field extends string, Item> = Field extends keyof Item
  ? NonNullable<Item[Field]> extends string | number | boolean
    ? Field
    : never
  : Field;

/** The field every item carries whatever `fields[]` requests: `id`, or `uuid` for forms. */
export type IdField<Item> = 'id' extends keyof Item
  ? 'id'
  : 'uuid' extends keyof Item
    ? 'uuid'
    : never;

/**
 * Query parameters with `fields[]` typed by the requested fields `Requested`, `sort[]` typed
 * from the operation's own `fields[]` values, and the `Omitted` parameters left out. A query
 * without `fields[]` keeps its types.
 */
export type ListQuery<Query, Requested extends string, Item, Omitted extends string = never> = [
  FieldOf<Query>,
] extends [never]
  ? [Omitted] extends [never]
    ? Query
    : { [K in keyof Query as K extends Omitted ? never : K]: Query[K] }
  : {
      [K in keyof Query as K extends Omitted ? never : K]: K extends 'fields[]'
        ? readonly Requested[]
        : K extends 'sort[]'
          ? readonly SortValue<SortableField<FieldOf<Query>, Item>>[]
          : Query[K];
    };

/** An item narrowed to the requested fields plus its id field. */
export type PickFields<Item, Requested extends string> = Item extends object
  ? Pick<Item, Extract<Requested | IdField<Item>, keyof Item>>
  : Item;

/**
 * A response body narrowed to the requested fields: each of `items` for a list, or the body
 * itself for a single resource. Unchanged when `fields[]` was not given.
 */
export type NarrowToFields<Body, Requested extends string> = [Requested] extends [never]
  ? Body
  : Body extends { items: readonly (infer Item)[] }
    ? { [K in keyof Body]: K extends 'items' ? PickFields<Item, Requested>[] : Body[K] }
    : PickFields<Body, Requested>;
