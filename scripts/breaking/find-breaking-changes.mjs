// Compares every operation of a base spec with the head spec and collects the findings.
import { compareOperation } from './compare-operation.mjs';
import { findingKinds } from './kinds.mjs';
import { listOperations } from './operations.mjs';

/**
 * A change between the base and the head spec. `role` names the document that `pointer`
 * points into: base for what was removed, head for what was added or changed.
 * @typedef {object} Finding
 * @property {string} kind a key of findingKinds, such as `removed-operation`
 * @property {'breaking' | 'warning'} severity
 * @property {string} operation such as `GET /contacts`
 * @property {'base' | 'head'} role
 * @property {string} pointer JSON Pointer (RFC 6901) into the `role` document
 * @property {string} message one sentence on what changed and what it breaks
 */

/**
 * Compares two specs loaded by loadSpec and returns the findings in the order of the base
 * spec's operations. The same kind at the same pointer is reported once per operation.
 * @returns {Finding[]}
 */
export function findBreakingChanges(base, head) {
  const findings = [];
  const headOperations = listOperations(head);

  for (const [operation, baseEntry] of listOperations(base)) {
    const context = createContext(base, head, operation, findings);
    const headEntry = headOperations.get(operation);
    if (headEntry === undefined) {
      context.report(
        'removed-operation',
        'base',
        baseEntry.pointer,
        'The operation was removed, so the generated client no longer has it and calls to it fail.',
      );
      continue;
    }
    compareOperation(context, baseEntry, headEntry);
  }
  return findings;
}

function createContext(base, head, operation, findings) {
  const reported = new Set();
  return {
    base,
    head,
    visited: new Set(),
    report(kind, role, pointer, message) {
      const key = `${kind} ${role} ${pointer}`;
      if (reported.has(key)) return;
      reported.add(key);
      const { severity } = findingKinds[kind];
      findings.push({ kind, severity, operation, role, pointer, message });
    },
  };
}
