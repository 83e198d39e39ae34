import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// Ajv checks generated bodies independently of the generator and of Prism. Objects are closed,
// so a property that the schema does not define fails, and writeOnly properties must be absent,
// as in any response.

const DOCUMENT_ID = 'https://pulse-engagement.test/openapi.json';
const COMPOSITION_KEYWORDS = ['allOf', 'oneOf', 'anyOf'];

/** Returns the problems of a value against the schema at a JSON pointer, or an empty list. */
export type ResponseSchemaCheck = (pointer: string, value: unknown) => string[];

/** Compiles the document's schemas on demand for checking response bodies. */
export function createResponseSchemaCheck(document: object): ResponseSchemaCheck {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    validateSchema: false,
  });
  addFormats.default(ajv);
  // Ajv treats writeOnly as an annotation. Here it fails wherever a property marked writeOnly
  // is present, which a response must never contain.
  ajv.removeKeyword('writeOnly');
  ajv.addKeyword({
    keyword: 'writeOnly',
    schemaType: 'boolean',
    error: { message: 'is writeOnly, so a response must not contain it' },
    validate: (writeOnly: boolean) => !writeOnly,
  });
  ajv.addSchema(closeObjectSchemas(document), DOCUMENT_ID);

  const validators = new Map<string, ValidateFunction>();
  return (pointer, value) => {
    let validate = validators.get(pointer);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: DOCUMENT_ID + pointer, unevaluatedProperties: false });
      validators.set(pointer, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(describeError);
  };
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  if (error.keyword === 'unevaluatedProperties') {
    return `${where} has property ${String(error.params.unevaluatedProperty)}, which the schema does not define`;
  }
  return `${where} ${error.message ?? error.keyword}`;
}

/**
 * Copies the document and adds `unevaluatedProperties: false` to every schema that a value is
 * checked against as a whole: property, item and additionalProperties schemas. Members of
 * allOf, oneOf and anyOf and the component schemas stay open, because in JSON Schema 2020-12
 * the closing keyword at the composing schema already evaluates the properties of all its members.
 */
function closeObjectSchemas(document: object): object {
  const copy = structuredClone(document) as { components?: { schemas?: object }; paths?: object };

  const visit = (schema: unknown, open: boolean): void => {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
    const node = schema as Record<string, unknown>;
    const describesObject =
      '$ref' in node || 'properties' in node || COMPOSITION_KEYWORDS.some((key) => key in node);
    const alreadyClosed = 'additionalProperties' in node || 'unevaluatedProperties' in node;
    if (!open && describesObject && !alreadyClosed) {
      node.unevaluatedProperties = false;
    }
    for (const [key, value] of Object.entries(node)) {
      if (COMPOSITION_KEYWORDS.includes(key) && Array.isArray(value)) {
        value.forEach((member) => visit(member, true));
      } else if (key === 'items' || key === 'additionalProperties') {
        visit(value, false);
      } else if (key === 'properties' && typeof value === 'object' && value !== null) {
        Object.values(value).forEach((member) => visit(member, false));
      }
    }
  };

  Object.values(copy.components?.schemas ?? {}).forEach((schema) => visit(schema, true));
  visitOperationSchemas(copy.paths ?? {}, (schema) => visit(schema, false));
  return copy;
}

// Calls `visit` with each schema written inline in a path item: parameter, request and
// response schemas.
function visitOperationSchemas(value: unknown, visit: (schema: unknown) => void): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'schema') {
      visit(child);
    } else if (key !== 'examples' && key !== 'example') {
      visitOperationSchemas(child, visit);
    }
  }
}

/**
 * Returns the JSON pointer of the JSON schema of an operation's response, following a $ref to
 * components/responses, or undefined when that response has no JSON body.
 */
export function responseSchemaPointer(
  document: object,
  path: string,
  method: string,
  status: number,
): string | undefined {
  const paths = (document as { paths: Record<string, Record<string, OperationObject>> }).paths;
  const response = paths[path]?.[method]?.responses?.[String(status)];
  if (response === undefined) {
    throw new Error(`${method.toUpperCase()} ${path} documents no ${status} response.`);
  }
  if (typeof response.$ref === 'string') {
    const name = response.$ref.split('/').pop() as string;
    const shared = (document as { components: { responses: Record<string, ResponseObject> } })
      .components.responses[name];
    return shared?.content?.['application/json'] === undefined
      ? undefined
      : `#/components/responses/${pointerSegment(name)}/content/application~1json/schema`;
  }
  if (response.content?.['application/json'] === undefined) {
    return undefined;
  }
  return `#/paths/${pointerSegment(path)}/${method}/responses/${status}/content/application~1json/schema`;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, unknown>;
}

interface OperationObject {
  responses?: Record<string, ResponseObject>;
}

function pointerSegment(value: string): string {
  return value.replaceAll('~', '~0').replaceAll('/', '~1');
}
