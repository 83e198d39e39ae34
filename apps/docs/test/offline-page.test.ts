import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findExternalReferences,
  findModuleScripts,
  readContentSecurityPolicy,
} from './html-references.js';

// These tests check the built page, so run `npm run build -w @pulse-engagement/docs` first.
const PAGE_PATH = fileURLToPath(new URL('../dist/index.html', import.meta.url));

// The inline Redoc 3.0.1 renderer in @redocly/cli 2.77.0 is about 2.2 MB. A module script far
// smaller than that only loads the renderer from somewhere else.
const MIN_INLINE_RENDERER_BYTES = 500_000;

// Sources that keep every fetch on the page's own origin or inside the page.
const OFFLINE_CSP_SOURCES = new Set(["'none'", "'self'", "'unsafe-inline'", 'data:', 'blob:']);

describe('built docs page', () => {
  let html = '';

  beforeAll(() => {
    if (!existsSync(PAGE_PATH)) {
      throw new Error(
        `Docs page not found at ${PAGE_PATH}. Build it first: npm run build -w @pulse-engagement/docs`,
      );
    }
    html = readFileSync(PAGE_PATH, 'utf8');
  });

  it('references nothing on other hosts', () => {
    expect(findExternalReferences(html)).toEqual([]);
  });

  it('loads no Google Fonts', () => {
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
  });

  it('inlines the Redoc renderer', () => {
    const renderer = findModuleScripts(html).find((script) =>
      script.includes('hydrate(__redoc_definition'),
    );
    expect(renderer, 'no <script type="module"> calls hydrate()').toBeDefined();
    expect(renderer).not.toMatch(/\bimport\s*\{[^}]*\bhydrate\b[^}]*\}\s*from/);
    expect(renderer?.length).toBeGreaterThan(MIN_INLINE_RENDERER_BYTES);
  });

  it('turns off Redoc telemetry', () => {
    const match = /const __redoc_options = (\{.*?\});/.exec(html);
    expect(match, 'no __redoc_options in the page').not.toBeNull();
    const options = JSON.parse(match?.[1] ?? '{}') as { disableTelemetry?: unknown };
    expect(options.disableTelemetry).toBe(true);
  });

  // The renderer can request images after it starts, as it did for its logo before the build
  // inlined it, and no markup check can see that. The Content-Security-Policy blocks them.
  it('has a CSP that blocks other hosts', () => {
    const policy = readContentSecurityPolicy(html);
    expect(policy, 'no Content-Security-Policy <meta> tag').toBeDefined();
    expect(policy?.get('default-src')).toEqual(["'none'"]);
    for (const [directive, sources] of policy ?? []) {
      const outside = sources.filter((source) => !OFFLINE_CSP_SOURCES.has(source));
      expect(outside, `${directive} allows other hosts`).toEqual([]);
    }
  });
});
