// A merged view of a JSON Schema: the keywords the comparison reads, collected from the schema
// and from everything it combines through $ref and allOf, each with the pointer where it was
// found in the document.
import { isReference, resolveRefOnce } from './load.mjs';
import { appendPointer } from './pointer.mjs';
import { intersectTypes } from './type-sets.mjs';

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];
// Keywords that may sit beside a `$ref` without changing what the schema allows.
const annotations = new Set(['description', 'summary', 'title', 'example', 'examples', '$comment']);
// Views by spec, then by parts key.
const cachedViews = new WeakMap();

/**
 * One schema node and its pointer. `withoutUnion` leaves out the node's oneOf and anyOf, and
 * those of everything it combines, so a union branch can be viewed together with the keywords
 * of the schema around it.
 * @typedef {{ schema: unknown, pointer: string, withoutUnion?: boolean }} SchemaPart
 */

/**
 * Merges schema parts, which apply together as allOf branches do, into one view:
 * - `types`: the allowed JSON types as a Set (`integer` is kept apart from `number`), or null
 *   when any type is allowed. OpenAPI 3.0's `nullable: true` adds `null`. A `false` schema
 *   allows none.
 * - `enumValues`: `[{ value, pointer }]` from `enum` or `const`, or undefined when any value is
 *   allowed.
 * - `properties`: each property name with its parts, and `required`: each required name with
 *   the pointer of its entry in a `required` array.
 * - `items` and `additionalProperties`: parts, empty when absent.
 * - `union`: the first oneOf or anyOf found, with its branches and discriminator mapping.
 * - `readOnly`, `writeOnly`, `format`, `pattern`, and `bounds` (minimum, maxLength and the like,
 *   keeping the strictest value when several parts set one).
 */
export function viewSchema(spec, parts) {
  // Views are computed once per spec and parts, because the same component schemas recur in
  // every operation that uses them.
  const cache = cachedViews.get(spec) ?? new Map();
  cachedViews.set(spec, cache);
  const key = partsKey(parts);
  if (!cache.has(key)) cache.set(key, buildView(spec, parts));
  return cache.get(key);
}

/**
 * Replaces each part that is only a `$ref`, with at most annotations beside it, by the schema
 * it names, so that every use of a component schema has the same parts.
 */
export function followReferenceParts(spec, parts) {
  return parts.map((part) => {
    let current = part;
    // The bound ends a cycle of references, which mergePart then skips when it merges the part.
    for (let step = 0; step < 100 && isPlainReference(current.schema); step++) {
      const target = resolveRefOnce(spec, current.schema.$ref, current.pointer);
      current = { schema: target.node, pointer: target.pointer, withoutUnion: part.withoutUnion };
    }
    return current;
  });
}

function isPlainReference(schema) {
  return (
    isReference(schema) &&
    Object.keys(schema).every((keyword) => keyword === '$ref' || annotations.has(keyword))
  );
}

/** Returns a string that identifies a list of parts by their pointers and union flags. */
export function partsKey(parts) {
  return parts.map(({ pointer, withoutUnion }) => `${withoutUnion ? '!' : ''}${pointer}`).join(',');
}

function buildView(spec, parts) {
  const view = {
    parts,
    pointer: parts[0]?.pointer,
    types: null,
    typePointer: undefined,
    format: undefined,
    formatPointer: undefined,
    enumValues: undefined,
    enumPointer: undefined,
    properties: new Map(),
    required: new Map(),
    items: [],
    additionalProperties: [],
    union: undefined,
    readOnly: false,
    writeOnly: false,
    bounds: new Map(),
    pattern: undefined,
  };
  const expanding = new Set();
  for (const part of parts) mergePart(spec, view, part, expanding);
  return view;
}

/** Returns each branch of the view's union as parts: the surrounding schema, then the branch. */
export function unionBranchParts(view) {
  const surrounding = view.parts.map((part) => ({ ...part, withoutUnion: true }));
  return view.union.branches.map((branch) => [...surrounding, branch]);
}

function mergePart(spec, view, part, expanding) {
  const { schema, pointer, withoutUnion = false } = part;
  // A schema that combines itself through allOf or $ref adds nothing on the second visit,
  // and skipping it ends the cycle.
  const key = `${withoutUnion}:${pointer}`;
  if (expanding.has(key)) return;
  expanding.add(key);

  if (schema === false) {
    view.types = new Set();
    view.typePointer ??= pointer;
  } else if (schema !== null && typeof schema === 'object') {
    if (isReference(schema)) {
      const target = resolveRefOnce(spec, schema.$ref, pointer);
      mergePart(spec, view, { ...target, schema: target.node, withoutUnion }, expanding);
    }
    mergeKeywords(view, schema, pointer, withoutUnion);
    (schema.allOf ?? []).forEach((branch, index) => {
      const branchPointer = appendPointer(pointer, 'allOf', index);
      mergePart(spec, view, { schema: branch, pointer: branchPointer, withoutUnion }, expanding);
    });
  }

  expanding.delete(key);
}

function mergeKeywords(view, schema, pointer, withoutUnion) {
  mergeType(view, schema, pointer);
  mergeEnum(view, schema, pointer);
  if (typeof schema.format === 'string' && view.format === undefined) {
    view.format = schema.format;
    view.formatPointer = appendPointer(pointer, 'format');
  }
  if (schema.readOnly === true) view.readOnly = true;
  if (schema.writeOnly === true) view.writeOnly = true;
  mergeBounds(view, schema, pointer);

  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    addPart(view.properties, name, {
      schema: property,
      pointer: appendPointer(pointer, 'properties', name),
    });
  }
  if (Array.isArray(schema.required)) {
    schema.required.forEach((name, index) => {
      if (!view.required.has(name))
        view.required.set(name, appendPointer(pointer, 'required', index));
    });
  }
  // An array `items` is the tuple form of older drafts, which OpenAPI 3.1 replaced by
  // prefixItems. Neither is compared.
  if (isSchema(schema.items)) {
    view.items.push({ schema: schema.items, pointer: appendPointer(pointer, 'items') });
  }
  if (isSchema(schema.additionalProperties)) {
    view.additionalProperties.push({
      schema: schema.additionalProperties,
      pointer: appendPointer(pointer, 'additionalProperties'),
    });
  }
  if (!withoutUnion) mergeUnion(view, schema, pointer);
}

function mergeType(view, schema, pointer) {
  if (schema.type === undefined) return;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.nullable === true) types.add('null');
  view.types = intersectTypes(view.types, types);
  view.typePointer ??= appendPointer(pointer, 'type');
}

function mergeEnum(view, schema, pointer) {
  let values;
  if (Object.hasOwn(schema, 'const')) {
    values = [{ value: schema.const, pointer: appendPointer(pointer, 'const') }];
  } else if (Array.isArray(schema.enum)) {
    values = schema.enum.map((value, index) => ({
      value,
      pointer: appendPointer(pointer, 'enum', index),
    }));
  } else {
    return;
  }

  if (view.enumValues === undefined) {
    view.enumValues = values;
    view.enumPointer = appendPointer(pointer, Object.hasOwn(schema, 'const') ? 'const' : 'enum');
    return;
  }
  // Two parts that both restrict the values allow only the values they share.
  const allowed = new Set(values.map(({ value }) => enumKey(value)));
  view.enumValues = view.enumValues.filter(({ value }) => allowed.has(enumKey(value)));
}

function mergeBounds(view, schema, pointer) {
  for (const keyword of [...lowerBounds, ...upperBounds]) {
    // OpenAPI 3.0's boolean exclusiveMinimum and exclusiveMaximum are not bounds of their own.
    if (typeof schema[keyword] !== 'number') continue;
    const current = view.bounds.get(keyword);
    const value = schema[keyword];
    const stricter = lowerBounds.includes(keyword)
      ? value > current?.value
      : value < current?.value;
    if (current === undefined || stricter) {
      view.bounds.set(keyword, { value, pointer: appendPointer(pointer, keyword) });
    }
  }
  if (typeof schema.pattern === 'string' && view.pattern === undefined) {
    view.pattern = { value: schema.pattern, pointer: appendPointer(pointer, 'pattern') };
  }
}

function mergeUnion(view, schema, pointer) {
  // NOTE: only the first oneOf or anyOf is kept. A schema that combines two unions through
  // allOf is compared by its first union alone.
  if (view.union !== undefined) return;
  for (const keyword of ['oneOf', 'anyOf']) {
    if (!Array.isArray(schema[keyword])) continue;
    const unionPointer = appendPointer(pointer, keyword);
    view.union = {
      keyword,
      pointer: unionPointer,
      branches: schema[keyword].map((branch, index) => ({
        schema: branch,
        pointer: appendPointer(unionPointer, index),
      })),
      mapping: schema.discriminator?.mapping ?? {},
    };
    return;
  }
}

/** Returns a key under which equal enum values compare equal. */
export function enumKey(value) {
  return JSON.stringify(value);
}

/** Returns whether the view allows no value at all, as a `false` schema does. */
export function allowsNothing(view) {
  return view.types !== null && view.types.size === 0;
}

function addPart(map, name, part) {
  const parts = map.get(name) ?? [];
  if (!parts.some(({ pointer }) => pointer === part.pointer)) parts.push(part);
  map.set(name, parts);
}

function isSchema(value) {
  return (
    typeof value === 'boolean' ||
    (value !== null && typeof value === 'object' && !Array.isArray(value))
  );
}
