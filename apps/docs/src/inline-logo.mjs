#!/usr/bin/env node
// @ts-check
// Replaces the renderer's remote logo with an inline image in the built page, so opening the
// docs attempts no request to another host: node src/inline-logo.mjs dist/index.html
//
// The Redoc 3.0.1 renderer inlined by @redocly/cli 2.77.0 always shows an "API docs by
// Redocly" badge whose image comes from cdn.redoc.ly, and no build-docs option removes it. The
// page's Content-Security-Policy would block the request, but the browser still attempts it.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Image URLs that the renderer loads from its CDN. */
export const REMOTE_LOGO_URLS = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
];

// A text badge that keeps the attribution. It contains no backtick, so it is safe inside the
// template literals where the renderer writes the URLs.
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16" viewBox="0 0 56 16">' +
    '<text x="0" y="12" font-family="sans-serif" font-size="12" fill="#444">Redocly</text></svg>',
)}`;

/**
 * Returns the page with every remote logo URL replaced by an inline SVG. Throws when the page
 * contains none of them, because then the renderer has changed and this step needs review.
 * @param {string} html
 */
export function inlineLogo(html) {
  let replaced = html;
  for (const url of REMOTE_LOGO_URLS) {
    replaced = replaced.replaceAll(url, INLINE_LOGO);
  }
  if (replaced === html) {
    throw new Error(
      `None of ${REMOTE_LOGO_URLS.join(', ')} is in the page. The renderer no longer loads its ` +
        'logo from there: check in the browser test which outside request it makes now, then ' +
        'update or remove this step in apps/docs/package.json.',
    );
  }
  return replaced;
}

async function main() {
  const [pagePath] = process.argv.slice(2);
  if (pagePath === undefined) {
    throw new Error('Missing the page path. Usage: node src/inline-logo.mjs dist/index.html');
  }
  await writeFile(pagePath, inlineLogo(await readFile(pagePath, 'utf8')));
}

// Runs only as a script, so the tests can import inlineLogo.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
