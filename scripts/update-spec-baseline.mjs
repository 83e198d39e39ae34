#!/usr/bin/env node
// Bundles the spec and copies spec/dist/openapi.json to spec/baseline/openapi.json, the last
// released spec that scripts/check-breaking-changes.mjs compares against. Run it at release
// time, once info.version has been bumped, so that the baseline records the released version.
// The copy is byte for byte, so the baseline diffs cleanly against a bundle.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputError, loadSpec, readMajorVersion } from './breaking/load.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = resolve(root, 'spec/dist/openapi.json');
const defaultBaseline = resolve(root, 'spec/baseline/openapi.json');
const bundleCommand = ['npm', ['run', 'bundle', '-w', '@pulse-engagement/spec']];

const usage = `Usage: node scripts/update-spec-baseline.mjs [options]

Bundles the spec, then copies spec/dist/openapi.json to the baseline that the breaking-change
check compares against. Run it at release time, after info.version has been bumped.

Options:
  --skip-bundle  Copy the existing spec/dist/openapi.json without bundling it again.
  --out FILE     Write the baseline to FILE (default: spec/baseline/openapi.json).
  --help         Print this text.
`;

/** Updates the baseline with the given command-line arguments and returns the exit status. */
export async function run(argv, { stdout, stderr }) {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        'skip-bundle': { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    stderr.write(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    stdout.write(usage);
    return 0;
  }

  if (!options['skip-bundle']) {
    const [command, args] = bundleCommand;
    const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) {
      stderr.write(
        `Bundling failed (${command} ${args.join(' ')} exited with ${result.status ?? result.error?.message}). ` +
          'Fix the errors above, then run this script again.\n',
      );
      return 1;
    }
  }

  let bundle;
  try {
    // Reading the bundle first proves it is an OpenAPI document with a semantic version.
    bundle = await loadSpec(
      bundlePath,
      'bundled',
      'Bundle the spec first: npm run bundle -w @pulse-engagement/spec.',
    );
    readMajorVersion(bundle);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`${error.message}\n`);
    return 1;
  }

  const outPath = options.out === undefined ? defaultBaseline : resolve(options.out);
  try {
    await mkdir(dirname(outPath), { recursive: true });
    await copyFile(bundlePath, outPath);
  } catch (error) {
    stderr.write(
      `Cannot write the baseline ${outPath} (${error.code ?? error.message}). ` +
        'Check that its folder is writable, or pass another path with --out.\n',
    );
    return 1;
  }
  stdout.write(
    `Wrote ${relative(root, outPath)} from ${relative(root, bundlePath)} ` +
      `(info.version ${bundle.document.info.version}).\n`,
  );
  return 0;
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
