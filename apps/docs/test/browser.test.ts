import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../src/static-server.mjs';
import { findChromium } from './support/chromium.js';
import { readPage } from './support/page.js';

// Opens the built docs in headless Chromium from a server on 127.0.0.1, the way a reader does,
// with every request to another host blocked and recorded.
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const SCREENSHOT_PATH = `${RESULTS_DIR}docs-typescript-sample.png`;
// Rendering the 2.8 MB page took about 2 s on a 2-core machine, so these bounds allow for load.
const LAUNCH_TIMEOUT_MS = 30_000;
const STEP_TIMEOUT_MS = 20_000;
const TEST_TIMEOUT_MS = 60_000;

const SEARCH_QUERY = 'archive campaign';
const SEARCH_RESULT = 'Archive a campaign';
const SAMPLE_OPERATION_ROUTE = '/#/contacts/listcontacts';

interface Document {
  tags: { name: string }[];
}

const tagNames = (
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@pulse-engagement/spec/openapi.json'),
      'utf8',
    ),
  ) as Document
).tags.map((tag) => tag.name);

describe('docs in a browser', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let origin = '';
  /** Requests to other hosts that reached the route handler and were aborted there. */
  const blocked: string[] = [];
  /** Every request to another host the page started, including those the CSP stopped. */
  const attempted: string[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    readPage();

    server = createStaticServer({ root: DIST_DIR });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-background-networking'],
      timeout: LAUNCH_TIMEOUT_MS,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') {
        await route.continue();
        return;
      }
      blocked.push(url.href);
      await route.abort('blockedbyclient');
    });

    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) {
        attempted.push(url);
      }
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it(
    'lists all sixteen sections in the navigation',
    async () => {
      const labels = page.locator('[data-testid="menu-item-label"]');
      await labels.first().waitFor();

      const texts = (await labels.allTextContents()).map((text) => text.trim());

      expect(tagNames).toHaveLength(16);
      for (const name of tagNames) {
        expect(texts, `${name} is missing from the navigation`).toContain(name);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'finds an operation by search',
    async () => {
      await page.getByTestId('search-trigger').first().click();
      await page.getByPlaceholder('Search docs...').fill(SEARCH_QUERY);

      // Each result is a link in the search dialog.
      const result = page
        .getByTestId('search-dialog')
        .getByRole('link')
        .filter({ hasText: SEARCH_RESULT });
      await result.first().waitFor();

      expect(await result.count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows an operation's TypeScript sample",
    async () => {
      await page.goto(`${origin}${SAMPLE_OPERATION_ROUTE}`, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'cURL' }).first().click();
      await page.getByRole('menuitem', { name: 'TypeScript' }).first().click();

      const sample = page.getByTestId('source-code').filter({ hasText: 'createPulseClient' });
      await sample.first().waitFor({ state: 'visible' });
      mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: SCREENSHOT_PATH });

      const text = (await sample.first().textContent()) ?? '';
      expect(text).toContain("import { createPulseClient } from '@pulse-engagement/client';");
      expect(text).toContain("pulse.GET('/contacts'");
    },
    TEST_TIMEOUT_MS,
  );

  // Runs last, so it covers the requests of every step above.
  it('attempts no request to another host', () => {
    expect(blocked).toEqual([]);
    expect(attempted).toEqual([]);
  });
});
