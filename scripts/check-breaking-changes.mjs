#!/usr/bin/env node
// Compares the bundled spec with the last released baseline and fails on a change that breaks
// clients, unless the major version of info.version was raised. See the usage text below and
// the "Breaking changes" section of spec/CONTRIBUTING.md.
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findBreakingChanges } from './breaking/find-breaking-changes.mjs';
import { InputError, loadSpec, readMajorVersion } from './breaking/load.mjs';
import { findPendingMajorChangesets } from './breaking/pending-changesets.mjs';
import { formatReport } from './breaking/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultBase = resolve(root, 'spec/baseline/openapi.json');
const defaultHead = resolve(root, 'spec/dist/openapi.json');
const defaultChangesets = resolve(root, '.changeset');
const specPackage = '@pulse-engagement/spec';

const usage = `Usage: node scripts/check-breaking-changes.mjs [options]

Compares the head spec with the base spec and exits 1 on a change that breaks clients, unless
the major version of info.version was raised or a pending changeset raises the major version
of @pulse-engagement/spec.

Options:
  --base FILE       The released spec, JSON or YAML (default: spec/baseline/openapi.json).
  --head FILE       The new spec, JSON or YAML (default: spec/dist/openapi.json, written by
                    npm run bundle -w @pulse-engagement/spec).
  --changesets DIR  The pending changesets to read (default: .changeset when --head is not
                    given, none otherwise).
  --types           Print the unified diff of the client types generated from each spec.
  --types-out FILE  Write that diff to FILE.
  --help            Print this text.

Exit status: 0 when nothing breaks or the major version was raised, 1 on breaking changes,
2 on an invalid option or an unreadable spec, 3 on an internal error.
`;

/**
 * Runs the check with command-line arguments and returns the exit status. The report goes to
 * `stdout`, errors to `stderr`.
 */
export async function run(argv, { stdout, stderr }) {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      stdout.write(usage);
      return 0;
    }
    return await check(options, stdout);
  } catch (error) {
    if (error instanceof InputError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    stderr.write(`Internal error in the breaking-change check: ${error.stack}\n`);
    return 3;
  }
}

function parseOptions(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        changesets: { type: 'string' },
        types: { type: 'boolean', default: false },
        'types-out': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    throw new InputError(`${error.message}\n\n${usage}`);
  }
}

async function check(options, stdout) {
  const basePath = options.base === undefined ? defaultBase : resolve(options.base);
  const headPath = options.head === undefined ? defaultHead : resolve(options.head);
  const base = await loadSpec(
    basePath,
    'base',
    'Pass an existing file with --base, or create the baseline with ' +
      '`node scripts/update-spec-baseline.mjs`.',
  );
  const head = await loadSpec(
    headPath,
    'head',
    'Pass an existing file with --head, or bundle the spec first: ' +
      '`npm run bundle -w @pulse-engagement/spec`.',
  );
  const versions = {
    base: base.document.info.version,
    head: head.document.info.version,
    baseMajor: readMajorVersion(base),
    headMajor: readMajorVersion(head),
    pendingMajor: await findPendingMajorChangesets(changesetsPath(options), specPackage),
  };
  const labels = { base: displayPath(basePath), head: displayPath(headPath) };

  const findings = findBreakingChanges(base, head);
  const { text, failed } = formatReport({ findings, labels, versions });
  stdout.write(text);

  if (options.types || options['types-out'] !== undefined) {
    // Loaded on demand, because importing openapi-typescript takes longer than the check.
    const { diffGeneratedTypes } = await import('./breaking/types-diff.mjs');
    const diff = await diffGeneratedTypes(base, head, labels);
    if (options.types) {
      stdout.write('\nDiff of the generated client types (openapi-typescript):\n');
      stdout.write(diff === '' ? 'The generated client types are equal.\n' : diff);
    }
    if (options['types-out'] !== undefined)
      await writeTypesDiff(options['types-out'], diff, stdout);
  }
  return failed ? 1 : 0;
}

// Pending changesets describe the repository's next release, so they only apply to its own
// bundle unless a folder is passed explicitly.
function changesetsPath(options) {
  if (options.changesets !== undefined) return resolve(options.changesets);
  return options.head === undefined ? defaultChangesets : undefined;
}

async function writeTypesDiff(path, diff, stdout) {
  try {
    await writeFile(path, diff);
  } catch (error) {
    throw new InputError(
      `Cannot write the types diff to ${path} (${error.code ?? error.message}). ` +
        'Pass a --types-out path in an existing, writable folder.',
    );
  }
  stdout.write(`Wrote the diff of the generated client types to ${path}.\n`);
}

// Paths inside the repository are shown from its root, as the README names them.
function displayPath(path) {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

// Runs only as a command, so that tests can import run.
if (
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
