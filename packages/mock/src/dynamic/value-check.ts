import { SchemaGenerationError, type JsonType, type MergedSchema } from './schema-merge.js';

const compiledPatterns = new Map<string, RegExp>();

/**
 * Reports whether a value meets the type, enum, number, string and array-length keywords of the
 * merged schema. Object properties, item schemas and formats are not checked, so callers use it
 * for scalar candidates such as enum values and examples, and for generated numbers.
 */
export function matchesKeywords(value: unknown, merged: MergedSchema): boolean {
  if (merged.types !== undefined && !matchesType(value, merged.types)) {
    return false;
  }
  if (typeof value === 'number') {
    return matchesNumber(value, merged);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    return (
      length >= merged.minLength &&
      length <= merged.maxLength &&
      matchesPatterns(value, merged.patterns)
    );
  }
  if (Array.isArray(value)) {
    return value.length >= merged.minItems && value.length <= merged.maxItems;
  }
  return true;
}

/** Reports whether the text matches every pattern, read as ECMAScript regular expressions with the `u` flag as JSON Schema does. */
export function matchesPatterns(text: string, patterns: readonly string[]): boolean {
  return patterns.every((pattern) => compilePattern(pattern).test(text));
}

/** Compiles a pattern as JSON Schema reads it. Throws SchemaGenerationError for an invalid one. */
export function compilePattern(pattern: string): RegExp {
  let regex = compiledPatterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SchemaGenerationError(
        `the pattern ${JSON.stringify(pattern)} is not a valid ECMAScript regular expression (${reason}). Fix the pattern in the document.`,
      );
    }
    compiledPatterns.set(pattern, regex);
  }
  return regex;
}

function matchesType(value: unknown, types: Set<JsonType>): boolean {
  if (value === null) return types.has('null');
  if (Array.isArray(value)) return types.has('array');
  switch (typeof value) {
    case 'string':
      return types.has('string');
    case 'boolean':
      return types.has('boolean');
    case 'number':
      return types.has('number') || (types.has('integer') && Number.isInteger(value));
    case 'object':
      return types.has('object');
    default:
      return false;
  }
}

function matchesNumber(value: number, merged: MergedSchema): boolean {
  const { minimum, maximum } = merged;
  if (
    minimum !== undefined &&
    (value < minimum.value || (minimum.exclusive && value === minimum.value))
  ) {
    return false;
  }
  if (
    maximum !== undefined &&
    (value > maximum.value || (maximum.exclusive && value === maximum.value))
  ) {
    return false;
  }
  return merged.multipleOf.every((step) => {
    const quotient = value / step;
    return Math.abs(quotient - Math.round(quotient)) < 1e-9;
  });
}
