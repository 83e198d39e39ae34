import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiVersion } from '../src/index.js';

const bundlePath = createRequire(import.meta.url).resolve('@pulse-engagement/spec/openapi.json');
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { info: { version: string } };

describe('apiVersion', () => {
  it('equals info.version of the bundled spec', () => {
    expect(apiVersion).toBe(bundle.info.version);
  });

  // A literal type would reject comparisons such as `apiVersion === '2.0.0'`.
  it('is typed as string', () => {
    expectTypeOf(apiVersion).toEqualTypeOf<string>();
  });
});
