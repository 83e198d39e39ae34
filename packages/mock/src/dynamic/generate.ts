import type { Random } from './random.js';
import { generateNumber, generateString } from './scalars.js';
import { collectSchemas, type RefResolver } from './schema-collect.js';
import {
  canonicalJson,
  mergeSchemas,
  SchemaGenerationError,
  type JsonSchema,
  type JsonType,
  type MergedSchema,
} from './schema-merge.js';
import { matchesKeywords } from './value-check.js';
import { pickWord } from './words.js';

/** Dependencies of generation besides the schema: `$ref` resolution and the seeded random source. */
export interface GenerationContext {
  resolve: RefResolver;
  random: Random;
}

// Probability that an optional property is included. Below 1, so that clients meet absent fields.
const OPTIONAL_PROPERTY_PROBABILITY = 0.8;
// Probability that a value comes from the schema's examples when one of them fits.
const EXAMPLE_PROBABILITY = 0.5;
// Probability of null where a type list also allows other types.
const NULL_PROBABILITY = 0.1;
// From this depth on, optional properties are skipped and arrays get their minimum length, so
// that recursive schemas stay small.
const SOFT_DEPTH = 5;
// A schema that still nests at this depth requires itself, and no finite value satisfies it.
const MAX_DEPTH = 40;
// Attempts at distinct items or map keys, per item or key needed.
const MAX_ATTEMPTS = 25;
const DEFAULT_MAX_ITEMS_ABOVE_MIN = 2;
const DEFAULT_MAP_ENTRIES = 3;

/**
 * Generates a value that satisfies `schema`, as a response body: `writeOnly` properties are left
 * out. Throws SchemaGenerationError naming the location (such as `body.items[0].npi`) when the
 * schema uses a keyword this generator does not support or allows no value.
 */
export function generateValue(schema: JsonSchema, context: GenerationContext): unknown {
  return generate([schema], context, 'body', 0);
}

function generate(
  schemas: JsonSchema[],
  context: GenerationContext,
  path: string,
  depth: number,
): unknown {
  const merged = withLocation(path, () => resolveSchemas(schemas, context));
  if (merged === undefined) {
    throw locatedError(path, 'the schema is false, so no value is allowed.');
  }
  return generateMerged(merged, context, path, depth);
}

function resolveSchemas(
  schemas: JsonSchema[],
  context: GenerationContext,
): MergedSchema | undefined {
  const nodes = collectSchemas(schemas, context.resolve, context.random);
  return nodes === undefined ? undefined : mergeSchemas(nodes);
}

function generateMerged(
  merged: MergedSchema,
  context: GenerationContext,
  path: string,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) {
    throw locatedError(
      path,
      `the schema nests deeper than ${MAX_DEPTH} levels, so it probably requires itself.`,
    );
  }
  const { random } = context;

  if (merged.values !== undefined) {
    const allowed = merged.values.filter((value) => matchesKeywords(value, merged));
    if (allowed.length === 0) {
      throw locatedError(
        path,
        'no value of "enum" or "const" meets the other keywords of the combined schemas.',
      );
    }
    return structuredClone(random.pick(allowed));
  }

  const examples = usableExamples(merged);
  if (examples.length > 0 && random.chance(EXAMPLE_PROBABILITY)) {
    return structuredClone(random.pick(examples));
  }

  return withLocation(path, () => {
    switch (chooseType(merged, random)) {
      case 'object':
        return generateObject(merged, context, path, depth);
      case 'array':
        return generateArray(merged, context, path, depth);
      case 'string':
        return generateString(merged, random);
      case 'integer':
        return generateNumber(merged, random, true);
      case 'number':
        return generateNumber(merged, random, false);
      case 'boolean':
        return random.chance(0.5);
      case 'null':
        return null;
    }
  });
}

// Only scalar examples are used, because they can be checked against every keyword here.
// Formats are not checked, so examples of a schema with a format are skipped.
function usableExamples(merged: MergedSchema): unknown[] {
  if (merged.format !== undefined) {
    return [];
  }
  return merged.examples.filter(
    (example) =>
      example !== null && typeof example !== 'object' && matchesKeywords(example, merged),
  );
}

function chooseType(merged: MergedSchema, random: Random): JsonType {
  const types = merged.types === undefined ? [inferType(merged)] : [...merged.types];
  if (types.length === 0) {
    throw new SchemaGenerationError(
      'the "type" keywords of the combined schemas have no type in common.',
    );
  }
  const nonNull = types.filter((type) => type !== 'null');
  if (nonNull.length === 0 || (nonNull.length < types.length && random.chance(NULL_PROBABILITY))) {
    return 'null';
  }
  return random.pick(nonNull);
}

// A schema without `type` still implies one through the keywords it uses.
function inferType(merged: MergedSchema): JsonType {
  if (
    merged.properties.size > 0 ||
    merged.required.size > 0 ||
    merged.additionalProperties.length > 0
  ) {
    return 'object';
  }
  if (merged.items.length > 0 || merged.minItems > 0) {
    return 'array';
  }
  if (
    merged.minimum !== undefined ||
    merged.maximum !== undefined ||
    merged.multipleOf.length > 0
  ) {
    return 'number';
  }
  return 'string';
}

function generateObject(
  merged: MergedSchema,
  context: GenerationContext,
  path: string,
  depth: number,
): object {
  if (merged.minProperties > merged.maxProperties) {
    throw new SchemaGenerationError(
      `minProperties ${merged.minProperties} is above maxProperties ${merged.maxProperties}.`,
    );
  }
  const { random } = context;
  const candidates = new Map<string, MergedSchema>();
  for (const [name, schemas] of merged.properties) {
    const property = withLocation(`${path}.${name}`, () => resolveSchemas(schemas, context));
    // A false or writeOnly property never appears in a response, even when it is required:
    // OpenAPI applies `required` on a writeOnly property to requests only.
    if (property !== undefined && !property.writeOnly) {
      candidates.set(name, property);
    } else if (property === undefined && merged.required.has(name)) {
      throw locatedError(`${path}.${name}`, 'the property is required, but its schema is false.');
    }
  }

  const mandatory = new Set<string>();
  for (const name of merged.required) {
    if (merged.properties.has(name)) {
      if (candidates.has(name)) mandatory.add(name);
    } else if (merged.closed) {
      throw new SchemaGenerationError(
        `"${name}" is required, but the object allows no property of that name.`,
      );
    } else {
      mandatory.add(name);
    }
  }
  const chosen = new Set<string>();
  for (const name of candidates.keys()) {
    const optionalAllowed = depth < SOFT_DEPTH && random.chance(OPTIONAL_PROPERTY_PROBABILITY);
    if (mandatory.has(name) || optionalAllowed) chosen.add(name);
  }
  for (const name of mandatory) chosen.add(name);
  addDependents(chosen, mandatory, merged);
  fitPropertyCount(chosen, mandatory, candidates, merged);

  const value: Record<string, unknown> = {};
  for (const name of chosen) {
    const property = candidates.get(name);
    value[name] =
      property === undefined
        ? generate(extraPropertySchemas(merged), context, `${path}.${name}`, depth + 1)
        : generateMerged(property, context, `${path}.${name}`, depth + 1);
  }
  if (merged.properties.size === 0 && !merged.closed && merged.additionalProperties.length > 0) {
    addMapEntries(value, merged, context, path, depth);
  }
  return value;
}

// dependentRequired makes its listed properties required once the trigger is present.
function addDependents(chosen: Set<string>, mandatory: Set<string>, merged: MergedSchema): void {
  let added = true;
  while (added) {
    added = false;
    for (const [trigger, dependents] of merged.dependentRequired) {
      if (!chosen.has(trigger)) continue;
      for (const name of dependents) {
        if (!chosen.has(name)) added = true;
        chosen.add(name);
        mandatory.add(name);
      }
    }
  }
}

function fitPropertyCount(
  chosen: Set<string>,
  mandatory: Set<string>,
  candidates: Map<string, MergedSchema>,
  merged: MergedSchema,
): void {
  for (const name of candidates.keys()) {
    if (chosen.size >= merged.minProperties) break;
    chosen.add(name);
  }
  for (const name of [...chosen].reverse()) {
    if (chosen.size <= merged.maxProperties) break;
    if (!mandatory.has(name)) chosen.delete(name);
  }
  if (chosen.size > merged.maxProperties) {
    throw new SchemaGenerationError(
      `the object needs ${chosen.size} properties, but maxProperties is ${merged.maxProperties}.`,
    );
  }
}

function extraPropertySchemas(merged: MergedSchema): JsonSchema[] {
  return merged.additionalProperties.length > 0 ? merged.additionalProperties : [true];
}

// An object described only by additionalProperties is a map, such as CustomFields.
function addMapEntries(
  value: Record<string, unknown>,
  merged: MergedSchema,
  context: GenerationContext,
  path: string,
  depth: number,
): void {
  const { random } = context;
  const upper = Math.min(merged.maxProperties, Math.max(merged.minProperties, DEFAULT_MAP_ENTRIES));
  const lower = Math.min(upper, Math.max(merged.minProperties, depth < SOFT_DEPTH ? 1 : 0));
  const count = random.integer(lower, upper);
  for (
    let attempt = 0;
    Object.keys(value).length < count && attempt < count * MAX_ATTEMPTS;
    attempt++
  ) {
    const word = pickWord(random);
    const key = `${pickWord(random)}${word[0]?.toUpperCase()}${word.slice(1)}`;
    if (!(key in value)) {
      value[key] = generate(merged.additionalProperties, context, `${path}.${key}`, depth + 1);
    }
  }
}

function generateArray(
  merged: MergedSchema,
  context: GenerationContext,
  path: string,
  depth: number,
): unknown[] {
  const { random } = context;
  if (merged.minItems > merged.maxItems) {
    throw new SchemaGenerationError(
      `minItems ${merged.minItems} is above maxItems ${merged.maxItems}.`,
    );
  }
  const upper = Number.isFinite(merged.maxItems)
    ? merged.maxItems
    : Math.max(merged.minItems, 1) + DEFAULT_MAX_ITEMS_ABOVE_MIN;
  const count =
    depth < SOFT_DEPTH
      ? random.integer(Math.max(merged.minItems, Math.min(1, upper)), upper)
      : merged.minItems;
  const itemSchemas = merged.items.length > 0 ? merged.items : [true];

  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; items.length < count && attempt < count * MAX_ATTEMPTS; attempt++) {
    const item = generate(itemSchemas, context, `${path}[${items.length}]`, depth + 1);
    const key = canonicalJson(item);
    if (!merged.uniqueItems || !seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  if (items.length < merged.minItems) {
    throw new SchemaGenerationError(
      `only ${items.length} distinct items were generated, but uniqueItems and minItems ask for ${merged.minItems}.`,
    );
  }
  return items;
}

// Adds the location to an error raised without one, and keeps the innermost location.
function withLocation<T>(path: string, produce: () => T): T {
  try {
    return produce();
  } catch (error) {
    if (error instanceof SchemaGenerationError && error.location === undefined) {
      throw locatedError(path, error.message);
    }
    throw error;
  }
}

function locatedError(path: string, reason: string): SchemaGenerationError {
  return new SchemaGenerationError(reason, path);
}
