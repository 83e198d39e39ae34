import type { Random } from './random.js';
import { SchemaGenerationError, type JsonSchema } from './schema-merge.js';

// Bound on the schemas gathered for one value, which stops a cycle of $ref and allOf.
const MAX_NODES = 500;

/** Resolves local `$ref`s of the document being mocked. */
export type RefResolver = (ref: string) => JsonSchema;

/** Creates a resolver for `$ref`s of the form `#/json/pointer` within `document`. */
export function createRefResolver(document: object): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#')) {
      throw new SchemaGenerationError(
        `the $ref ${JSON.stringify(ref)} points outside the document. Bundle the document so that every $ref is local.`,
      );
    }
    let target: unknown = document;
    for (const segment of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
      target =
        typeof target === 'object' && target !== null
          ? (target as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof target !== 'boolean' && (typeof target !== 'object' || target === null)) {
      throw new SchemaGenerationError(`the $ref ${JSON.stringify(ref)} points to no schema.`);
    }
    return target as JsonSchema;
  };
}

/**
 * Gathers the plain schemas that a value must satisfy: follows `$ref`, flattens `allOf`, and picks
 * one branch of each `oneOf` and `anyOf`. A discriminated branch also gets its discriminator
 * value, as OpenAPI's Discriminator Object defines it. Returns undefined when a schema is `false`.
 */
export function collectSchemas(
  schemas: readonly JsonSchema[],
  resolve: RefResolver,
  random: Random,
): Record<string, unknown>[] | undefined {
  const pending = [...schemas];
  const nodes: Record<string, unknown>[] = [];
  while (pending.length > 0) {
    if (nodes.length + pending.length > MAX_NODES) {
      throw new SchemaGenerationError(
        `the schema combines more than ${MAX_NODES} subschemas, which suggests a $ref cycle through allOf.`,
      );
    }
    const schema = pending.shift() as JsonSchema;
    if (schema === false) {
      return undefined;
    }
    if (schema === true) {
      continue;
    }

    const { $ref, allOf, oneOf, anyOf, ...rest } = schema;
    if (typeof $ref === 'string') {
      pending.push(resolve($ref));
    }
    if (Array.isArray(allOf)) {
      pending.push(...(allOf as JsonSchema[]));
    }
    for (const branches of [oneOf, anyOf]) {
      if (Array.isArray(branches) && branches.length > 0) {
        const branch = random.pick(branches as JsonSchema[]);
        pending.push(branch, ...discriminatorSchema(schema, branch));
      }
    }
    nodes.push(rest);
  }
  return nodes;
}

// The discriminator value of a branch is its key in `mapping`, or else the name of the schema
// its $ref points to.
function discriminatorSchema(schema: Record<string, unknown>, branch: JsonSchema): JsonSchema[] {
  const discriminator = schema.discriminator as
    { propertyName?: unknown; mapping?: Record<string, string> } | undefined;
  const ref = typeof branch === 'object' ? branch.$ref : undefined;
  if (typeof discriminator?.propertyName !== 'string' || typeof ref !== 'string') {
    return [];
  }
  const mapped = Object.entries(discriminator.mapping ?? {}).find(([, target]) => target === ref);
  const value = mapped?.[0] ?? ref.split('/').pop();
  return [
    {
      required: [discriminator.propertyName],
      properties: { [discriminator.propertyName]: { const: value } },
    },
  ];
}
