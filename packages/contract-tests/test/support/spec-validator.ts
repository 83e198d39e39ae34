import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// Validates response bodies against the bundled spec with Ajv's JSON Schema 2020-12 support,
// which OpenAPI 3.1 schemas use. It shares no code with Prism, so a Prism bug that returns a
// wrong body cannot also hide it.

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { responses: Record<string, ResponseObject> };
}
interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject | { $ref: string }>;
}
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

/** The operation an operationId names. */
export interface OperationLocation {
  path: string;
  method: string;
}

const specId = 'https://pulse-engagement.test/openapi.json';
const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve('@pulse-engagement/spec/openapi.json'), 'utf8'),
) as OpenApiDocument;

const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  // OpenAPI 3.1 writes nullable values as type arrays such as [string, 'null'].
  allowUnionTypes: true,
  // Schemas such as ContactCreate add required names to properties that an allOf member defines.
  strictRequired: false,
  validateSchema: false,
});
addFormats.default(ajv);
// OpenAPI adds these keywords to JSON Schema; they describe and never constrain. Strict mode
// rejects unknown keywords, so every `x-` extension that a schema uses is listed here as well.
// `Tactic` uses `x-enumDescriptions` to name its values.
ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example', 'x-enumDescriptions']);
// The whole document is registered so that its internal $refs resolve. Its top-level fields
// are declared as keywords only to satisfy strict mode; Ajv never compiles the root itself.
ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components']);
ajv.addSchema(spec, specId);

const validators = new Map<string, ValidateFunction>();

/** All operations of the bundled spec, keyed by operationId. */
export const operations: ReadonlyMap<string, OperationLocation> = new Map(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, operation]) => httpMethods.has(method) && operation.operationId)
      .map(([method, operation]) => [operation.operationId as string, { path, method }]),
  ),
);

function pointerSegment(value: string): string {
  return value.replace(/~/g, '~0').replace(/\//g, '~1');
}

function schemaPointer(operationId: string, status: number): string | undefined {
  const location = operations.get(operationId);
  if (location === undefined) {
    throw new Error(`operationId ${operationId} is not in the bundled spec.`);
  }
  const operation = spec.paths[location.path]?.[location.method];
  const response = operation?.responses?.[String(status)];
  if (response === undefined) {
    throw new Error(`${operationId} declares no ${status} response in the spec.`);
  }
  if ('$ref' in response) {
    const name = response.$ref.split('/').pop() as string;
    if (spec.components.responses[name]?.content?.['application/json'] === undefined) return;
    return `#/components/responses/${pointerSegment(name)}/content/application~1json/schema`;
  }
  if (response.content?.['application/json'] === undefined) return;
  return [
    '#/paths',
    pointerSegment(location.path),
    location.method,
    'responses',
    String(status),
    'content/application~1json/schema',
  ].join('/');
}

/**
 * Returns the problems of `body` as a response of `operationId` with `status`, or an empty
 * list when it conforms. A status the operation does not declare is itself a problem.
 */
export function responseProblems(operationId: string, status: number, body: unknown): string[] {
  const pointer = schemaPointer(operationId, status);
  if (pointer === undefined) {
    return body === undefined || body === null || body === ''
      ? []
      : [`${operationId} ${status} declares no body, but one was returned`];
  }
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: specId + pointer });
    validators.set(pointer, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || '(root)'} ${error.message}`,
  );
}
