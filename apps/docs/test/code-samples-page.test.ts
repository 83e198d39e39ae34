import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineLogo, REMOTE_LOGO_URLS } from '../src/inline-logo.mjs';
import { embeddedDefinition, embeddedOptions, readPage } from './support/page.js';
import { readSampleManifest, SAMPLES_DIR } from './support/samples.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
interface Operation {
  operationId: string;
  'x-codeSamples'?: CodeSample[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

function operationsOf(document: Document): Operation[] {
  return Object.values(document.paths).flatMap((item) =>
    HTTP_METHODS.map((method) => item[method]).filter((operation) => operation !== undefined),
  );
}

const require = createRequire(import.meta.url);
const bundledJson = readFileSync(require.resolve('@pulse-engagement/spec/openapi.json'), 'utf8');
const bundledYaml = readFileSync(require.resolve('@pulse-engagement/spec/openapi.yaml'), 'utf8');
const bundledIds = operationsOf(JSON.parse(bundledJson) as Document)
  .map((operation) => operation.operationId)
  .sort();

describe('code samples in the docs page', () => {
  let html = '';
  let embedded: Operation[] = [];

  beforeAll(() => {
    html = readPage();
    embedded = operationsOf(embeddedDefinition<Document>(html));
  });

  it('has a manifest entry per operation', () => {
    const ids = readSampleManifest().map((sample) => sample.operationId);
    expect(ids.sort()).toEqual(bundledIds);
  });

  it('attaches cURL and TypeScript to every operation', () => {
    for (const operation of embedded) {
      const labels = (operation['x-codeSamples'] ?? []).map((sample) => sample.label);
      expect(labels, operation.operationId).toEqual(['cURL', 'TypeScript']);
    }
  });

  it('shows the sample files that the tests run', () => {
    const byId = new Map(embedded.map((operation) => [operation.operationId, operation]));
    for (const sample of readSampleManifest()) {
      const [curl, typescript] = byId.get(sample.operationId)?.['x-codeSamples'] ?? [];
      expect(curl?.source, sample.operationId).toBe(
        readFileSync(`${SAMPLES_DIR}${sample.curl}`, 'utf8'),
      );
      expect(typescript?.source, sample.operationId).toBe(
        readFileSync(`${SAMPLES_DIR}${sample.typescript}`, 'utf8'),
      );
    }
  });

  // Redoc drops samples whose label is not among the configured languages (apps/docs/redocly.yaml).
  it('configures both sample languages', () => {
    const options = embeddedOptions<{ codeSamples?: { languages?: { label?: string }[] } }>(html);
    const labels = options.codeSamples?.languages?.map((language) => language.label);
    expect(labels?.slice(0, 2)).toEqual(['cURL', 'TypeScript']);
  });

  it('loads no logo from the CDN', () => {
    expect(html).not.toContain('cdn.redoc.ly');
  });

  it('leaves spec/dist without samples', () => {
    expect(bundledJson).not.toContain('x-codeSamples');
    expect(bundledYaml).not.toContain('x-codeSamples');
  });
});

describe('inlineLogo', () => {
  it('replaces every remote logo URL', () => {
    // The renderer writes each URL inside a template literal, as src:`...`.
    const html = REMOTE_LOGO_URLS.map((url) => `src:\`${url}\``).join(';');

    const inlined = [...inlineLogo(html).matchAll(/src:`([^`]*)`/g)].map((match) => match[1]);

    expect(inlined).toHaveLength(REMOTE_LOGO_URLS.length);
    for (const url of inlined) {
      expect(url).toMatch(/^data:image\/svg\+xml,/);
      expect(url).not.toContain('${');
    }
  });

  it('throws when the renderer changed', () => {
    expect(() => inlineLogo('<html></html>')).toThrow(/no longer loads its logo/);
  });
});
