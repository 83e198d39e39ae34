// Sets of JSON Schema types, as schema views hold them: a Set such as {'string', 'null'}, or
// null when any type is allowed. `integer` is kept apart from `number`, although every integer
// is a number.

/** Returns the types both sets allow. An integer is a number, so integer and number give integer. */
export function intersectTypes(current, types) {
  if (current === null) return types;
  const shared = new Set();
  for (const type of current) {
    if (types.has(type) || (type === 'integer' && types.has('number'))) shared.add(type);
  }
  if (current.has('number') && types.has('integer')) shared.add('integer');
  return shared;
}

/**
 * Returns the types in `coveredTypes` that `coveringTypes` does not allow, such as `['null']`.
 * Null stands for any type. An integer is a number, so `number` covers `integer`.
 */
export function findUncoveredTypes(coveringTypes, coveredTypes) {
  if (coveringTypes === null) return [];
  if (coveredTypes === null) return ['any type'];
  return [...coveredTypes].filter(
    (type) => !coveringTypes.has(type) && !(type === 'integer' && coveringTypes.has('number')),
  );
}

/** Returns whether two type sets (null for any type) allow a type in common. */
export function typesOverlap(first, second) {
  if (first === null || second === null) return true;
  return findUncoveredTypes(second, first).length < first.size;
}

/** Returns a type set as text, such as `string | null`. */
export function describeTypes(types) {
  if (types === null) return 'any type';
  if (types.size === 0) return 'no value (a false schema)';
  return [...types].join(' | ');
}
