import type { Operation } from './catalog.js';
import type { EngineContext } from './context.js';
import { invalidField } from './errors.js';
import type { ParameterObject } from './openapi.js';
import type { SchemaReader } from './schema.js';
import type { RecordKey } from './store.js';

/** A request whose path and query values have the types their parameter schemas give. */
export interface ParsedRequest {
  operation: Operation;
  pathParams: Record<string, RecordKey>;
  /** Declared query parameters, typed. Undeclared ones are left out. */
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Types the path and query values of a request by their parameter schemas. Most arrive as
 * strings, so `page=2` becomes 2, `isArchived=true` becomes true, and a single `sort[]` value
 * becomes a one-item array. The server has validated them already, and a value that still does
 * not parse raises 422, so the engine also works behind a server that validates nothing.
 */
export function parseRequest(
  context: EngineContext,
  operation: Operation,
  pathParams: Record<string, string>,
  query: Record<string, string | string[]>,
  body: unknown,
): ParsedRequest {
  const typedPath: Record<string, RecordKey> = {};
  const typedQuery: Record<string, unknown> = {};
  for (const parameter of operation.parameters.values()) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const raw = (parameter.in === 'path' ? pathParams : query)[parameter.name];
    if (raw === undefined) continue;
    const value = coerceParameter(context.schemas, parameter, raw);
    if (parameter.in === 'path') typedPath[parameter.name] = value as RecordKey;
    else typedQuery[parameter.name] = value;
  }
  return { operation, pathParams: typedPath, query: typedQuery, body };
}

function coerceParameter(schemas: SchemaReader, parameter: ParameterObject, raw: unknown): unknown {
  const field = `${parameter.in}.${parameter.name}`;
  if (schemas.typeOf(parameter.schema) === 'array') {
    const items = schemas.itemsOf(parameter.schema);
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    return values.map((value) => coerceScalar(schemas.typeOf(items), value, field));
  }
  // A repeated scalar parameter keeps its first value, as most servers read it.
  const value: unknown = Array.isArray(raw) ? (raw[0] ?? '') : raw;
  return coerceScalar(schemas.typeOf(parameter.schema), value, field);
}

// Prism's validation can coerce repeated array values in place, so a value may already be a
// number or a boolean when it gets here.
function coerceScalar(type: string | undefined, raw: unknown, field: string): unknown {
  const value = String(raw);
  if (type === 'integer' || type === 'number') {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) {
      throw invalidField(field, `must be a number, got "${value}"`);
    }
    return number;
  }
  if (type === 'boolean') {
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidField(field, `must be true or false, got "${value}"`);
  }
  return value;
}
