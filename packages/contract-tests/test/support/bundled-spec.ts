import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The bundled spec as JSON, the same document the client and mock are built from. */
export const bundledSpec = JSON.parse(
  readFileSync(require.resolve('@pulse-engagement/spec/openapi.json'), 'utf8'),
) as Record<string, unknown>;
