// Tests of scripts/check-packages.mjs and its modules against small fixture packages written
// to the system's temporary folder: each check must fail on the mistake it exists for.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditClient, readAuditReport } from '../check-packages/audit.mjs';
import { checkOverrides } from '../check-packages/consumer.mjs';
import { lintWithAttw, lintWithPublint } from '../check-packages/lint.mjs';
import {
  checkClientDependencies,
  checkDependentVersions,
  checkEngines,
  checkPublicWorkspaces,
  checkSpecVersion,
  supportedNodeRange,
} from '../check-packages/manifests.mjs';
import { packPackage } from '../check-packages/pack.mjs';
import { checkPackedFiles } from '../check-packages/packed-files.mjs';

const checkScript = fileURLToPath(new URL('../check-packages.mjs', import.meta.url));

let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'pulse-check-packages-test-'));
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Writes `files` (relative path to text, or to an object written as JSON) under `folder`. */
async function writeFiles(folder, files) {
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    const text = typeof contents === 'string' ? contents : `${JSON.stringify(contents, null, 2)}\n`;
    await writeFile(join(folder, path), text);
  }
  return folder;
}

/** Writes a workspace root with the three published packages at the given versions. */
async function writeWorkspace(folder, { specVersion, apiVersion, clientPinsSpec }) {
  const engines = { node: supportedNodeRange };
  return writeFiles(folder, {
    'package.json': { name: 'root', private: true, workspaces: ['spec', 'packages/*'] },
    'spec/package.json': { name: '@pulse-engagement/spec', version: specVersion, engines },
    'spec/openapi.yaml': `openapi: 3.1.0\ninfo:\n  title: Test\n  version: ${apiVersion}\n`,
    'packages/client/package.json': {
      name: '@pulse-engagement/client',
      version: '0.1.0',
      engines,
      devDependencies: { '@pulse-engagement/spec': clientPinsSpec },
    },
    'packages/mock/package.json': { name: '@pulse-engagement/mock', version: '0.1.0', engines },
  });
}

/** Returns the manifest of a minimal ESM package with types, with `overrides` applied. */
function esmManifest(overrides = {}) {
  return {
    name: 'fixture-package',
    version: '1.0.0',
    type: 'module',
    license: 'MIT',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    types: './dist/index.d.ts',
    files: ['dist'],
    engines: { node: supportedNodeRange },
    ...overrides,
  };
}

const esmFiles = {
  'README.md': '# Fixture\n',
  'dist/index.js': 'export const answer = 42;\n',
  'dist/index.d.ts': 'export declare const answer: number;\n',
};

describe('spec version check', () => {
  it('passes when the versions match', async () => {
    const root = await writeWorkspace(join(scratch, 'spec-match'), {
      specVersion: '1.2.0',
      apiVersion: '1.2.0',
      clientPinsSpec: '1.2.0',
    });

    assert.deepEqual(await checkSpecVersion(root), []);
  });

  it('names both versions and the fix', async () => {
    const root = await writeWorkspace(join(scratch, 'spec-mismatch'), {
      specVersion: '0.1.0',
      apiVersion: '1.0.0',
      clientPinsSpec: '0.1.0',
    });

    const [error, ...rest] = await checkSpecVersion(root);

    assert.deepEqual(rest, []);
    assert.match(error, /spec\/package\.json has version 0\.1\.0/);
    assert.match(error, /info\.version in spec\/openapi\.yaml is 1\.0\.0/);
    assert.match(error, /node scripts\/sync-api-version\.mjs/);
  });

  it('rejects an unquoted version that YAML reads as a number', async () => {
    const root = await writeWorkspace(join(scratch, 'spec-number'), {
      specVersion: '1.0.0',
      apiVersion: '1.0',
      clientPinsSpec: '1.0.0',
    });

    const [error] = await checkSpecVersion(root);

    assert.match(error, /info\.version in spec\/openapi\.yaml is 1, not a string/);
  });
});

describe('workspace manifest checks', () => {
  const workspace = (folder, manifest) => ({ folder, manifest });
  const spec = workspace('spec', { name: '@pulse-engagement/spec', version: '1.0.0' });
  const client = workspace('packages/client', {
    name: '@pulse-engagement/client',
    version: '0.1.0',
    engines: { node: supportedNodeRange },
  });
  const mock = workspace('packages/mock', {
    name: '@pulse-engagement/mock',
    version: '0.1.0',
    engines: { node: supportedNodeRange },
  });

  it('reports a dependent that pins an old spec version', () => {
    const docs = workspace('apps/docs', {
      name: 'docs',
      private: true,
      devDependencies: { '@pulse-engagement/spec': '0.1.0' },
    });

    const errors = checkDependentVersions([spec, client, mock, docs]);

    assert.equal(errors.length, 1);
    assert.match(errors[0], /apps\/docs\/package\.json has @pulse-engagement\/spec 0\.1\.0/);
    assert.match(errors[0], /Set it to "1\.0\.0"/);
  });

  it('accepts dependents that pin the current versions', () => {
    const app = workspace('apps/example', {
      name: 'example',
      private: true,
      dependencies: { '@pulse-engagement/client': '0.1.0', '@pulse-engagement/mock': '0.1.0' },
    });

    assert.deepEqual(checkDependentVersions([spec, client, mock, app]), []);
  });

  it('reports a public app and a private published package', () => {
    const app = workspace('apps/example', { name: 'example', version: '0.0.0' });
    const privateMock = workspace('packages/mock', { ...mock.manifest, private: true });

    const errors = checkPublicWorkspaces([spec, client, privateMock, app]);

    assert.equal(errors.length, 2);
    assert.match(errors[0], /packages\/mock\/package\.json .* is private/);
    assert.match(errors[1], /apps\/example\/package\.json \(example\) is not private/);
  });

  it('reports engines that differ from the supported range', () => {
    const oldNode = workspace('packages/mock', { ...mock.manifest, engines: { node: '>=18' } });

    const errors = checkEngines([client, oldNode]);

    assert.equal(errors.length, 1);
    assert.match(errors[0], /packages\/mock\/package\.json declares engines\.node ">=18"/);
    assert.ok(errors[0].includes(supportedNodeRange));
  });

  it('reports a spec package without engines', () => {
    const [error] = checkEngines([spec]);

    assert.match(error, /spec\/package\.json declares engines\.node undefined/);
  });
});

describe('client dependency check', () => {
  it('accepts openapi-fetch alone', () => {
    const manifest = { dependencies: { 'openapi-fetch': '0.17.0' } };

    assert.deepEqual(checkClientDependencies(manifest), []);
  });

  it('reports another run-time dependency', () => {
    const manifest = { dependencies: { 'openapi-fetch': '0.17.0', pino: '^9.0.0' } };

    const [error] = checkClientDependencies(manifest);

    assert.match(error, /depends on openapi-fetch, pino/);
  });

  it('reports a missing openapi-fetch', () => {
    const [error] = checkClientDependencies({});

    assert.match(error, /depends on nothing/);
  });

  it('reports peer and bundled dependencies', () => {
    const manifest = {
      dependencies: { 'openapi-fetch': '0.17.0' },
      peerDependencies: { typescript: '^5' },
      bundleDependencies: true,
    };

    const errors = checkClientDependencies(manifest);

    assert.equal(errors.length, 2);
    assert.match(errors[0], /peerDependencies \(typescript\)/);
    assert.match(errors[1], /bundleDependencies \(every dependency\)/);
  });
});

describe('override check', () => {
  const rootManifest = { overrides: { '@stoplight/prism-core': '5.8.0' } };

  it('reports a consumer that installed another version', async () => {
    const consumer = await writeFiles(join(scratch, 'override-other'), {
      'node_modules/@stoplight/prism-core/package.json': { version: '5.15.0' },
    });

    const [error] = await checkOverrides(consumer, rootManifest);

    assert.match(
      error,
      /installed @stoplight\/prism-core 5\.15\.0, but .* overrides it to 5\.8\.0/,
    );
  });

  it('accepts the overridden version', async () => {
    const consumer = await writeFiles(join(scratch, 'override-same'), {
      'node_modules/@stoplight/prism-core/package.json': { version: '5.8.0' },
    });

    assert.deepEqual(await checkOverrides(consumer, rootManifest), []);
  });
});

describe('packed file check', () => {
  it('accepts build output with a README', async () => {
    const folder = await writeFiles(join(scratch, 'files-good'), {
      ...esmFiles,
      'dist/index.js': 'export const answer = 42;\n//# sourceMappingURL=index.js.map\n',
      'dist/index.js.map': { version: 3, sources: ['../src/index.ts'], sourcesContent: ['x'] },
    });
    const files = ['README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map'];

    assert.deepEqual(await checkPackedFiles('fixture', folder, files), []);
  });

  it('reports a missing README and test files', async () => {
    const folder = await writeFiles(join(scratch, 'files-tests'), {
      'dist/index.js': 'export {};\n',
      'dist/index.test.js': 'export {};\n',
      'test/helpers.js': 'export {};\n',
    });

    const errors = await checkPackedFiles('fixture', folder, [
      'dist/index.js',
      'dist/index.test.js',
      'test/helpers.js',
    ]);

    assert.equal(errors.length, 2);
    assert.match(errors[0], /packs no README\.md/);
    assert.match(errors[1], /packs test files \(dist\/index\.test\.js, test\/helpers\.js\)/);
  });

  it('reports a sourceMappingURL to a map that is not packed', async () => {
    const folder = await writeFiles(join(scratch, 'files-map-url'), {
      ...esmFiles,
      'dist/index.d.ts': 'export {};\n//# sourceMappingURL=index.d.ts.map',
    });

    const [error] = await checkPackedFiles('fixture', folder, Object.keys(esmFiles));

    assert.match(error, /dist\/index\.d\.ts points to the source map dist\/index\.d\.ts\.map/);
  });

  it('reports a source map whose sources are not packed', async () => {
    const folder = await writeFiles(join(scratch, 'files-map-sources'), {
      ...esmFiles,
      'dist/index.js.map': { version: 3, sources: ['../src/index.ts'], mappings: '' },
    });
    const files = [...Object.keys(esmFiles), 'dist/index.js.map'];

    const [error] = await checkPackedFiles('fixture', folder, files);

    assert.match(error, /dist\/index\.js\.map names sources .* \(src\/index\.ts\)/);
  });
});

describe('publint and attw', { timeout: 120_000 }, () => {
  it('pass a well-formed ESM package', async () => {
    const folder = await writeFiles(join(scratch, 'lint-good'), {
      ...esmFiles,
      'package.json': esmManifest(),
    });
    const { tarball } = await packPackage(folder, scratch);

    assert.deepEqual(await lintWithPublint('fixture', tarball), []);
    assert.deepEqual(await lintWithAttw('fixture', tarball), []);
  });

  it('fail a package whose exports name a missing file', async () => {
    const broken = esmManifest({
      name: 'fixture-broken-exports',
      exports: { '.': { types: './dist/main.d.ts', default: './dist/main.js' } },
      types: './dist/main.d.ts',
    });
    const folder = await writeFiles(join(scratch, 'lint-broken'), {
      ...esmFiles,
      'package.json': broken,
    });
    const { tarball } = await packPackage(folder, scratch);

    const publintErrors = await lintWithPublint('fixture', tarball);
    const attwErrors = await lintWithAttw('fixture', tarball);

    assert.ok(
      publintErrors.some((error) => error.includes('FILE_DOES_NOT_EXIST')),
      publintErrors,
    );
    assert.ok(
      attwErrors.some((error) => error.includes('attw reports NoResolution for .')),
      attwErrors,
    );
  });

  it('fail a package whose types condition comes after default', async () => {
    const misordered = esmManifest({
      name: 'fixture-misordered-types',
      exports: { '.': { default: './dist/index.js', types: './dist/index.d.ts' } },
    });
    const folder = await writeFiles(join(scratch, 'lint-order'), {
      ...esmFiles,
      'package.json': misordered,
    });
    const { tarball } = await packPackage(folder, scratch);

    const publintErrors = await lintWithPublint('fixture', tarball);

    assert.ok(
      publintErrors.some((error) => error.includes('EXPORTS_TYPES_SHOULD_BE_FIRST')),
      publintErrors,
    );
  });
});

describe('npm audit of the client', { timeout: 120_000 }, () => {
  const advisory = {
    id: 1,
    url: 'https://example.org/advisories/1',
    title: 'Fixture advisory',
    severity: 'high',
    vulnerable_versions: '<=0.17.0',
    cwe: [],
    cvss: { score: 7.5, vectorString: null },
  };
  let registry;
  let advisories = {};

  // Serves only npm's bulk advisory endpoint, with the advisories that each test sets.
  before(async () => {
    registry = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const isBulk = request.url === '/-/npm/v1/security/advisories/bulk';
        response.writeHead(isBulk ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(isBulk ? advisories : {}));
      });
    });
    registry.listen(0, '127.0.0.1');
    await once(registry, 'listening');
  });

  after(async () => {
    registry.closeAllConnections();
    registry.close();
    await once(registry, 'close');
  });

  async function packFixtureClient() {
    const folder = await writeFiles(join(scratch, 'audit-client'), {
      'package.json': {
        name: '@pulse-engagement/client',
        version: '0.0.0-fixture',
        type: 'module',
        dependencies: { 'openapi-fetch': '0.17.0' },
      },
      'index.js': 'export {};\n',
    });
    return (await packPackage(folder, scratch)).tarball;
  }

  it('reports a high advisory in a run-time dependency', async () => {
    advisories = { 'openapi-fetch': [advisory] };
    const registryUrl = `http://127.0.0.1:${registry.address().port}/`;

    const errors = await auditClient(join(scratch, 'audit-high'), await packFixtureClient(), {
      registry: registryUrl,
    });

    assert.equal(errors.length, 1);
    assert.match(errors[0], /npm audit: openapi-fetch, .* Fixture advisory \(high/);
  });

  it('passes with a moderate advisory only', async () => {
    advisories = { 'openapi-fetch': [{ ...advisory, severity: 'moderate' }] };
    const registryUrl = `http://127.0.0.1:${registry.address().port}/`;

    const errors = await auditClient(join(scratch, 'audit-moderate'), await packFixtureClient(), {
      registry: registryUrl,
    });

    assert.deepEqual(errors, []);
  });

  it('throws when npm reports an audit error', () => {
    const output = JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'No audit endpoint' } });

    assert.throws(
      () => readAuditReport({ status: 1, stdout: output, stderr: '', timedOut: false }),
      /npm audit failed: No audit endpoint/,
    );
  });

  it('throws on output that is not JSON', () => {
    assert.throws(
      () => readAuditReport({ status: 1, stdout: 'oops', stderr: 'boom', timedOut: false }),
      /without a JSON report:\n {4}boom/,
    );
  });
});

describe('check-packages command', { timeout: 60_000 }, () => {
  function runCheck(root) {
    return spawnSync(process.execPath, [checkScript, '--root', root], {
      encoding: 'utf8',
      timeout: 50_000,
    });
  }

  it('fails on a spec version mismatch before packing', async () => {
    const root = await writeWorkspace(join(scratch, 'command-mismatch'), {
      specVersion: '0.1.0',
      apiVersion: '1.0.0',
      clientPinsSpec: '0.0.9',
    });

    const result = runCheck(root);

    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /FAIL {2}package\.json files/);
    assert.match(result.stdout, /spec\/package\.json has version 0\.1\.0/);
    assert.match(result.stdout, /packages\/client\/package\.json has @pulse-engagement\/spec/);
    assert.doesNotMatch(result.stdout, /npm pack/);
    assert.match(result.stdout, /Package check failed/);
  });

  it('fails when the build output is missing', async () => {
    const root = await writeWorkspace(join(scratch, 'command-unbuilt'), {
      specVersion: '1.0.0',
      apiVersion: '1.0.0',
      clientPinsSpec: '1.0.0',
    });

    const result = runCheck(root);

    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /ok {4}package\.json files/);
    assert.match(result.stdout, /spec\/dist\/openapi\.json is missing\. Run `npx turbo run/);
  });
});
