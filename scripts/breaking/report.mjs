// The text report of the findings, and the exit code it leads to.
import { findingKinds } from './kinds.mjs';

const versionFix =
  'add a changeset that gives @pulse-engagement/spec a major bump (npm run changeset)';

/**
 * Formats the findings for the terminal and returns `{ text, failed }`. Breaking findings fail
 * the check unless the head spec's major version is greater than the base spec's, or a pending
 * changeset raises it, in which case they are listed as accepted. Warnings never fail it.
 */
export function formatReport({ findings, labels, versions }) {
  const pendingMajor = versions.pendingMajor ?? [];
  const majorRaised = versions.headMajor > versions.baseMajor || pendingMajor.length > 0;
  const lines = [
    `Compared ${labels.base} (info.version ${versions.base}) with ${labels.head} ` +
      `(info.version ${versions.head}).`,
  ];

  for (const finding of findings) {
    lines.push('', ...formatFinding(finding, majorRaised));
  }

  const breaking = findings.filter(({ severity }) => severity === 'breaking').length;
  const warnings = findings.length - breaking;
  const failed = breaking > 0 && !majorRaised;
  lines.push('', summarize(breaking, warnings, versions, failed));
  return { text: `${lines.join('\n')}\n`, failed };
}

function formatFinding({ kind, severity, operation, role, pointer, message }, majorRaised) {
  const { fix } = findingKinds[kind];
  let label = 'WARNING';
  if (severity === 'breaking') label = majorRaised ? 'ACCEPTED' : 'BREAKING';

  const lines = [`${label} ${kind}: ${operation}`, `  at ${role} ${pointer}`, `  ${message}`];
  if (severity === 'warning') lines.push(`  Note: ${fix}.`);
  else if (!majorRaised) lines.push(`  Fix: ${fix}, or ${versionFix}.`);
  return lines;
}

function summarize(breaking, warnings, versions, failed) {
  const counts = `${count(breaking, 'breaking change')} and ${count(warnings, 'warning')}`;
  if (breaking === 0) return `Passed: ${counts}.`;
  if (failed) {
    return (
      `Failed: ${counts}, and the major version was not raised ` +
      `(${versions.base} to ${versions.head}). Undo each breaking change, or raise the major ` +
      'version: add a changeset that gives @pulse-engagement/spec a major bump ' +
      '(npm run changeset), or raise info.version in spec/openapi.yaml.'
    );
  }
  if (versions.headMajor <= versions.baseMajor) {
    return (
      `Passed: ${counts}. The breaking changes are accepted because the pending changeset ` +
      `${versions.pendingMajor.join(', ')} raises the ` +
      'major version of @pulse-engagement/spec.'
    );
  }
  return (
    `Passed: ${counts}. The breaking changes are accepted because the major version was ` +
    `raised (${versions.base} to ${versions.head}).`
  );
}

function count(number, noun) {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}
