import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// Ajv validates against the bundled spec with its JSON Schema 2020-12 support, which OpenAPI
// 3.1 schemas use. It shares no code with Prism, so a Prism bug cannot also hide a wrong body.

/**
 * Which way a value travels. A request must leave out `readOnly` properties and a response
 * `writeOnly` ones; `either` checks neither, for schema-level examples.
 */
export type Direction = 'request' | 'response' | 'either';

/** Validates a value against the schema at a JSON pointer into the document. */
export type SchemaCheck = (pointer: string, value: unknown) => string[];

/** How strictly objects are checked. */
export interface SchemaValidatorOptions {
  /**
   * Rejects properties that the schema does not define, even where it leaves objects open, as
   * examples must: a property the spec does not name is a typo or an undocumented field.
   */
  closed?: boolean;
}

const documentId = 'https://pulse-engagement.test/openapi.json';

/** Compiles schemas of `document` on demand and returns their problems with a value. */
export function createSchemaValidator(
  document: object,
  direction: Direction,
  options: SchemaValidatorOptions = {},
): SchemaCheck {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // OpenAPI 3.1 writes nullable values as type arrays such as [string, 'null'].
    allowUnionTypes: true,
    // Schemas such as ContactCreate add required names to properties that an allOf member defines.
    strictRequired: false,
    // Closing adds unevaluatedProperties beside $ref and allOf, where no type is written.
    strictTypes: !options.closed,
    validateSchema: false,
  });
  addFormats.default(ajv);
  // OpenAPI adds these keywords to JSON Schema; they describe and never constrain.
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example', 'x-enumDescriptions']);
  // The whole document is registered so that its internal $refs resolve. Its top-level fields
  // are declared as keywords only to satisfy strict mode; Ajv never compiles the root itself.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
  if (direction !== 'either') {
    forbidAnnotated(ajv, direction === 'request' ? 'readOnly' : 'writeOnly');
  }
  ajv.addSchema(options.closed ? closeObjectSchemas(document) : document, documentId);

  const validators = new Map<string, ValidateFunction>();
  return (pointer, value) => {
    let validate = validators.get(pointer);
    if (validate === undefined) {
      const root = { $ref: documentId + pointer };
      validate = ajv.compile(options.closed ? { ...root, unevaluatedProperties: false } : root);
      validators.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(describeError);
  };
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'unevaluatedProperties') {
    const property = String(error.params.unevaluatedProperty);
    return `${error.instancePath}/${property} is not a property the schema defines`;
  }
  return `${error.instancePath || '(root)'} ${error.message}`;
}

const COMPOSITION_KEYWORDS = new Set(['allOf', 'oneOf', 'anyOf']);
// Keywords whose subschema describes a whole child value. Conditional and negated subschemas
// (if, then, else, not) only add rules to their parent and stay as written.
const SUBSCHEMA_KEYWORDS = new Set(['items', 'contains']);
const SUBSCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/**
 * Returns a copy of the document in which every schema that a value is checked against as a
 * whole rejects unknown properties. Members of allOf, oneOf and anyOf, and component schemas
 * themselves, stay open: JSON Schema 2020-12 lets `unevaluatedProperties` at the composing or
 * referencing schema see every property the members define, so closing a member would reject
 * properties that its siblings define.
 */
function closeObjectSchemas(document: object): object {
  const copy = structuredClone(document) as Record<string, unknown>;
  const close = (schema: unknown, open: boolean): void => {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
    const node = schema as Record<string, unknown>;
    const describesObject =
      '$ref' in node ||
      'properties' in node ||
      [...COMPOSITION_KEYWORDS].some((key) => key in node);
    if (
      !open &&
      describesObject &&
      !('additionalProperties' in node) &&
      !('unevaluatedProperties' in node)
    ) {
      node.unevaluatedProperties = false;
    }
    for (const [key, value] of Object.entries(node)) {
      if (COMPOSITION_KEYWORDS.has(key) && Array.isArray(value)) {
        value.forEach((member) => close(member, true));
      } else if (SUBSCHEMA_KEYWORDS.has(key)) {
        close(value, false);
      } else if (SUBSCHEMA_MAP_KEYWORDS.has(key) && typeof value === 'object' && value !== null) {
        Object.values(value).forEach((member) => close(member, false));
      } else if (key === 'additionalProperties' || key === 'unevaluatedProperties') {
        close(value, false);
      }
    }
  };
  const components = (copy.components ?? {}) as Record<string, Record<string, unknown>>;
  Object.values(components.schemas ?? {}).forEach((schema) => close(schema, true));
  forEachOperationSchema(copy, (schema) => close(schema, false));
  Object.values(components.parameters ?? {}).forEach((parameter) =>
    close((parameter as Record<string, unknown>).schema, false),
  );
  for (const group of ['responses', 'requestBodies'] as const) {
    Object.values(components[group] ?? {}).forEach((entry) =>
      forEachContentSchema(entry, (schema) => close(schema, false)),
    );
  }
  return copy;
}

function forEachContentSchema(holder: unknown, visit: (schema: unknown) => void): void {
  const content = (holder as { content?: Record<string, { schema?: unknown }> } | undefined)
    ?.content;
  Object.values(content ?? {}).forEach((media) => visit(media.schema));
}

function forEachOperationSchema(
  document: Record<string, unknown>,
  visit: (schema: unknown) => void,
): void {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    const shared = (item.parameters ?? []) as { schema?: unknown }[];
    shared.forEach((parameter) => visit(parameter.schema));
    for (const [key, operation] of Object.entries(item)) {
      if (key === 'parameters' || typeof operation !== 'object' || operation === null) continue;
      const {
        parameters = [],
        requestBody,
        responses = {},
      } = operation as {
        parameters?: { schema?: unknown }[];
        requestBody?: unknown;
        responses?: Record<string, unknown>;
      };
      parameters.forEach((parameter) => visit(parameter.schema));
      forEachContentSchema(requestBody, visit);
      Object.values(responses).forEach((response) => forEachContentSchema(response, visit));
    }
  }
}

// Ajv treats readOnly and writeOnly as annotations. Redefined as keywords, they fail wherever
// a value is present for a property the schema marks, which is exactly a misplaced field.
function forbidAnnotated(ajv: Ajv2020, keyword: 'readOnly' | 'writeOnly'): void {
  const reason =
    keyword === 'readOnly'
      ? 'is read-only: only the API sets it, so leave it out of requests'
      : 'is write-only: the API never returns it';
  ajv.removeKeyword(keyword);
  ajv.addKeyword({
    keyword,
    schemaType: 'boolean',
    error: { message: reason },
    validate: (marked: boolean) => !marked,
  });
}

/** Escapes one segment of a JSON pointer. */
export function pointerSegment(value: string): string {
  return value.replace(/~/g, '~0').replace(/\//g, '~1');
}
