#!/usr/bin/env node
// @ts-check
// Generates a cURL and a TypeScript sample for every operation of the bundled spec and writes
// the docs' copy of the spec with the samples attached as x-codeSamples, which Redoc shows
// beside each operation. spec/dist stays the pure spec: only apps/docs/build gets the samples.
//
// Writes, under apps/docs/build/:
//   openapi.json                      the bundled spec plus x-codeSamples, for build-docs
//   samples/curl/<operationId>.sh     each cURL sample, run against the mock by the docs tests
//   samples/typescript/<operationId>.ts  each TypeScript sample, compiled by the docs typecheck
//   samples/manifest.json             operationId, method, path and success status per sample
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCurlSample } from './samples/curl-sample.mjs';
import { listSampleOperations } from './samples/operations.mjs';
import { buildTypeScriptSample } from './samples/typescript-sample.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(root, 'spec/dist/openapi.json');
const buildDir = resolve(root, 'apps/docs/build');
const samplesDir = join(buildDir, 'samples');

/** Labels and languages of the samples. apps/docs/redocly.yaml lists the same two labels. */
const CURL = { lang: 'curl', label: 'cURL', folder: 'curl', extension: 'sh' };
const TYPESCRIPT = {
  lang: 'TypeScript',
  label: 'TypeScript',
  folder: 'typescript',
  extension: 'ts',
};

async function main() {
  const document = await readSpec();
  const operations = listSampleOperations(document);
  const defaultBaseUrl = document.servers?.[0]?.url;
  if (typeof defaultBaseUrl !== 'string') {
    throw new Error('The spec lists no servers. Add the production server to spec/openapi.yaml.');
  }

  // Start from an empty folder, so a removed operation leaves no stale sample behind.
  await rm(buildDir, { recursive: true, force: true });
  await mkdir(join(samplesDir, CURL.folder), { recursive: true });
  await mkdir(join(samplesDir, TYPESCRIPT.folder), { recursive: true });

  const manifest = [];
  for (const operation of operations) {
    const curl = buildCurlSample(operation);
    const typescript = await buildTypeScriptSample(operation, {
      defaultBaseUrl,
      prettierConfigFile: join(root, 'package.json'),
    });
    const curlFile = `${CURL.folder}/${operation.operationId}.${CURL.extension}`;
    const typescriptFile = `${TYPESCRIPT.folder}/${operation.operationId}.${TYPESCRIPT.extension}`;
    await writeFile(join(samplesDir, curlFile), curl);
    await writeFile(join(samplesDir, typescriptFile), typescript);

    document.paths[operation.path][operation.method.toLowerCase()]['x-codeSamples'] = [
      { lang: CURL.lang, label: CURL.label, source: curl },
      { lang: TYPESCRIPT.lang, label: TYPESCRIPT.label, source: typescript },
    ];
    manifest.push({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      successStatus: operation.successStatus,
      curl: curlFile,
      typescript: typescriptFile,
    });
  }

  await writeFile(join(buildDir, 'openapi.json'), JSON.stringify(document, null, 2) + '\n');
  await writeFile(join(samplesDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stdout.write(
    `Wrote ${manifest.length} cURL and ${manifest.length} TypeScript samples to ${relative(root, samplesDir)}\n`,
  );
}

async function readSpec() {
  try {
    return JSON.parse(await readFile(specPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot read the bundled spec at ${relative(root, specPath)} (${reason}). ` +
        'Run `npm run bundle -w @pulse-engagement/spec` first.',
      { cause: error },
    );
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
