// Runs scripts/check-breaking-changes.mjs and scripts/update-spec-baseline.mjs as commands, on
// fixtures, on the real bundle against the committed baseline, and on a mutated copy of the
// bundle. The real-spec tests need spec/dist/openapi.json, which turbo bundles before
// test-scripts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checkScript = fileURLToPath(new URL('../check-breaking-changes.mjs', import.meta.url));
const updateScript = fileURLToPath(new URL('../update-spec-baseline.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/breaking/', import.meta.url));
const bundlePath = join(root, 'spec/dist/openapi.json');
// Each command finishes in seconds. The bound only stops one that hangs.
const commandTimeoutMs = 120_000;

function runScript(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: commandTimeoutMs,
  });
  assert.equal(result.error, undefined, `${script} failed to run: ${result.error}`);
  return result;
}

function check(...args) {
  return runScript(checkScript, args);
}

function fixturePair(name) {
  return ['--base', `${fixtures}${name}/base.yaml`, '--head', `${fixtures}${name}/head.yaml`];
}

let temporary;
before(() => {
  temporary = mkdtempSync(join(tmpdir(), 'breaking-check-'));
});
after(() => {
  rmSync(temporary, { recursive: true, force: true });
});

describe('check-breaking-changes command', () => {
  it('exits 1 on a breaking change', () => {
    const { status, stdout } = check(...fixturePair('removed-operation'));

    assert.equal(status, 1, stdout);
    assert.match(stdout, /^BREAKING removed-operation: DELETE \/contacts\/\{id\}$/m);
    assert.match(stdout, /^ {2}at base \/paths\/~1contacts~1\{id\}\/delete$/m);
    assert.match(
      stdout,
      /^ {2}Fix: restore the operation, or add a changeset that gives @pulse-engagement\/spec a major bump \(npm run changeset\)\.$/m,
    );
    assert.match(stdout, /^Failed: 1 breaking change and 0 warnings/m);
  });

  it('exits 0 when the major version was raised', () => {
    const { status, stdout } = check(...fixturePair('major-raised'));

    assert.equal(status, 0, stdout);
    assert.match(stdout, /^ACCEPTED removed-operation: DELETE \/contacts\/\{id\}$/m);
    assert.match(stdout, /^ACCEPTED removed-response-field: GET \/contacts$/m);
    assert.doesNotMatch(stdout, /^BREAKING/m);
    assert.match(
      stdout,
      /are accepted because the major version was raised \(1\.0\.0 to 2\.0\.0\)/,
    );
  });

  it('exits 0 on warnings only', () => {
    const { status, stdout } = check(...fixturePair('widened-response-enum'));

    assert.equal(status, 0, stdout);
    assert.match(stdout, /^WARNING widened-response-enum: GET \/action-codes$/m);
    assert.match(stdout, /^Passed: 0 breaking changes and 2 warnings\.$/m);
  });

  it('exits 0 on a compatible change', () => {
    const { status, stdout } = check(...fixturePair('new-optional-request-field'));

    assert.equal(status, 0, stdout);
    assert.match(stdout, /^Passed: 0 breaking changes and 0 warnings\.$/m);
  });

  it('prints the generated types diff', () => {
    const { status, stdout } = check(...fixturePair('removed-response-field'), '--types');

    assert.equal(status, 1, stdout);
    assert.match(stdout, /^Diff of the generated client types \(openapi-typescript\):$/m);
    assert.match(stdout, /^--- .*removed-response-field\/base\.yaml \(generated types\)$/m);
    assert.match(stdout, /^-\s+isPrimary\?: boolean;$/m);
  });

  it('writes the types diff with --types-out', () => {
    const out = join(temporary, 'types.diff');
    const { status, stdout } = check(...fixturePair('new-response-field'), '--types-out', out);

    assert.equal(status, 0, stdout);
    assert.match(readFileSync(out, 'utf8'), /^\+\s+readonly createdAt\?: string;$/m);
    assert.doesNotMatch(stdout, /^Diff of the generated client types/m);
  });

  it('exits 2 on an unknown option', () => {
    const { status, stderr } = check('--bsae', 'x.yaml');

    assert.equal(status, 2);
    assert.match(stderr, /Unknown option '--bsae'/);
    assert.match(stderr, /Usage: node scripts\/check-breaking-changes\.mjs/);
  });

  it('exits 2 on a missing file', () => {
    const missing = join(temporary, 'missing.yaml');
    const { status, stderr } = check('--base', missing, '--head', missing);

    assert.equal(status, 2);
    assert.match(stderr, new RegExp(`Cannot read the base spec ${missing} \\(ENOENT\\)`));
    assert.match(stderr, /node scripts\/update-spec-baseline\.mjs/);
  });

  it('exits 2 on invalid YAML', () => {
    const invalid = join(temporary, 'invalid.yaml');
    writeFileSync(invalid, 'openapi: 3.1.0\npaths: [unclosed\n');
    const { status, stderr } = check(
      '--base',
      `${fixtures}new-operation/base.yaml`,
      '--head',
      invalid,
    );

    assert.equal(status, 2);
    assert.match(stderr, new RegExp(`The head spec ${invalid} is not valid YAML`));
  });

  it('exits 2 on a file that is not OpenAPI', () => {
    const notOpenApi = join(temporary, 'package.json');
    writeFileSync(notOpenApi, '{"name": "x"}');
    const { status, stderr } = check('--head', notOpenApi);

    assert.equal(status, 2);
    assert.match(stderr, /is not an OpenAPI document: it has no "openapi" field/);
  });
});

describe('breaking-change check on the real spec', () => {
  it('bundle passes against the baseline', () => {
    const { status, stdout } = check();

    assert.equal(status, 0, stdout);
    assert.match(
      stdout,
      /^Compared spec\/baseline\/openapi\.json \(info\.version \d+\.\d+\.\d+\) with spec\/dist\/openapi\.json/m,
    );
    assert.doesNotMatch(stdout, /^BREAKING/m);
  });

  it('bundle without an operation fails', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    assert.notEqual(
      bundle.paths['/contacts/{id}']?.delete,
      undefined,
      'the bundle has no DELETE /contacts/{id}',
    );
    delete bundle.paths['/contacts/{id}'].delete;
    const mutated = join(temporary, 'openapi-without-delete.json');
    writeFileSync(mutated, JSON.stringify(bundle));

    const { status, stdout } = check('--head', mutated);

    assert.equal(status, 1, stdout);
    assert.match(stdout, /^BREAKING removed-operation: DELETE \/contacts\/\{id\}$/m);
    assert.match(stdout, /^ {2}at base \/paths\/~1contacts~1\{id\}\/delete$/m);
    assert.match(stdout, /^Failed: 1 breaking change and 0 warnings/m);
  });
});

describe('update-spec-baseline command', () => {
  it('copies the bundle byte for byte', () => {
    const out = join(temporary, 'baseline', 'openapi.json');
    const { status, stdout, stderr } = runScript(updateScript, ['--skip-bundle', '--out', out]);

    assert.equal(status, 0, stderr);
    assert.match(stdout, /^Wrote .*openapi\.json from spec\/dist\/openapi\.json \(info\.version /m);
    assert.ok(readFileSync(out).equals(readFileSync(bundlePath)));
  });

  it('exits 1 when it cannot write', () => {
    const blocker = join(temporary, 'a-file');
    writeFileSync(blocker, '');
    const { status, stderr } = runScript(updateScript, [
      '--skip-bundle',
      '--out',
      join(blocker, 'openapi.json'),
    ]);

    assert.equal(status, 1);
    assert.match(stderr, /Cannot write the baseline .*a-file\/openapi\.json/);
  });
});

describe('pending major changesets', () => {
  function writeChangeset(folder, name, text) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), text);
  }

  it('accept breaking changes for a major spec bump', () => {
    const folder = join(temporary, 'changesets-major');
    writeChangeset(
      folder,
      'drop-delete.md',
      "---\n'@pulse-engagement/spec': major\n---\n\nDrop it.\n",
    );
    writeChangeset(folder, 'README.md', '# Changesets\n');

    const { status, stdout } = check(...fixturePair('removed-operation'), '--changesets', folder);

    assert.equal(status, 0, stdout);
    assert.match(stdout, /^ACCEPTED removed-operation: DELETE \/contacts\/\{id\}$/m);
    assert.match(stdout, /pending changeset drop-delete\.md raises the major version/);
  });

  it('ignore a minor spec bump', () => {
    const folder = join(temporary, 'changesets-minor');
    writeChangeset(folder, 'add-field.md', '---\n"@pulse-engagement/spec": minor\n---\n\nAdd.\n');

    const { status, stdout } = check(...fixturePair('removed-operation'), '--changesets', folder);

    assert.equal(status, 1, stdout);
    assert.match(stdout, /add a changeset that gives @pulse-engagement\/spec a major bump/);
  });

  it('ignore a major bump of another package', () => {
    const folder = join(temporary, 'changesets-client');
    writeChangeset(folder, 'client.md', '---\n"@pulse-engagement/client": major\n---\n\nX.\n');

    const { status, stdout } = check(...fixturePair('removed-operation'), '--changesets', folder);

    assert.equal(status, 1, stdout);
  });
});
