#!/usr/bin/env node
// @ts-check
// Generates the Postman collection and its environments from the bundled spec, next to the
// built docs so the docs server serves them too:
//   apps/docs/dist/postman/pulse-engagement.postman_collection.json
//   apps/docs/dist/postman/pulse-engagement-<production|staging|local-mock>.postman_environment.json
// They are build output, not committed: `npm run build` regenerates them from spec/.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPostmanCollection, buildPostmanEnvironments } from './samples/postman-collection.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(root, 'spec/dist/openapi.json');
const outputDir = resolve(root, 'apps/docs/dist/postman');
const FILE_PREFIX = 'pulse-engagement';

async function main() {
  let document;
  try {
    document = JSON.parse(await readFile(specPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot read the bundled spec at ${relative(root, specPath)} (${reason}). ` +
        'Run `npm run bundle -w @pulse-engagement/spec` first.',
      { cause: error },
    );
  }
  const collection = buildPostmanCollection(document);
  const environments = buildPostmanEnvironments(document);

  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  await writeJson(`${FILE_PREFIX}.postman_collection.json`, collection);
  for (const { slug, environment } of environments) {
    await writeJson(`${FILE_PREFIX}-${slug}.postman_environment.json`, environment);
  }

  const requests = collection.item.reduce((count, folder) => count + folder.item.length, 0);
  process.stdout.write(
    `Wrote a Postman collection of ${requests} requests in ${collection.item.length} folders ` +
      `and ${environments.length} environments to ${relative(root, outputDir)}\n`,
  );
}

/**
 * @param {string} name
 * @param {unknown} value
 */
async function writeJson(name, value) {
  await writeFile(join(outputDir, name), JSON.stringify(value, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
