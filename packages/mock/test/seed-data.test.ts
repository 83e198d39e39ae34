import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli/args.js';
import { readSeedData } from '../src/cli/seed-data.js';

const dir = mkdtempSync(join(tmpdir(), 'pulse-mock-seed-data-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readSeedData', () => {
  it.each([
    ['data.json', '{"contacts": [{"id": 1}]}'],
    ['data.yaml', 'contacts:\n  - id: 1\n'],
    ['data.YML', 'contacts: [{ id: 1 }]'],
  ])('reads %s', async (name, content) => {
    expect(await readSeedData(file(name, content))).toEqual({ contacts: [{ id: 1 }] });
  });

  it('reads an array of records', async () => {
    expect(await readSeedData(file('list.json', '[{"id": 1}]'))).toEqual([{ id: 1 }]);
  });

  it.each([
    ['bad.json', '{', /bad\.json: failed to read it as JSON/],
    ['bad.yaml', 'a: [', /bad\.yaml: failed to read it as YAML/],
    ['null.json', 'null', /contains null, but seed data must be an object or an array/],
    ['text.yaml', 'just text', /contains a string/],
  ])('rejects %s', async (name, content, message) => {
    const read = readSeedData(file(name, content));

    await expect(read).rejects.toThrow(UsageError);
    await expect(read).rejects.toThrow(message);
  });

  it('rejects a file that cannot be read', async () => {
    await expect(readSeedData(dir)).rejects.toThrow(/failed to read it as JSON \(EISDIR/);
  });
});
