// Measures what a consumer's `tsc` run costs: it writes a small consumer project, type-checks it
// with `tsc --noEmit --extendedDiagnostics` in a child process, and reads the wall time, check
// time, type instantiations and memory. The consumer imports `@pulse-engagement/client` as an
// application would, through the package's exports and its built declarations in dist/.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// Far above the few seconds a run takes, so only a hung `tsc` reaches it.
const TSC_TIMEOUT_MS = 5 * 60_000;

/**
 * Compiler options of the consumer project: strict, with `skipLibCheck` as the client's README
 * recommends, and the DOM library for `fetch`, `Request` and `Response`.
 */
export const consumerCompilerOptions = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/**
 * Writes a consumer project to `directory`: its source files, given as an object of file names
 * and contents, a `tsconfig.json` that lists them and a `package.json`. The directory must lie
 * inside the repository so that `@pulse-engagement/client` resolves to the workspace package.
 */
export async function writeConsumerProject(directory, files) {
  const tsconfig = { compilerOptions: consumerCompilerOptions, files: Object.keys(files) };
  await writeFile(path.join(directory, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  await writeFile(path.join(directory, 'package.json'), '{ "type": "module" }\n');
  for (const [name, source] of Object.entries(files)) {
    await writeFile(path.join(directory, name), source);
  }
}

/**
 * Type-checks the project in `directory` once and returns the wall time of the `tsc` process
 * in ms, with the check time and total time in seconds, the type instantiations and the
 * memory used in KiB that `--extendedDiagnostics` reports. Rejects with the compiler's output
 * when the project has type errors, because the numbers would then describe a failed check.
 */
export async function measureTypecheck(directory) {
  const started = performance.now();
  let stdout;
  try {
    ({ stdout } = await execFileAsync(
      process.execPath,
      [tsc, '-p', directory, '--extendedDiagnostics'],
      { encoding: 'utf8', timeout: TSC_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(
      `tsc failed on the consumer in ${directory} (exit code ${error.code}). Fix the ` +
        `consumer source in bench/lib/typecheck-consumers.mjs:\n${output.slice(0, 4000)}`,
      { cause: error },
    );
  }
  const wallMs = performance.now() - started;
  const read = (label) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(stdout);
    if (match === null) throw new Error(`tsc --extendedDiagnostics printed no "${label}" line.`);
    return Number(match[1]);
  };
  return {
    wallMs,
    checkSeconds: read('Check time'),
    totalSeconds: read('Total time'),
    instantiations: read('Instantiations'),
    memoryKiB: read('Memory used'),
  };
}
