#!/usr/bin/env node
// Checks the packages that users install from npm: @pulse-engagement/spec, client and mock.
// It packs each one with `npm pack` and lints the tarball with publint and attw. Then it
// installs the three tarballs in a project under the system's temporary folder, type-checks a
// user's programs against them under three module settings, and runs those programs against
// the packed mock. It reads the build output, so build first, as `npx turbo run
// check-packages` does. Each step is a module in scripts/check-packages/.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditClient } from './check-packages/audit.mjs';
import {
  checkOverrides,
  compileConsumer,
  consumerProjects,
  installConsumer,
  listNodeRuntimes,
  runConsumerPrograms,
} from './check-packages/consumer.mjs';
import { lintWithAttw, lintWithPublint } from './check-packages/lint.mjs';
import {
  checkClientDependencies,
  checkDependentVersions,
  checkEngines,
  checkPublicWorkspaces,
  checkSpecVersion,
  publishablePackages,
  readApiVersion,
  readJson,
  readWorkspaceManifests,
} from './check-packages/manifests.mjs';
import { checkPackedFiles } from './check-packages/packed-files.mjs';
import { extractTarball, packPackage } from './check-packages/pack.mjs';
import { stopRunningCommands } from './check-packages/run-command.mjs';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = `Usage: node scripts/check-packages.mjs [--audit] [--keep] [--root <folder>]

  --audit  Also run \`npm audit --omit=dev --audit-level=high\` over the packed client alone.
           This sends the client's dependency tree to the registry that npm is configured
           with, so it needs the network.
  --keep   Keep the temporary folder with the tarballs and the consumer project, and print
           its path.
  --root   Repository to check (default: the one that contains this script). The tests of
           this script point it at a copy with a broken package.
`;

// Build output that must exist before packing.
const buildOutputs = [
  'spec/dist/openapi.json',
  'spec/dist/openapi.yaml',
  'packages/client/dist/index.js',
  'packages/mock/dist/index.js',
];

let failed = false;

/** Prints `ok` or `FAIL` with `label`, and each error below a failure. */
function report(label, errors, seconds) {
  const timing = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
  if (errors.length === 0) {
    process.stdout.write(`ok    ${label}${timing}\n`);
    return true;
  }
  failed = true;
  process.stdout.write(`FAIL  ${label}${timing}\n`);
  for (const error of errors) process.stdout.write(`  - ${error.replaceAll('\n', '\n    ')}\n`);
  return false;
}

/** Runs `check`, which returns a list of errors or throws one, and reports the outcome. */
async function step(label, check) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const errors = await check();
    return report(label, errors, seconds());
  } catch (error) {
    return report(label, [error.message], seconds());
  }
}

async function checkManifests(root) {
  const workspaces = await readWorkspaceManifests(root);
  return [
    ...checkPublicWorkspaces(workspaces),
    ...(await checkSpecVersion(root)),
    ...checkDependentVersions(workspaces),
    ...checkEngines(workspaces),
  ];
}

function checkBuildOutputs(root) {
  return buildOutputs
    .filter((path) => !existsSync(join(root, path)))
    .map(
      (path) =>
        `${path} is missing. Run \`npx turbo run check-packages\`, which builds and bundles ` +
        'the packages before checking them, or `npm run build` first.',
    );
}

/**
 * Packs each publishable package, checks its file list and manifest, and returns the packed
 * packages in list order. A package that cannot be packed is left out.
 */
async function packAll(root, temporaryFolder) {
  const packed = [];
  for (const { name, folder } of publishablePackages) {
    await step(`${name}: npm pack and packed files`, async () => {
      const { tarball, files } = await packPackage(join(root, folder), temporaryFolder);
      const unpacked = join(temporaryFolder, 'unpacked', basename(folder));
      const packageDir = await extractTarball(tarball, unpacked);
      const manifest = await readJson(join(packageDir, 'package.json'));
      packed.push({ name, tarball });
      return [
        ...(await checkPackedFiles(name, packageDir, files)),
        ...(name === '@pulse-engagement/client' ? checkClientDependencies(manifest) : []),
      ];
    });
  }
  return packed;
}

/** Lints the tarballs with publint and attw, concurrently. */
async function lintAll(packed) {
  await Promise.all(
    packed.map(({ name, tarball }) =>
      step(`${name}: publint and attw`, async () => [
        ...(await lintWithPublint(name, tarball)),
        ...(await lintWithAttw(name, tarball)),
      ]),
    ),
  );
}

/**
 * Installs the tarballs in a consumer project, compiles its programs under each module
 * setting concurrently, and runs them once all compiled.
 */
async function checkConsumer(root, temporaryFolder, packed, rootManifest) {
  const directory = join(temporaryFolder, 'consumer');
  const installed = await step('consumer project: npm install of the three tarballs', async () => {
    await installConsumer(directory, { tarballs: packed, rootManifest });
    return checkOverrides(directory, rootManifest);
  });
  if (!installed) return;

  const compiled = await Promise.all(
    consumerProjects.map((project) =>
      step(`consumer project: tsc -p ${project.tsconfig}`, async () => {
        await compileConsumer(directory, project);
        return [];
      }),
    ),
  );
  if (compiled.includes(false)) return;

  const apiVersion = await readApiVersion(root);
  await Promise.all(
    listNodeRuntimes(root).map(({ name, path, programs }) =>
      step(`consumer project: ${programs.join(' and ')} on ${name}`, async () => {
        const outputs = await runConsumerPrograms(directory, apiVersion, path, programs);
        for (const output of outputs) process.stdout.write(`      ${name}: ${output.trim()}\n`);
        return [];
      }),
    ),
  );
}

/**
 * Removes `folder` in a detached Node.js process that ends once the folder is gone. When
 * another task fails, turbo 2.11 sends this check SIGINT and ends it about a second later,
 * which is too soon to delete the consumer's node_modules here. Processes that were just
 * killed may still be writing, so the removal retries.
 */
function removeInBackground(folder) {
  const script =
    'require("node:fs").rmSync(process.argv[1], ' +
    '{ recursive: true, force: true, maxRetries: 10, retryDelay: 200 })';
  spawn(process.execPath, ['-e', script, folder], { detached: true, stdio: 'ignore' }).unref();
}

/** Parses the command line, or exits after printing the usage for --help or a bad option. */
function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        audit: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        root: { type: 'string', default: repositoryRoot },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed.values;
}

async function main(values) {
  const root = resolve(values.root);
  const manifestsValid = await step('package.json files: versions, engines, private', () =>
    checkManifests(root),
  );
  const built = report('build output of the spec, client and mock', checkBuildOutputs(root));
  if (!manifestsValid || !built) return;

  const rootManifest = await readJson(join(root, 'package.json'));
  const temporaryFolder = await mkdtemp(join(tmpdir(), 'pulse-check-packages-'));
  const removeTemporaryFolder = () => rmSync(temporaryFolder, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopRunningCommands();
      removeInBackground(temporaryFolder);
      process.exit(130);
    });
  }

  try {
    const packed = await packAll(root, temporaryFolder);
    // The install waits mostly on npm's cache, so the linters run meanwhile.
    const consumerChecked =
      packed.length === publishablePackages.length
        ? checkConsumer(root, temporaryFolder, packed, rootManifest)
        : Promise.resolve();
    await Promise.all([lintAll(packed), consumerChecked]);

    const client = packed.find(({ name }) => name === '@pulse-engagement/client');
    if (!values.audit) {
      process.stdout.write(
        'skip  npm audit of the packed client: it needs the registry, so run with --audit.\n',
      );
    } else if (client !== undefined) {
      await step('npm audit of the packed client', () =>
        auditClient(join(temporaryFolder, 'audit'), client.tarball),
      );
    }
  } finally {
    if (values.keep) {
      process.stdout.write(`Kept ${temporaryFolder}\n`);
    } else {
      removeTemporaryFolder();
    }
  }
}

const options = parseOptions();
const started = performance.now();
// `npm test` runs this check beside test suites with time limits, such as server start-ups.
// A lower priority, which the commands it runs inherit, leaves the CPU to them first.
setPriority(10);
main(options)
  .then(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Package check ${failed ? 'failed' : 'passed'} in ${seconds} s.\n`);
    if (failed) process.exitCode = 1;
  })
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
