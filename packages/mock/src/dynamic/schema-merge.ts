/** A JSON Schema 2020-12 schema, the dialect of OpenAPI 3.1: an object, or true or false. */
export type JsonSchema = boolean | Record<string, unknown>;

/** The value types of JSON Schema's `type` keyword. */
export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** Schema that dynamic mode cannot generate a value for, with the location and the reason. */
export class SchemaGenerationError extends Error {
  override readonly name = 'SchemaGenerationError';

  /**
   * @param reason what is wrong with the schema
   * @param location where in the body, such as `body.items[0].npi`, once known
   */
  constructor(
    reason: string,
    readonly location?: string,
  ) {
    super(location === undefined ? reason : `Cannot generate ${location}: ${reason}`);
  }
}

/**
 * The constraints of several schemas that a value must satisfy together, as after `allOf`,
 * `$ref` and a chosen `oneOf` or `anyOf` branch have been applied.
 */
export interface MergedSchema {
  /** Allowed types, or undefined when any type is allowed. */
  types: Set<JsonType> | undefined;
  /** Allowed values from `enum` and `const`, or undefined when any value is allowed. */
  values: unknown[] | undefined;
  /** Subschemas of each property, in the order the schemas define them. */
  properties: Map<string, JsonSchema[]>;
  required: Set<string>;
  /** Schemas for properties not in `properties`, from `additionalProperties`. */
  additionalProperties: JsonSchema[];
  /** Whether properties beyond `properties` are forbidden. */
  closed: boolean;
  dependentRequired: Map<string, Set<string>>;
  minProperties: number;
  maxProperties: number;
  items: JsonSchema[];
  minItems: number;
  maxItems: number;
  uniqueItems: boolean;
  /** Inclusive lower bound, with `exclusive` set when the bound itself is excluded. */
  minimum: { value: number; exclusive: boolean } | undefined;
  maximum: { value: number; exclusive: boolean } | undefined;
  multipleOf: number[];
  minLength: number;
  maxLength: number;
  patterns: string[];
  format: string | undefined;
  writeOnly: boolean;
  /** Values from `examples`, `example` and `default`, returned half of the time when one fits. */
  examples: unknown[];
}

const JSON_TYPES = new Set<string>([
  'object',
  'array',
  'string',
  'integer',
  'number',
  'boolean',
  'null',
]);

// Assertion keywords whose rules the generator does not apply. A schema using one is rejected,
// because a value generated without the rule could break it. Annotations are ignored.
const UNSUPPORTED_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'contains',
  'minContains',
  'maxContains',
  'patternProperties',
  'propertyNames',
  'dependentSchemas',
  'dependencies',
  'prefixItems',
  'unevaluatedItems',
  '$dynamicRef',
  '$recursiveRef',
];

/** Combines gathered schemas into the constraints a value must meet. */
export function mergeSchemas(nodes: readonly Record<string, unknown>[]): MergedSchema {
  const merged: MergedSchema = {
    types: undefined,
    values: undefined,
    properties: new Map(),
    required: new Set(),
    additionalProperties: [],
    closed: false,
    dependentRequired: new Map(),
    minProperties: 0,
    maxProperties: Infinity,
    items: [],
    minItems: 0,
    maxItems: Infinity,
    uniqueItems: false,
    minimum: undefined,
    maximum: undefined,
    multipleOf: [],
    minLength: 0,
    maxLength: Infinity,
    patterns: [],
    format: undefined,
    writeOnly: false,
    examples: [],
  };
  for (const node of nodes) {
    rejectUnsupported(node);
    mergeValueKeywords(merged, node);
    mergeObjectKeywords(merged, node);
    mergeArrayKeywords(merged, node);
    mergeNumberKeywords(merged, node);
    mergeStringKeywords(merged, node);
  }
  return merged;
}

function rejectUnsupported(node: Record<string, unknown>): void {
  const keyword = UNSUPPORTED_KEYWORDS.find((name) => name in node);
  if (keyword !== undefined) {
    throw new SchemaGenerationError(
      `the schema uses "${keyword}", which dynamic mode does not support.`,
    );
  }
  if (Array.isArray(node.items)) {
    throw new SchemaGenerationError(
      'the schema gives "items" as an array (draft-04 tuple form), which dynamic mode does not support.',
    );
  }
}

function mergeValueKeywords(merged: MergedSchema, node: Record<string, unknown>): void {
  if (node.type !== undefined) {
    const listed = Array.isArray(node.type) ? node.type : [node.type];
    const types = new Set(
      listed.filter((type): type is JsonType => JSON_TYPES.has(type as string)),
    );
    merged.types = merged.types === undefined ? types : intersectTypes(merged.types, types);
  }
  if ('const' in node) {
    merged.values = intersectValues(merged.values, [node.const]);
  }
  if (Array.isArray(node.enum)) {
    merged.values = intersectValues(merged.values, node.enum);
  }
  if (Array.isArray(node.examples)) {
    merged.examples.push(...(node.examples as unknown[]));
  }
  for (const keyword of ['example', 'default']) {
    if (keyword in node) merged.examples.push(node[keyword]);
  }
  merged.writeOnly ||= node.writeOnly === true;
}

// `integer` is a subset of `number`, so `number` in one schema and `integer` in another leave
// only integers.
function intersectTypes(left: Set<JsonType>, right: Set<JsonType>): Set<JsonType> {
  const result = new Set<JsonType>();
  for (const type of left) {
    if (right.has(type)) result.add(type);
    else if (type === 'integer' && right.has('number')) result.add('integer');
    else if (type === 'number' && right.has('integer')) result.add('integer');
  }
  return result;
}

function intersectValues(current: unknown[] | undefined, next: unknown[]): unknown[] {
  if (current === undefined) {
    return [...next];
  }
  const allowed = new Set(next.map(canonicalJson));
  return current.filter((value) => allowed.has(canonicalJson(value)));
}

function mergeObjectKeywords(merged: MergedSchema, node: Record<string, unknown>): void {
  if (isRecord(node.properties)) {
    for (const [name, schema] of Object.entries(node.properties)) {
      const list = merged.properties.get(name) ?? [];
      list.push(schema as JsonSchema);
      merged.properties.set(name, list);
    }
  }
  if (Array.isArray(node.required)) {
    for (const name of node.required) merged.required.add(String(name));
  }
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    const value = node[keyword];
    if (value === false) merged.closed = true;
    else if (isRecord(value) && keyword === 'additionalProperties')
      merged.additionalProperties.push(value);
  }
  if (isRecord(node.dependentRequired)) {
    for (const [trigger, dependents] of Object.entries(node.dependentRequired)) {
      const set = merged.dependentRequired.get(trigger) ?? new Set<string>();
      for (const name of dependents as unknown[]) set.add(String(name));
      merged.dependentRequired.set(trigger, set);
    }
  }
  if (typeof node.minProperties === 'number')
    merged.minProperties = Math.max(merged.minProperties, node.minProperties);
  if (typeof node.maxProperties === 'number')
    merged.maxProperties = Math.min(merged.maxProperties, node.maxProperties);
}

function mergeArrayKeywords(merged: MergedSchema, node: Record<string, unknown>): void {
  if (node.items !== undefined) merged.items.push(node.items as JsonSchema);
  if (typeof node.minItems === 'number') merged.minItems = Math.max(merged.minItems, node.minItems);
  if (typeof node.maxItems === 'number') merged.maxItems = Math.min(merged.maxItems, node.maxItems);
  merged.uniqueItems ||= node.uniqueItems === true;
}

function mergeNumberKeywords(merged: MergedSchema, node: Record<string, unknown>): void {
  for (const bound of boundsOf(node.minimum, node.exclusiveMinimum)) {
    merged.minimum = stricterBound(merged.minimum, bound, 1);
  }
  for (const bound of boundsOf(node.maximum, node.exclusiveMaximum)) {
    merged.maximum = stricterBound(merged.maximum, bound, -1);
  }
  if (typeof node.multipleOf === 'number' && node.multipleOf > 0) {
    merged.multipleOf.push(node.multipleOf);
  }
}

type Bound = NonNullable<MergedSchema['minimum']>;

// OpenAPI 3.0 documents write exclusiveMinimum as a boolean beside minimum, and 3.1 documents
// as a number of its own. Both forms are read.
function boundsOf(inclusive: unknown, exclusive: unknown): Bound[] {
  const bounds: Bound[] = [];
  if (typeof inclusive === 'number') {
    bounds.push({ value: inclusive, exclusive: exclusive === true });
  }
  if (typeof exclusive === 'number') {
    bounds.push({ value: exclusive, exclusive: true });
  }
  return bounds;
}

// `direction` is 1 for a lower bound, where the larger value is stricter, and -1 for an upper one.
function stricterBound(current: Bound | undefined, bound: Bound, direction: 1 | -1): Bound {
  if (current === undefined || direction * (bound.value - current.value) > 0) {
    return bound;
  }
  return bound.value === current.value && bound.exclusive ? bound : current;
}

function mergeStringKeywords(merged: MergedSchema, node: Record<string, unknown>): void {
  if (typeof node.minLength === 'number')
    merged.minLength = Math.max(merged.minLength, node.minLength);
  if (typeof node.maxLength === 'number')
    merged.maxLength = Math.min(merged.maxLength, node.maxLength);
  if (typeof node.pattern === 'string') merged.patterns.push(node.pattern);
  if (typeof node.format === 'string') merged.format ??= node.format;
}

/** Serialises a JSON value with sorted object keys, so that equal values compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
