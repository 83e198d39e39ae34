import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedDefinition } from './support/page.js';

// These tests check that the built page shows what the bundled spec contains, so a docs build
// from a stale bundle fails. Run `npm run build -w @pulse-engagement/docs` first.
const PAGE_PATH = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Document {
  tags?: { name: string }[];
  paths: Record<string, Record<string, { operationId?: string }>>;
}

function operationIds(document: Document): string[] {
  return Object.values(document.paths)
    .flatMap((item) => HTTP_METHODS.map((method) => item[method]?.operationId))
    .filter((id): id is string => id !== undefined)
    .sort();
}

/** Returns the labels of the server-rendered navigation menu. */
function menuLabels(html: string): string[] {
  return [...html.matchAll(/data-testid="menu-item-label"[^>]*>.*?data-text="([^"]*)"/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('docs sections', () => {
  const bundled = JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@pulse-engagement/spec/openapi.json'),
      'utf8',
    ),
  ) as Document;
  const tagNames = (bundled.tags ?? []).map((tag) => tag.name);
  let html = '';

  beforeAll(() => {
    if (!existsSync(PAGE_PATH)) {
      throw new Error(
        `Docs page not found at ${PAGE_PATH}. Build it first: npm run build -w @pulse-engagement/docs`,
      );
    }
    html = readFileSync(PAGE_PATH, 'utf8');
  });

  it('embeds the tags of the bundled spec', () => {
    expect((embeddedDefinition<Document>(html).tags ?? []).map((tag) => tag.name)).toEqual(
      tagNames,
    );
  });

  it('embeds every operation of the bundled spec', () => {
    expect(operationIds(embeddedDefinition<Document>(html))).toEqual(operationIds(bundled));
  });

  it('lists every tag in the navigation, in spec order', () => {
    const labels = menuLabels(html).filter((label) => tagNames.includes(label));

    expect(labels).toEqual(tagNames);
  });
});
