// Checks of the workspace's package.json files that need no packing: which packages are
// public, the spec package's version, the versions that dependents pin, and `engines`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Packages published to npm, by name, with their folder relative to the repository root. */
export const publishablePackages = [
  { name: '@pulse-engagement/spec', folder: 'spec' },
  { name: '@pulse-engagement/client', folder: 'packages/client' },
  { name: '@pulse-engagement/mock', folder: 'packages/mock' },
];

/**
 * The Node.js versions that the published packages support. These are the releases that load
 * an ES module with `require()` without a flag (20.19 and 22.12 unflagged it), which is what
 * lets CommonJS projects use these ESM-only packages. Odd-numbered releases are left out
 * because nothing is tested on them.
 */
export const supportedNodeRange = '^20.19.0 || ^22.12.0 || >=24';

/** The one package that the client may depend on at run time. */
export const clientRuntimeDependencies = ['openapi-fetch'];

const dependencyFields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** Reads and parses a JSON file, naming the file when that fails. */
export async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${error.message}`, { cause: error });
  }
}

/**
 * Reads the package.json of every workspace, as `{ folder, manifest }` with the folder relative
 * to `root`. The `workspaces` globs of the root package.json may name a folder or end in `/*`.
 */
export async function readWorkspaceManifests(root) {
  const rootManifest = await readJson(join(root, 'package.json'));
  const folders = [];
  for (const pattern of rootManifest.workspaces ?? []) {
    if (!pattern.endsWith('/*')) {
      folders.push(pattern);
      continue;
    }
    const parent = pattern.slice(0, -2);
    const entries = await readdir(join(root, parent), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) folders.push(`${parent}/${entry.name}`);
    }
  }

  const workspaces = [];
  for (const folder of folders.sort()) {
    const manifest = await readJson(join(root, folder, 'package.json')).catch(() => undefined);
    if (manifest !== undefined) workspaces.push({ folder, manifest });
  }
  return workspaces;
}

/** Lists each workspace that is public but not in `publishablePackages`, and the reverse. */
export function checkPublicWorkspaces(workspaces) {
  const errors = [];
  const expected = new Set(publishablePackages.map(({ name }) => name));
  for (const { folder, manifest } of workspaces) {
    const isPublic = manifest.private !== true;
    if (isPublic && !expected.has(manifest.name)) {
      errors.push(
        `${folder}/package.json (${manifest.name}) is not private, but only ` +
          `${[...expected].join(', ')} are published. Add "private": true, or add the package ` +
          'to publishablePackages in scripts/check-packages/manifests.mjs.',
      );
    }
    if (!isPublic && expected.has(manifest.name)) {
      errors.push(
        `${folder}/package.json (${manifest.name}) is private, so it cannot be published. ` +
          'Remove "private": true.',
      );
    }
  }
  return errors;
}

/** Returns `info.version` of spec/openapi.yaml as parsed, which may be a number or missing. */
export async function readApiVersion(root) {
  const document = parseYaml(await readFile(join(root, 'spec/openapi.yaml'), 'utf8'));
  return document?.info?.version;
}

/**
 * Compares the version of the spec package with `info.version` of spec/openapi.yaml, which
 * must be equal so that the npm version names the API description that the package contains.
 */
export async function checkSpecVersion(root) {
  const manifest = await readJson(join(root, 'spec/package.json'));
  const apiVersion = await readApiVersion(root);

  if (typeof apiVersion !== 'string') {
    return [
      `info.version in spec/openapi.yaml is ${JSON.stringify(apiVersion)}, not a string. ` +
        'Write it as a quoted semantic version, such as "1.0.0".',
    ];
  }
  if (manifest.version === apiVersion) return [];
  return [
    `spec/package.json has version ${manifest.version}, but info.version in ` +
      `spec/openapi.yaml is ${apiVersion}. They must be equal. Versions change through ` +
      `changesets: \`npm run version-packages\` raises the package version and copies it into ` +
      `info.version. To copy the package version alone, run \`node scripts/sync-api-version.mjs\`.`,
  ];
}

/**
 * Lists each workspace that pins a publishable package at another version than that package's
 * own. The workspace pins exact versions, and a stale pin makes npm fetch the registry's copy
 * instead of linking the workspace.
 */
export function checkDependentVersions(workspaces) {
  const versions = new Map(workspaces.map(({ manifest }) => [manifest.name, manifest.version]));
  const errors = [];
  for (const { folder, manifest } of workspaces) {
    for (const field of dependencyFields) {
      for (const { name } of publishablePackages) {
        const pinned = manifest[field]?.[name];
        const current = versions.get(name);
        if (pinned === undefined || pinned === current) continue;
        errors.push(
          `${folder}/package.json has ${name} ${pinned} in ${field}, but the workspace package ` +
            `is ${current}. Set it to "${current}", then run \`npm install\` so that ` +
            'package-lock.json follows.',
        );
      }
    }
  }
  return errors;
}

/** Lists each publishable package whose `engines.node` is not `supportedNodeRange`. */
export function checkEngines(workspaces) {
  const errors = [];
  for (const { folder, manifest } of workspaces) {
    if (!publishablePackages.some(({ name }) => name === manifest.name)) continue;
    const declared = manifest.engines?.node;
    if (declared === supportedNodeRange) continue;
    errors.push(
      `${folder}/package.json declares engines.node ${JSON.stringify(declared)}, but the ` +
        `published packages support "${supportedNodeRange}". Set it to that range, or change ` +
        'supportedNodeRange in scripts/check-packages/manifests.mjs and the READMEs together.',
    );
  }
  return errors;
}

/**
 * Lists what is wrong with the run-time dependencies of the packed client's manifest: it may
 * depend on `clientRuntimeDependencies` only, and on nothing through peer, optional or
 * bundled dependencies.
 */
export function checkClientDependencies(manifest) {
  const errors = [];
  const names = Object.keys(manifest.dependencies ?? {}).sort();
  if (JSON.stringify(names) !== JSON.stringify(clientRuntimeDependencies)) {
    errors.push(
      `The packed client depends on ${names.join(', ') || 'nothing'}, but its only run-time ` +
        `dependency must be ${clientRuntimeDependencies.join(', ')}, because every application ` +
        'that calls the API installs it. Move other packages to devDependencies.',
    );
  }
  const fields = ['peerDependencies', 'optionalDependencies', 'bundleDependencies'];
  for (const field of [...fields, 'bundledDependencies']) {
    const extra = listNames(manifest[field]);
    if (extra.length === 0) continue;
    errors.push(
      `The packed client has ${field} (${extra.join(', ')}). Remove them: ` +
        `${clientRuntimeDependencies.join(', ')} must be its only run-time dependency.`,
    );
  }
  return errors;
}

// Names in a dependency field: an object, or for bundleDependencies an array or `true` (all).
function listNames(field) {
  if (field === true) return ['every dependency'];
  if (Array.isArray(field)) return field;
  return Object.keys(field ?? {});
}
