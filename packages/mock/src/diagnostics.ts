import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { ApiFieldError } from './error-body.js';

/** A parameter as the document declares it. */
export interface ParameterInfo {
  /** Spelling in the document, such as `sort[]`. */
  name: string;
  /** First sentence of the parameter's description, added to messages about invalid values. */
  hint: string | undefined;
  /** The values an enum parameter accepts, listed in messages about other values. */
  allowed: readonly unknown[] | undefined;
}

/** Maps lower-cased parameter names to their declaration in the document. */
export type ParameterNames = ReadonlyMap<string, ParameterInfo>;

/** The parts of a request that error messages quote. */
export interface RequestValues {
  body: unknown;
  query: Record<string, string | string[]> | undefined;
}

const PARAMETER_LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);

// Ajv's wording for the two keywords whose error sits on the parent object, not on the
// missing property. Prism keeps Ajv's message but drops its params, so the names come from here.
const REQUIRED_MESSAGE = /must have required property '(.+)'$/;
const DEPENDENT_REQUIRED_MESSAGE = /must have propert(?:y|ies) (.+) when property (.+) is present$/;
const ENUM_MESSAGE = /must be equal to one of the allowed values$/;
// Closed schemas report an unknown property on its parent, too. Prism appends the name, as
// "must NOT have unevaluated properties: 'x'" or "must NOT have additional properties; found 'x'".
const UNKNOWN_PROPERTY_MESSAGE =
  /must NOT have (?:unevaluated properties: |additional properties; found )'(.+)'$/;
// A `false` schema, which the spec uses for read-only flags such as isArchived in request bodies.
const FALSE_SCHEMA_MESSAGE = 'boolean schema is false';

/**
 * Converts Prism's request diagnostics into the API's `errors[]` entries, one per broken rule,
 * with `field` naming the exact location (`body.locations[0].city`, `query.sort[]`).
 */
export function toFieldErrors(
  diagnostics: IPrismDiagnostic[],
  request: RequestValues,
  parameterNames: ParameterNames,
): ApiFieldError[] {
  const errors = diagnostics.flatMap((diagnostic) =>
    toFieldError(diagnostic, request, parameterNames),
  );
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}\u0000${error.error}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function toFieldError(
  diagnostic: IPrismDiagnostic,
  request: RequestValues,
  parameterNames: ParameterNames,
): ApiFieldError[] {
  const [location, ...segments] = diagnostic.path ?? [];

  if (location === undefined) {
    // Prism reports a missing required body without a path, as "Body parameter is required".
    const error = diagnostic.code === 'required' ? 'is required' : diagnostic.message;
    return [{ error, field: 'body' }];
  }
  if (location === 'body') {
    return bodyFieldErrors(diagnostic, segments, request.body);
  }
  if (PARAMETER_LOCATIONS.has(location)) {
    const query = location === 'query' ? request.query : undefined;
    return [parameterFieldError(diagnostic, location, segments, parameterNames, query)];
  }
  return [{ error: diagnostic.message, field: [location, ...segments].join('.') }];
}

function parameterFieldError(
  diagnostic: IPrismDiagnostic,
  location: string,
  segments: string[],
  parameterNames: ParameterNames,
  query: RequestValues['query'],
): ApiFieldError {
  let error = stripPrismPrefix(diagnostic.message, location, 'parameter', segments);

  // A missing required parameter is reported on the whole location, such as `query`.
  const required = REQUIRED_MESSAGE.exec(error);
  if (segments.length === 0 && diagnostic.code === 'required' && required?.[1] !== undefined) {
    const name = parameterNames.get(required[1])?.name ?? required[1];
    return { error: 'is required', field: `${location}.${name}` };
  }

  const [lowerCaseName = '', ...itemPath] = segments;
  const parameter = parameterNames.get(lowerCaseName);
  const name = parameter?.name ?? lowerCaseName;
  const value = queryValue(query, name, itemPath);
  if (parameter?.allowed !== undefined && ENUM_MESSAGE.test(error)) {
    error = `${error}: ${parameter.allowed.join(', ')}`;
  }
  if (value !== undefined) {
    error = `value ${JSON.stringify(value)} ${error}`;
  } else if (itemPath.length > 0) {
    error = `item ${itemPath.join('.')} ${error}`;
  }
  if (parameter?.hint !== undefined) {
    error = `${error}. ${parameter.hint}`;
  }
  return { error, field: `${location}.${name}` };
}

// Quotes the offending query value, so the caller sees which of several repeated values failed.
function queryValue(
  query: RequestValues['query'],
  name: string,
  itemPath: string[],
): string | undefined {
  const value = query?.[name];
  if (value === undefined || itemPath.length > 1) {
    return undefined;
  }
  // A parameter sent once arrives as a string, even when its schema is an array.
  const values = typeof value === 'string' ? [value] : value;
  return itemPath.length === 0 ? values.join(',') : values[Number(itemPath[0])];
}

function bodyFieldErrors(
  diagnostic: IPrismDiagnostic,
  segments: string[],
  body: unknown,
): ApiFieldError[] {
  const field = formatBodyPath(segments, body);
  const ajvMessage = stripPrismPrefix(diagnostic.message, 'body', 'property', segments);

  const required = REQUIRED_MESSAGE.exec(ajvMessage);
  if (diagnostic.code === 'required' && required?.[1] !== undefined) {
    return [{ error: 'is required', field: `${field}.${required[1]}` }];
  }

  const dependent = DEPENDENT_REQUIRED_MESSAGE.exec(ajvMessage);
  if (diagnostic.code === 'dependentRequired' && dependent?.[1] !== undefined) {
    const trigger = dependent[2];
    const target = valueAt(body, segments);
    // Ajv lists every dependency in the message, so report only those the object lacks.
    const missing = dependent[1].split(', ').filter((property) => !hasProperty(target, property));
    if (missing.length > 0) {
      return missing.map((property) => ({
        error: `is required when ${trigger} is present`,
        field: `${field}.${property}`,
      }));
    }
  }

  const unknown = UNKNOWN_PROPERTY_MESSAGE.exec(ajvMessage);
  if (unknown?.[1] !== undefined) {
    return [
      {
        error: 'is not a field of this request body. Remove it, or check its spelling.',
        field: `${field}.${unknown[1]}`,
      },
    ];
  }
  if (ajvMessage === FALSE_SCHEMA_MESSAGE) {
    return [{ error: 'cannot be set in this request. Remove it.', field }];
  }

  return [{ error: ajvMessage, field }];
}

// Prism prefixes Ajv's message with where the error is, for example
// "Request body property locations.0 " or "Request query parameter sort[].0 ".
// The field already names the location, so the prefix is removed when it matches.
function stripPrismPrefix(
  message: string,
  location: string,
  kind: string,
  segments: string[],
): string {
  const where = segments.length > 0 ? `${kind} ${segments.join('.')} ` : '';
  const prefix = `Request ${location} ${where}`;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

function formatBodyPath(segments: string[], body: unknown): string {
  let field = 'body';
  let current: unknown = body;
  for (const segment of segments) {
    field += Array.isArray(current) ? `[${segment}]` : `.${segment}`;
    current = childOf(current, segment);
  }
  return field;
}

function valueAt(root: unknown, segments: string[]): unknown {
  return segments.reduce<unknown>((current, segment) => childOf(current, segment), root);
}

function childOf(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  return (value as Record<string, unknown>)[key];
}

function hasProperty(value: unknown, property: string): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, property);
}
