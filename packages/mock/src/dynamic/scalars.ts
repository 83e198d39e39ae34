import { integerFormatBounds, stringFormat } from './formats.js';
import { generateFromPattern, UnsupportedPatternError } from './pattern.js';
import type { Random } from './random.js';
import { SchemaGenerationError, type MergedSchema } from './schema-merge.js';
import { compilePattern, matchesKeywords, matchesPatterns } from './value-check.js';
import { placeholderText } from './words.js';

// Attempts at a string or number that must also meet a second pattern, a length or a multipleOf.
const MAX_ATTEMPTS = 25;
// Range of unbounded integers and numbers, wide enough to vary and short enough to read.
const DEFAULT_RANGE = 10_000;
// Numbers that are not integers get two decimals.
const DECIMAL_STEP = 0.01;

/** Generates a string that meets the string keywords, format and patterns of `merged`. */
export function generateString(merged: MergedSchema, random: Random): string {
  if (merged.minLength > merged.maxLength) {
    throw new SchemaGenerationError(
      `minLength ${merged.minLength} is above maxLength ${merged.maxLength}.`,
    );
  }
  // Compiling first reports an invalid pattern as such, not as one the generator lacks.
  merged.patterns.forEach(compilePattern);
  const [pattern] = merged.patterns;
  const format = stringFormat(merged.format);
  if (pattern === undefined && format === undefined) {
    return placeholderText(random, merged.minLength, merged.maxLength);
  }

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const text =
      pattern === undefined
        ? (format as (random: Random) => string)(random)
        : fromPattern(pattern, random);
    const length = [...text].length;
    if (
      length >= merged.minLength &&
      length <= merged.maxLength &&
      matchesPatterns(text, merged.patterns)
    ) {
      return text;
    }
  }
  const rule =
    pattern === undefined ? `format "${merged.format}"` : `pattern ${JSON.stringify(pattern)}`;
  throw new SchemaGenerationError(
    `no string of ${rule} met the other string keywords in ${MAX_ATTEMPTS} attempts.`,
  );
}

function fromPattern(pattern: string, random: Random): string {
  try {
    return generateFromPattern(pattern, random);
  } catch (error) {
    if (error instanceof UnsupportedPatternError) {
      throw new SchemaGenerationError(error.message);
    }
    throw error;
  }
}

/** Generates an integer or a number that meets the numeric keywords of `merged`. */
export function generateNumber(merged: MergedSchema, random: Random, integer: boolean): number {
  const [lower, upper] = numberRange(merged, integer);
  if (lower > upper) {
    throw new SchemaGenerationError(
      `no ${integer ? 'integer' : 'number'} lies between the minimum and the maximum.`,
    );
  }
  // The first multipleOf sets the step, and matchesKeywords checks the others.
  const [step] = merged.multipleOf;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let value: number;
    if (step !== undefined) {
      const multiple = random.integer(Math.ceil(lower / step), Math.floor(upper / step));
      value = roundLike(multiple * step, step);
    } else if (integer) {
      value = random.integer(lower, upper);
    } else {
      value = Math.round((lower + random.next() * (upper - lower)) / DECIMAL_STEP) * DECIMAL_STEP;
      value = Number(value.toFixed(2));
    }
    if ((!integer || Number.isInteger(value)) && matchesKeywords(value, merged)) {
      return value;
    }
  }
  throw new SchemaGenerationError('no number met minimum, maximum and multipleOf together.');
}

// Returns the closed range to draw from. For numbers that are not integers, an exclusive bound
// moves in by a hundredth, the precision they are rounded to.
function numberRange(merged: MergedSchema, integer: boolean): [number, number] {
  const { minimum, maximum } = merged;
  let lower: number | undefined;
  let upper: number | undefined;
  if (minimum !== undefined) {
    if (integer) {
      lower = minimum.exclusive ? Math.floor(minimum.value) + 1 : Math.ceil(minimum.value);
    } else {
      lower = minimum.value + (minimum.exclusive ? DECIMAL_STEP : 0);
    }
  }
  if (maximum !== undefined) {
    if (integer) {
      upper = maximum.exclusive ? Math.ceil(maximum.value) - 1 : Math.floor(maximum.value);
    } else {
      upper = maximum.value - (maximum.exclusive ? DECIMAL_STEP : 0);
    }
  }

  if (lower === undefined && upper === undefined) {
    [lower, upper] = [0, DEFAULT_RANGE];
  } else if (lower === undefined) {
    lower = (upper as number) - DEFAULT_RANGE;
  } else if (upper === undefined) {
    upper = lower + DEFAULT_RANGE;
  }
  const formatBounds = integer ? integerFormatBounds(merged.format) : undefined;
  if (formatBounds !== undefined) {
    lower = Math.max(lower, formatBounds[0]);
    upper = Math.min(upper as number, formatBounds[1]);
  }
  return [lower, upper as number];
}

function roundLike(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number(value.toFixed(decimals));
}
