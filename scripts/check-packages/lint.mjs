// Lints a packed tarball with publint (package.json fields against the packed files) and
// @arethetypeswrong/cli (type resolution under each TypeScript module resolution).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { runCommand, tail } from './run-command.mjs';

const attwTimeoutMs = 60_000;

/**
 * The attw rule that this check turns off, and why. The packages ship ES modules only. attw's
 * `cjs-resolves-to-esm` reports that a CommonJS `require()` resolves to them, which was an error
 * before Node.js 20.19 and 22.12. Every Node.js version in `engines` loads an ES module with
 * `require()` (the packages use no top-level await, which would prevent it), and the consumer
 * check requires the client from a CommonJS file to prove it. TypeScript 5.9 type-checks such a
 * `require()` under `"module": "node20"` or `"nodenext"`. A CommonJS build instead would double
 * the package and load two copies of the client in a program that both imports and requires
 * it, where `instanceof PulseError` then fails for errors of the other copy.
 */
export const ignoredAttwRule = { cliName: 'cjs-resolves-to-esm', kind: 'CJSResolvesToESM' };

/** Returns publint's messages for `tarball`, suggestions included, one string each. */
export async function lintWithPublint(label, tarball) {
  const data = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: 'suggestion',
  });
  return messages.map(
    (message) =>
      `${label}: publint ${message.type} ${message.code}: ` +
      `${formatMessage(message, pkg, { color: false }) ?? JSON.stringify(message.args)}`,
  );
}

/**
 * Runs attw on `tarball` and returns its problems, one string each, except those of
 * `ignoredAttwRule`. A package without type declarations, such as the spec, has nothing for
 * attw to resolve and yields no problems.
 */
export async function lintWithAttw(label, tarball) {
  const result = await runCommand(
    process.execPath,
    [
      attwBinPath(),
      tarball,
      '--format',
      'json',
      '--ignore-rules',
      ignoredAttwRule.cliName,
      '--no-color',
    ],
    { cwd: dirname(tarball), timeoutMs: attwTimeoutMs },
  );
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    const reason = result.timedOut ? 'timed out' : `exited with status ${result.status}`;
    return [`${label}: attw ${reason} without a JSON report:\n${tail(result.stderr)}`];
  }

  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter(({ kind }) => kind !== ignoredAttwRule.kind);
  const errors = problems.map(
    ({ kind, entrypoint, resolutionKind }) =>
      `${label}: attw reports ${kind} for ${entrypoint ?? 'the package'}` +
      `${resolutionKind ? ` under ${resolutionKind} resolution` : ''}. See ` +
      `https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/${kind}.md`,
  );
  if (errors.length === 0 && result.status !== 0) {
    errors.push(`${label}: attw exited with status ${result.status}:\n${tail(result.stderr)}`);
  }
  return errors;
}

function attwBinPath() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@arethetypeswrong/cli/package.json');
  const { bin } = require(manifestPath);
  return join(dirname(manifestPath), bin.attw);
}
