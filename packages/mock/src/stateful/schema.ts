import type { JsonObject, OpenApiReader, SchemaObject } from './openapi.js';

/** A property that a schema declares, merged across `allOf` members and `$ref`s. */
export interface PropertyInfo {
  schema: SchemaObject;
  readOnly: boolean;
  writeOnly: boolean;
}

/**
 * Direction of a value. A value taken from a request drops `readOnly` properties, because only
 * the API sets them. A value sent in a response drops `writeOnly` ones, because the API never
 * returns them.
 */
export type Direction = 'request' | 'response';

type Keyword = keyof SchemaObject;

/** Reads the schemas of one document: properties, keywords and projections of values. */
export class SchemaReader {
  private readonly propertyCache = new WeakMap<object, Map<string, PropertyInfo>>();
  private readonly requiredCache = new WeakMap<object, Set<string>>();
  private readonly componentNames = new Map<object, string>();

  constructor(private readonly reader: OpenApiReader) {
    const components = reader.document.components as { schemas?: JsonObject } | undefined;
    for (const [name, schema] of Object.entries(components?.schemas ?? {})) {
      if (typeof schema === 'object' && schema !== null) this.componentNames.set(schema, name);
    }
  }

  /** Follows `$ref` to the schema it names. */
  resolve(schema: SchemaObject): SchemaObject {
    return this.reader.resolve(schema);
  }

  /**
   * Returns the component name of a schema, such as `Contact`, from its `$ref`. Prism replaces
   * `$ref`s with the component objects themselves when it reads a document, so a schema without
   * `$ref` is looked up among the components too.
   */
  componentName(schema: SchemaObject | undefined): string | undefined {
    if (schema === undefined) return undefined;
    return schema.$ref?.split('/').pop() ?? this.componentNames.get(schema);
  }

  /**
   * Finds a keyword in a schema, the schema its `$ref` names, or its `allOf` members, in that
   * order, so a keyword written on a composing schema wins over one in its members.
   */
  keyword<K extends Keyword>(schema: SchemaObject | undefined, key: K): SchemaObject[K] {
    if (schema === undefined || typeof schema !== 'object') return undefined;
    if (schema[key] !== undefined) return schema[key];
    if (schema.$ref !== undefined) {
      const found = this.keyword(this.resolve(schema), key);
      if (found !== undefined) return found;
    }
    for (const member of schema.allOf ?? []) {
      const found = this.keyword(member, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Returns the JSON type of a schema, the first one when it lists several. */
  typeOf(schema: SchemaObject | undefined): string | undefined {
    const type = this.keyword(schema, 'type');
    return Array.isArray(type) ? type.find((name) => name !== 'null') : type;
  }

  /** Returns every property the schema declares, with `oneOf` and `anyOf` members combined. */
  properties(schema: SchemaObject): Map<string, PropertyInfo> {
    const target = this.resolve(schema);
    let properties = this.propertyCache.get(target);
    if (properties === undefined) {
      properties = new Map();
      this.collectProperties(target, properties);
      this.propertyCache.set(target, properties);
    }
    return properties;
  }

  /** Returns the names a schema requires, merged across `allOf` members. */
  required(schema: SchemaObject): Set<string> {
    const target = this.resolve(schema);
    let required = this.requiredCache.get(target);
    if (required === undefined) {
      required = new Set(target.required ?? []);
      for (const member of target.allOf ?? []) {
        for (const name of this.required(member)) required.add(name);
      }
      this.requiredCache.set(target, required);
    }
    return required;
  }

  /** Returns the `dependentRequired` rules of a schema, merged across `allOf` members. */
  dependentRequired(schema: SchemaObject): Map<string, string[]> {
    const target = this.resolve(schema);
    const rules = new Map(Object.entries(target.dependentRequired ?? {}));
    for (const member of target.allOf ?? []) {
      for (const [name, needs] of this.dependentRequired(member)) {
        rules.set(name, [...(rules.get(name) ?? []), ...needs]);
      }
    }
    return rules;
  }

  /** Returns the item schema of an array schema. */
  itemsOf(schema: SchemaObject | undefined): SchemaObject | undefined {
    return this.keyword(schema, 'items');
  }

  /**
   * Copies a value keeping only what the schema declares. Objects lose undeclared properties
   * (unless the schema allows additional ones), and `readOnly` or `writeOnly` ones as the
   * direction requires. A discriminated `oneOf` keeps the properties of the member the value names.
   */
  project(
    value: unknown,
    schema: SchemaObject | boolean | undefined,
    direction: Direction,
  ): unknown {
    if (schema === undefined || typeof schema === 'boolean') return structuredClone(value);
    if (Array.isArray(value)) {
      const items = this.itemsOf(schema);
      return value.map((item) => this.project(item, items, direction));
    }
    if (!isPlainObject(value)) return value;

    const properties = this.propertiesFor(schema, value);
    const additional = this.keyword(schema, 'additionalProperties');
    const projected: JsonObject = {};
    for (const [name, item] of Object.entries(value)) {
      const property = properties.get(name);
      if (property === undefined) {
        if (additional !== undefined && additional !== false) {
          projected[name] = this.project(item, additional, direction);
        }
        continue;
      }
      if (direction === 'request' ? property.readOnly : property.writeOnly) continue;
      projected[name] = this.project(item, property.schema, direction);
    }
    return projected;
  }

  /**
   * Returns the path of the first property of a response value that the schema does not
   * declare, or declares write-only, such as `emails[0].foo`. Returns undefined when there is
   * none.
   */
  findUndeclared(value: unknown, schema: SchemaObject | undefined, path = ''): string | undefined {
    if (schema === undefined) return undefined;
    if (Array.isArray(value)) {
      const items = this.itemsOf(schema);
      for (const [index, item] of value.entries()) {
        const found = this.findUndeclared(item, items, `${path}[${index}]`);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isPlainObject(value)) return undefined;
    const properties = this.propertiesFor(schema, value);
    const additional = this.keyword(schema, 'additionalProperties');
    for (const [name, item] of Object.entries(value)) {
      const childPath = path === '' ? name : `${path}.${name}`;
      const property = properties.get(name);
      const open = additional !== undefined && additional !== false;
      if ((property === undefined && !open) || property?.writeOnly === true) return childPath;
      const found = this.findUndeclared(item, property?.schema, childPath);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private propertiesFor(schema: SchemaObject, value: JsonObject): Map<string, PropertyInfo> {
    const discriminator = this.keyword(schema, 'discriminator');
    const tag = discriminator === undefined ? undefined : value[discriminator.propertyName];
    if (discriminator === undefined || typeof tag !== 'string') return this.properties(schema);
    const reference = discriminator.mapping?.[tag] ?? `#/components/schemas/${tag}`;
    return this.properties({ $ref: reference });
  }

  /**
   * Collects properties from `allOf`, `oneOf` and `anyOf` members first, then the schema's own.
   * A property declared again refines the earlier declaration, as `Banner` narrows the
   * `tacticId` of `Creative`, so the later one comes first in the merged schema and `keyword`
   * finds its keywords first.
   */
  private collectProperties(schema: SchemaObject, into: Map<string, PropertyInfo>): void {
    const target = this.resolve(schema);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      for (const member of target[key] ?? []) this.collectProperties(member, into);
    }
    for (const [name, declared] of Object.entries(target.properties ?? {})) {
      // A false schema forbids the property, so it counts as undeclared.
      if (declared === false) continue;
      const property = declared === true ? {} : declared;
      const existing = into.get(name);
      into.set(name, {
        schema: existing === undefined ? property : { allOf: [property, existing.schema] },
        readOnly: existing?.readOnly === true || this.keyword(property, 'readOnly') === true,
        writeOnly: existing?.writeOnly === true || this.keyword(property, 'writeOnly') === true,
      });
    }
  }
}

/** Tells whether a value is a JSON object (not an array or null). */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
