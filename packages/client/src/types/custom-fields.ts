import type { components } from '../generated/openapi.js';

/** The spec's `CustomFields` schema: an open record of strings, numbers, booleans and nulls. */
export type DefaultCustomFields = components['schemas']['CustomFields'];

/** A value that a custom field can hold, as the spec's `CustomFields` schema allows. */
export type CustomFieldValue = DefaultCustomFields[string];

/**
 * Shape that a caller's custom fields type must have: named fields whose values are custom
 * field values. Interfaces satisfy it as well as type literals.
 */
export type CustomFieldsShape<Fields> = { [K in keyof Fields]: CustomFieldValue | undefined };

// Identity, not mutual assignability: an object type whose fields are all optional and the open
// record are assignable to each other, yet only the record is the spec's schema.
type IsExactly<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The string index check first skips, cheaply, every object with named properties only.
type IsCustomFieldsSchema<T> = string extends keyof T ? IsExactly<T, DefaultCustomFields> : false;

type ReplaceCustomFields<T, Fields> = T extends object
  ? IsCustomFieldsSchema<T> extends true
    ? Fields
    : T extends readonly (infer Element)[]
      ? ReplaceCustomFields<Element, Fields>[]
      : { [K in keyof T]: ReplaceCustomFields<T[K], Fields> }
  : T;

/**
 * `T` with every occurrence of the spec's `CustomFields` schema replaced by `Fields`. With the
 * default `Fields` it returns `T` untouched, so clients without a custom type pay no
 * type-checking cost.
 */
export type WithCustomFields<T, Fields> =
  IsExactly<Fields, DefaultCustomFields> extends true ? T : ReplaceCustomFields<T, Fields>;
