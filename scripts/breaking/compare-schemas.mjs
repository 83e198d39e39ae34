// Compares a base schema with its head version in one direction. A request schema describes
// what clients send, so the head schema must accept every value that the base accepted: it
// may widen. A response schema describes what clients read, so the head schema must not
// produce a value that the base did not describe: it may narrow, never lose a field or widen a
// type.
//
// NOTE: these keywords are not compared: additionalProperties turning false (a closed request
// object), dependentRequired, multipleOf, uniqueItems, prefixItems and not. Bounds and
// patterns are compared on the request side only.
import { compareRequestProperties, compareResponseProperties } from './compare-properties.mjs';
import { compareUnions } from './compare-unions.mjs';
import { enumKey, followReferenceParts, partsKey, viewSchema } from './schema-view.mjs';
import { describeTypes, findUncoveredTypes } from './type-sets.mjs';

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];

// Formats whose values are a subset of another format's, as `int32` values are `int64` values
// (OpenAPI 3.1 section 4.2, JSON Schema Validation 2020-12 section 7.3).
const widerFormats = {
  int32: ['int64'],
  float: ['double'],
  email: ['idn-email'],
  hostname: ['idn-hostname'],
  uri: ['uri-reference', 'iri', 'iri-reference'],
  'uri-reference': ['iri-reference'],
  iri: ['iri-reference'],
};

/**
 * Compares two schemas, each given as parts (see viewSchema), and reports every breaking
 * change through `context.report`. `direction` is `request` or `response`. Each pair of parts
 * is compared once per context, which ends recursion through cyclic schemas.
 */
export function compareSchemas(context, baseSchemaParts, headSchemaParts, direction) {
  const baseParts = followReferenceParts(context.base, baseSchemaParts);
  const headParts = followReferenceParts(context.head, headSchemaParts);
  const key = [direction, partsKey(baseParts), partsKey(headParts)].join('|');
  if (context.visited.has(key)) return;
  context.visited.add(key);

  const base = viewSchema(context.base, baseParts);
  const head = viewSchema(context.head, headParts);

  compareTypes(context, base, head, direction);
  compareFormats(context, base, head, direction);
  compareEnums(context, base, head, direction);
  if (direction === 'request') {
    compareBounds(context, base, head);
    compareRequestProperties(context, base, head);
  } else {
    compareResponseProperties(context, base, head);
  }
  compareItems(context, base, head, direction);
  if (base.additionalProperties.length > 0 && head.additionalProperties.length > 0) {
    compareSchemas(context, base.additionalProperties, head.additionalProperties, direction);
  }
  compareUnions(context, base, head, direction);
}

function compareTypes(context, base, head, direction) {
  // A union without a type of its own is compared branch by branch in compareUnions.
  if ((base.types === null && base.union) || (head.types === null && head.union)) return;

  const [covered, covering] = direction === 'request' ? [base, head] : [head, base];
  const uncovered = findUncoveredTypes(covering.types, covered.types);
  if (uncovered.length === 0) return;

  const values = covered.types === null ? 'values of any type' : `${uncovered.join(' or ')} values`;
  const change = `The type changed from ${describeTypes(base.types)} to ${describeTypes(head.types)}`;
  const consequence =
    direction === 'request'
      ? `so requests with ${values} are rejected`
      : `so responses may contain ${values}, which clients do not expect`;
  context.report(
    'changed-type',
    'head',
    head.typePointer ?? head.pointer,
    `${change}, ${consequence}.`,
  );
}

function compareFormats(context, base, head, direction) {
  const [covered, covering] = direction === 'request' ? [base, head] : [head, base];
  if (covering.format === undefined || covered.format === covering.format) return;
  if (widerFormats[covered.format]?.includes(covering.format)) return;

  const change = `The format changed from ${base.format ?? 'none'} to ${head.format ?? 'none'}`;
  const consequence =
    direction === 'request'
      ? `so requests with values that are not ${head.format} are rejected`
      : `so responses may contain values that are not ${base.format}`;
  if (head.formatPointer) {
    context.report('changed-type', 'head', head.formatPointer, `${change}, ${consequence}.`);
  } else {
    context.report('changed-type', 'base', base.formatPointer, `${change}, ${consequence}.`);
  }
}

function compareEnums(context, base, head, direction) {
  if (direction === 'request') {
    if (head.enumValues === undefined) return;
    if (base.enumValues === undefined) {
      const allowed = head.enumValues.map(({ value }) => JSON.stringify(value)).join(', ');
      context.report(
        'narrowed-request-enum',
        'head',
        head.enumPointer,
        `The values are now restricted to ${allowed}, so requests that send any other value are rejected.`,
      );
      return;
    }
    const headValues = new Set(head.enumValues.map(({ value }) => enumKey(value)));
    for (const { value, pointer } of base.enumValues) {
      if (headValues.has(enumKey(value))) continue;
      context.report(
        'narrowed-request-enum',
        'base',
        pointer,
        `The value ${JSON.stringify(value)} was removed from the enum, so requests that send it are rejected.`,
      );
    }
    return;
  }

  if (base.enumValues === undefined) return;
  if (head.enumValues === undefined) {
    context.report(
      'widened-response-enum',
      'base',
      base.enumPointer,
      'The enum was removed, so responses may contain values that clients built from the base spec do not know.',
    );
    return;
  }
  const baseValues = new Set(base.enumValues.map(({ value }) => enumKey(value)));
  for (const { value, pointer } of head.enumValues) {
    if (baseValues.has(enumKey(value))) continue;
    context.report(
      'widened-response-enum',
      'head',
      pointer,
      `Responses may now contain ${JSON.stringify(value)}, which clients built from the base spec do not know.`,
    );
  }
}

function compareBounds(context, base, head) {
  for (const keyword of [...lowerBounds, ...upperBounds]) {
    const headBound = head.bounds.get(keyword);
    if (headBound === undefined) continue;
    const baseBound = base.bounds.get(keyword);
    const isLower = lowerBounds.includes(keyword);
    if (baseBound !== undefined) {
      const narrowed = isLower
        ? headBound.value > baseBound.value
        : headBound.value < baseBound.value;
      if (!narrowed) continue;
    }
    context.report(
      'narrowed-request-constraint',
      'head',
      headBound.pointer,
      `The ${keyword} changed from ${baseBound?.value ?? 'none'} to ${headBound.value}, so requests ` +
        `with ${isLower ? 'smaller' : 'larger'} values are rejected.`,
    );
  }

  // Two regular expressions cannot be compared in general, so any new or changed pattern counts.
  if (head.pattern !== undefined && head.pattern.value !== base.pattern?.value) {
    context.report(
      'narrowed-request-constraint',
      'head',
      head.pattern.pointer,
      `The pattern changed from ${base.pattern?.value ?? 'none'} to ${head.pattern.value}, so ` +
        'requests that no longer match it are rejected.',
    );
  }
}

function compareItems(context, base, head, direction) {
  if (base.items.length > 0 && head.items.length > 0) {
    compareSchemas(context, base.items, head.items, direction);
  } else if (base.items.length > 0 && direction === 'response') {
    context.report(
      'changed-type',
      'base',
      base.items[0].pointer,
      'The array items are no longer described, so responses may contain items of any type.',
    );
  } else if (head.items.length > 0 && direction === 'request') {
    context.report(
      'changed-type',
      'head',
      head.items[0].pointer,
      'The array items are now described, so requests with items that do not match are rejected.',
    );
  }
}
