import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built docs page. */
export const PAGE_PATH = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

/** Reads the built page, or throws with the command that builds it. */
export function readPage(): string {
  if (!existsSync(PAGE_PATH)) {
    throw new Error(
      `Docs page not found at ${PAGE_PATH}. Build it first: npm run build -w @pulse-engagement/docs`,
    );
  }
  return readFileSync(PAGE_PATH, 'utf8');
}

/** Reads the spec that Redoc embeds in the page as `const __redoc_definition = {...};`. */
export function embeddedDefinition<T>(html: string): T {
  const match = /const __redoc_definition = (\{.*\});\s*$/m.exec(html);
  if (match?.[1] === undefined) {
    throw new Error('No __redoc_definition in the docs page. Rebuild it with the inline bundle.');
  }
  return JSON.parse(match[1]) as T;
}

/** Reads the renderer options that build-docs writes as `const __redoc_options = {...};`. */
export function embeddedOptions<T>(html: string): T {
  const match = /const __redoc_options = (\{.*?\});/.exec(html);
  if (match?.[1] === undefined) {
    throw new Error('No __redoc_options in the docs page. Rebuild it with build-docs.');
  }
  return JSON.parse(match[1]) as T;
}
