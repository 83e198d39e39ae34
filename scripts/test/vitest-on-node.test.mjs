import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findRuntime, UsageError } from '../vitest-on-node.mjs';

const script = fileURLToPath(new URL('../vitest-on-node.mjs', import.meta.url));
const missingBinary = 'scripts/runtimes/node_modules/node18/bin/node';

describe('vitest-on-node', () => {
  it('finds an installed binary', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-on-node-'));
    try {
      const binary = join(root, 'scripts/runtimes/node_modules/node22/bin/node');
      mkdirSync(join(binary, '..'), { recursive: true });
      writeFileSync(binary, '');

      assert.equal(findRuntime('22', root), binary);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names path and npm ci when missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitest-on-node-'));
    try {
      assert.throws(() => findRuntime('22', root), {
        message:
          /^Node\.js 22 not found at scripts\/runtimes\/node_modules\/node22\/bin\/node\. Run `npm ci`/,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const major of [undefined, '', 'abc', '22.12', '0', '-1']) {
    it(`rejects major version ${JSON.stringify(major)}`, () => {
      assert.throws(() => findRuntime(major), UsageError);
    });
  }

  it('exits 1 for a missing binary', () => {
    const result = spawnSync(process.execPath, [script, '18'], {
      encoding: 'utf8',
      timeout: 30_000,
    });

    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`not found at ${missingBinary}\\. Run \`npm ci\``));
  });

  it('exits 2 without a major version', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });

    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: node scripts\/vitest-on-node\.mjs <major>/);
  });
});
