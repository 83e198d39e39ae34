// Sets up a project outside the workspace that installs the packed tarballs the way a user
// does, type-checks the programs in ./consumer/ against them, and runs those programs.
import { existsSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from './manifests.mjs';
import { runOrThrow } from './run-command.mjs';

const templateFolder = fileURLToPath(new URL('./consumer/', import.meta.url));
// Bounds for a hung command, not performance limits: `npm test` runs this check at a lower
// priority beside other tasks, which has made each step several times slower.
const installTimeoutMs = 240_000;
const compileTimeoutMs = 120_000;
const programTimeoutMs = 120_000;

/** The compiled ESM program, which calls the packed mock, and the CommonJS program. */
const esmProgram = 'build/main.js';
const commonJsProgram = 'build-cjs/require-client.cjs';
export const consumerPrograms = [esmProgram, commonJsProgram];

/**
 * The TypeScript projects of the consumer, each compiled once. `node16` and `bundler` check
 * the ESM programs in src/, and `commonjs` checks the CommonJS program in cjs/.
 */
export const consumerProjects = [
  { name: 'node16', tsconfig: 'tsconfig.node16.json' },
  { name: 'bundler', tsconfig: 'tsconfig.bundler.json' },
  { name: 'commonjs', tsconfig: 'tsconfig.commonjs.json' },
];

/**
 * Copies the consumer programs into `directory`, writes a package.json that depends on each
 * tarball in `tarballs` and on the root's typescript and @types/node versions, and runs
 * `npm install`. Packages missing from npm's cache are fetched from the registry.
 */
export async function installConsumer(directory, { tarballs, rootManifest }) {
  await cp(templateFolder, directory, { recursive: true });

  const dependencies = Object.fromEntries(
    tarballs.map(({ name, tarball }) => [name, `file:${tarball}`]),
  );
  const devDependencies = {};
  for (const name of ['typescript', '@types/node']) {
    devDependencies[name] = rootManifest.devDependencies[name];
  }
  const manifest = {
    name: 'pulse-packed-consumer',
    private: true,
    type: 'module',
    dependencies,
    devDependencies,
  };
  await writeFile(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  await runOrThrow(
    'npm install in the consumer project',
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: directory, timeoutMs: installTimeoutMs },
  );
}

/**
 * Lists each package that the root package.json `overrides` to a version, but that the
 * consumer installed at another version. npm applies overrides only in the workspace, so
 * users would otherwise run a version that the tests never ran.
 */
export async function checkOverrides(directory, rootManifest) {
  const errors = [];
  for (const [name, expected] of Object.entries(rootManifest.overrides ?? {})) {
    if (typeof expected !== 'string') continue;
    const manifestPath = join(directory, 'node_modules', name, 'package.json');
    const installed = await readJson(manifestPath).catch(() => undefined);
    if (installed === undefined || installed.version === expected) continue;
    errors.push(
      `The consumer project installed ${name} ${installed.version}, but the root package.json ` +
        `overrides it to ${expected}, which is what the tests run. Pin ${name} ${expected} ` +
        'in the dependencies of the published package that pulls it in.',
    );
  }
  return errors;
}

/** Compiles one of `consumerProjects` with the consumer's TypeScript, rejecting on errors. */
export async function compileConsumer(directory, project) {
  const tsc = join(directory, 'node_modules/typescript/bin/tsc');
  await runOrThrow(
    `tsc -p ${project.tsconfig} (module resolution ${project.name}) in the consumer project`,
    process.execPath,
    [tsc, '-p', project.tsconfig],
    { cwd: directory, timeoutMs: compileTimeoutMs },
  );
}

/**
 * Returns the Node.js binaries to run the consumer programs with, each with the programs it
 * runs. The Node.js that runs this check runs both. The Node.js 22 and 24 binaries, which the
 * root postinstall puts in scripts/runtimes/ where npm can install them (Linux x64), run the
 * CommonJS program only, because `require()` of an ES module is what changed between these
 * releases. The ESM program, which starts the mock, took about 5 s of CPU per run on Node.js 20.
 */
export function listNodeRuntimes(root) {
  const currentMajor = Number(process.versions.node.split('.')[0]);
  const runtimes = [
    { name: `Node.js ${currentMajor}`, path: process.execPath, programs: consumerPrograms },
  ];
  for (const major of [22, 24]) {
    const path = join(root, `scripts/runtimes/node_modules/node${major}/bin/node`);
    if (major !== currentMajor && existsSync(path)) {
      runtimes.push({ name: `Node.js ${major}`, path, programs: [commonJsProgram] });
    }
  }
  return runtimes;
}

/**
 * Runs compiled consumer programs, such as `consumerPrograms`, with the Node.js binary
 * `nodePath` and resolves with their output. The ESM program starts the packed mock on
 * 127.0.0.1 and port 0, and closes it before it exits.
 */
export async function runConsumerPrograms(directory, expectedApiVersion, nodePath, programs) {
  const outputs = [];
  for (const program of programs) {
    outputs.push(
      await runOrThrow(`${nodePath} ${program} in the consumer project`, nodePath, [program], {
        cwd: directory,
        env: { PULSE_EXPECTED_API_VERSION: expectedApiVersion },
        timeoutMs: programTimeoutMs,
      }),
    );
  }
  return outputs;
}
