import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { ApiFieldError } from './error-body.js';

/** Maps lower-cased parameter names back to the spelling in the document. */
export type ParameterNames = ReadonlyMap<string, string>;

const PARAMETER_LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);

// Ajv's wording for the two keywords whose error sits on the parent object, not on the
// missing property. Prism keeps Ajv's message but drops its params, so the names come from here.
const REQUIRED_MESSAGE = /must have required property '(.+)'$/;
const DEPENDENT_REQUIRED_MESSAGE = /must have propert(?:y|ies) (.+) when property (.+) is present$/;

/**
 * Converts Prism's request diagnostics into the API's `errors[]` entries, one per broken rule,
 * with `field` naming the exact location (`body.locations[0].city`, `query.sort[]`).
 */
export function toFieldErrors(
  diagnostics: IPrismDiagnostic[],
  body: unknown,
  parameterNames: ParameterNames,
): ApiFieldError[] {
  const errors = diagnostics.flatMap((diagnostic) =>
    toFieldError(diagnostic, body, parameterNames),
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
  body: unknown,
  parameterNames: ParameterNames,
): ApiFieldError[] {
  const [location, ...segments] = diagnostic.path ?? [];

  if (location === undefined) {
    // Prism reports a missing required body without a path, as "Body parameter is required".
    const error = diagnostic.code === 'required' ? 'is required' : diagnostic.message;
    return [{ error, field: 'body' }];
  }
  if (location === 'body') {
    return bodyFieldErrors(diagnostic, segments, body);
  }
  if (PARAMETER_LOCATIONS.has(location)) {
    return [parameterFieldError(diagnostic, location, segments, parameterNames)];
  }
  return [{ error: diagnostic.message, field: [location, ...segments].join('.') }];
}

function parameterFieldError(
  diagnostic: IPrismDiagnostic,
  location: string,
  segments: string[],
  parameterNames: ParameterNames,
): ApiFieldError {
  let error = stripPrismPrefix(diagnostic.message, location, 'parameter', segments);

  // A missing required parameter is reported on the whole location, such as `query`.
  const required = REQUIRED_MESSAGE.exec(error);
  if (segments.length === 0 && diagnostic.code === 'required' && required?.[1] !== undefined) {
    const name = parameterNames.get(required[1]) ?? required[1];
    return { error: 'is required', field: `${location}.${name}` };
  }

  const [lowerCaseName = '', ...itemPath] = segments;
  const name = parameterNames.get(lowerCaseName) ?? lowerCaseName;
  if (itemPath.length > 0) {
    error = `item ${itemPath.join('.')} ${error}`;
  }
  return { error, field: `${location}.${name}` };
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
