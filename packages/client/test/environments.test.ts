import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environmentBaseUrls } from '../src/index.js';

const specPath = fileURLToPath(new URL('../../../spec/dist/openapi.json', import.meta.url));

describe('environmentBaseUrls', () => {
  it('lists exactly the servers of the bundled spec', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { servers: { url: string }[] };
    expect(Object.values(environmentBaseUrls).sort()).toEqual(
      spec.servers.map((server) => server.url).sort(),
    );
  });
});
