import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Lists what `npm pack` would publish, so that the command and the entry points ship built.
// It reads dist/, so run `npm run build` first.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

interface PackedFile {
  path: string;
  mode: number;
}

interface Manifest {
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
}

describe('packed package', { timeout: 60_000 }, () => {
  const manifest = JSON.parse(readFileSync(`${PACKAGE_DIR}package.json`, 'utf8')) as Manifest;
  let files: Map<string, PackedFile>;

  beforeAll(() => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
      timeout: 50_000,
    });
    if (pack.status !== 0) {
      throw new Error(`npm pack failed with status ${pack.status}: ${pack.stderr}`);
    }
    const [result] = JSON.parse(pack.stdout) as Array<{ files: PackedFile[] }>;
    files = new Map((result?.files ?? []).map((file) => [file.path, file]));
  }, 60_000);

  it('ships the pulse-mock command as an executable', () => {
    const bin = files.get(manifest.bin['pulse-mock']?.replace(/^\.\//, '') ?? '');

    expect(bin).toBeDefined();
    expect((bin?.mode ?? 0) & 0o111).not.toBe(0);
    expect(readFileSync(`${PACKAGE_DIR}dist/cli/bin.js`, 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
  });

  it('ships every export target', () => {
    for (const target of Object.values(manifest.exports)) {
      const paths = typeof target === 'string' ? [target] : [target.types, target.default];
      for (const path of paths) {
        expect(files.has(path.replace(/^\.\//, '')), path).toBe(true);
      }
    }
  });

  it('ships the README and no tests', () => {
    expect(files.has('README.md')).toBe(true);
    expect([...files.keys()].filter((path) => path.startsWith('test/'))).toEqual([]);
  });
});
