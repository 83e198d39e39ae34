// The diff of the TypeScript types that the client would get from each spec.
import { generateTypes } from '../generate-client-types.mjs';
import { unifiedDiff } from './diff.mjs';

/**
 * Generates the client types for both specs with the options of
 * scripts/generate-client-types.mjs, and returns their unified diff, or an empty string when
 * the types are equal. `labels` name the two specs in the diff header.
 */
export async function diffGeneratedTypes(base, head, labels) {
  const baseTypes = await generateTypes(base.document);
  const headTypes = await generateTypes(head.document);
  return unifiedDiff(baseTypes, headTypes, {
    oldLabel: `${labels.base} (generated types)`,
    newLabel: `${labels.head} (generated types)`,
  });
}
