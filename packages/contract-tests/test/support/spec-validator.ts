// Checks response bodies against the schemas the bundled spec gives each operation and status.
import { bundledSpec } from './bundled-spec.js';
import { createSchemaValidator, pointerSegment } from './schema-validator.js';

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

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

const spec = bundledSpec as unknown as OpenApiDocument;

const responseSchemaProblems = createSchemaValidator(spec, 'response', { closed: true });

/** All operations of the bundled spec, keyed by operationId. */
export const operations: ReadonlyMap<string, OperationLocation> = new Map(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, operation]) => httpMethods.has(method) && operation.operationId)
      .map(([method, operation]) => [operation.operationId as string, { path, method }]),
  ),
);

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
  return responseSchemaProblems(pointer, body);
}
