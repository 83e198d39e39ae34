import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setInfoVersion } from '../sync-api-version.mjs';

const document = [
  'openapi: 3.1.0',
  'info:',
  '  title: Pulse Engagement Cloud API',
  '  version: 1.0.0 # keep',
  '  license:',
  '    name: Proprietary',
  '    version: not-this-one',
  'paths:',
  '  version: not-this-either',
  '',
].join('\n');

describe('setInfoVersion', () => {
  it('replaces only the info version', () => {
    const updated = setInfoVersion(document, '2.1.0');

    assert.match(updated, /^ {2}version: 2\.1\.0 # keep$/m);
    assert.match(updated, /^ {4}version: not-this-one$/m);
    assert.match(updated, /^ {2}version: not-this-either$/m);
    assert.equal(updated.split('\n').length, document.split('\n').length);
  });

  it('accepts a prerelease version', () => {
    assert.match(setInfoVersion(document, '3.0.0-next.1'), /version: 3\.0\.0-next\.1 # keep$/m);
  });

  it('keeps quotes around the value', () => {
    const quoted = "info:\n  version: '1.0.0'\n";

    assert.equal(setInfoVersion(quoted, '1.1.0'), "info:\n  version: '1.1.0'\n");
  });

  it('rejects a lower version', () => {
    assert.throws(() => setInfoVersion(document, '0.9.0'), /lower than info\.version 1\.0\.0/);
  });

  it('compares versions as numbers', () => {
    const updated = setInfoVersion('info:\n  version: 1.9.0\n', '1.10.0');

    assert.equal(updated, 'info:\n  version: 1.10.0\n');
  });

  it('rejects a version that is not semver', () => {
    assert.throws(
      () => setInfoVersion(document, 'v2'),
      /Invalid version "v2".*spec\/package\.json/,
    );
  });

  it('rejects a document without info', () => {
    assert.throws(() => setInfoVersion('openapi: 3.1.0\n', '1.0.0'), /Missing top-level "info:"/);
  });

  it('rejects an info block without version', () => {
    const withoutVersion = 'info:\n  title: API\npaths: {}\n';

    assert.throws(() => setInfoVersion(withoutVersion, '1.0.0'), /Missing "version"/);
  });
});
