// Compares the oneOf and anyOf branches of two schemas.
import { compareSchemas } from './compare-schemas.mjs';
import { unionBranchParts, viewSchema } from './schema-view.mjs';
import { typesOverlap } from './type-sets.mjs';

/**
 * Compares oneOf and anyOf branches. On the covered side (the base of a request, the head of
 * a response) every branch must match a branch of the other side. A branch that is a $ref
 * matches by discriminator mapping value, then by the same $ref. An inline branch matches the
 * inline branch at the same position, then the first branch of an overlapping type. Matched
 * branches are compared with the keywords of the schema around them.
 */
export function compareUnions(context, base, head, direction) {
  if (!base.union && !head.union) return;

  const coveredIsBase = direction === 'request';
  const covered = {
    view: coveredIsBase ? base : head,
    spec: coveredIsBase ? context.base : context.head,
  };
  const covering = {
    view: coveredIsBase ? head : base,
    spec: coveredIsBase ? context.head : context.base,
  };
  const coveredBranches = covered.view.union
    ? unionBranchParts(covered.view)
    : [covered.view.parts];

  coveredBranches.forEach((coveredParts, index) => {
    const match = covering.view.union
      ? findMatchingBranch(covered, covering, coveredParts, index)
      : covering.view.parts;
    if (match === undefined) {
      reportUnmatched(context, covered.view, covering.view, coveredParts, direction);
      return;
    }
    const [baseParts, headParts] = coveredIsBase ? [coveredParts, match] : [match, coveredParts];
    compareSchemas(context, baseParts, headParts, direction);
  });
}

function findMatchingBranch(covered, covering, coveredParts, index) {
  const coveringBranches = unionBranchParts(covering.view);
  const coveringRefs = coveringBranches.map((parts) => parts.at(-1).schema?.$ref);
  const coveredUnion = covered.view.union;
  const coveredRef = coveredUnion ? coveredParts.at(-1).schema?.$ref : singleRef(coveredParts);

  if (coveredRef !== undefined) {
    const mapping = coveredUnion?.mapping ?? {};
    const mappingKey = Object.keys(mapping).find((key) => mapping[key] === coveredRef);
    const mappedRef =
      mappingKey === undefined ? undefined : covering.view.union.mapping[mappingKey];
    const position = coveringRefs.findIndex(
      (ref) => ref !== undefined && (ref === mappedRef || ref === coveredRef),
    );
    if (position !== -1) return coveringBranches[position];
    // A union branch that is a $ref to another component was replaced, not changed.
    if (coveredUnion) return undefined;
  }

  const coveredTypes = viewSchema(covered.spec, coveredParts).types;
  const overlaps = (parts) => typesOverlap(coveredTypes, viewSchema(covering.spec, parts).types);
  const samePosition = coveringBranches[index];
  if (
    coveredUnion &&
    samePosition !== undefined &&
    coveringRefs[index] === undefined &&
    overlaps(samePosition)
  ) {
    return samePosition;
  }
  return coveringBranches.find((parts, position) => {
    if (coveredUnion && coveringRefs[position] !== undefined) return false;
    return overlaps(parts);
  });
}

function reportUnmatched(context, covered, covering, coveredParts, direction) {
  if (!covered.union) {
    if (direction === 'request') {
      context.report(
        'changed-type',
        'head',
        covering.union.pointer,
        'No branch of the new union accepts the values that the schema accepted, so those requests are rejected.',
      );
    } else {
      context.report(
        'changed-type',
        'head',
        covered.pointer,
        'The schema matches no branch of the base union, so clients do not expect these responses.',
      );
    }
    return;
  }

  const branch = coveredParts.at(-1);
  if (direction === 'request') {
    context.report(
      'removed-variant',
      'base',
      branch.pointer,
      `The ${covered.union.keyword} branch ${describeBranch(branch)} was removed, so requests that match only it are rejected.`,
    );
  } else {
    context.report(
      'added-variant',
      'head',
      branch.pointer,
      `The new ${covered.union.keyword} branch ${describeBranch(branch)} may appear in responses, which clients built from the base spec do not know.`,
    );
  }
}

function singleRef(parts) {
  return parts.length === 1 ? parts[0].schema?.$ref : undefined;
}

function describeBranch(branch) {
  return branch.schema?.$ref ?? `at position ${branch.pointer.split('/').at(-1)}`;
}
