#!/usr/bin/env node
// Fails when an operation of the bundled spec got no 2xx response from the mock in either mode
// of the contract tests. Each vitest project's global setup records the statuses it saw by
// operationId in reports/operation-coverage-<mode>.json, and every mode must cover every
// operation, because the stateful mock builds its responses from other code than the static one.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUnexercised, listOperations } from '../../../scripts/check-operation-coverage.mjs';

/** Modes of the vitest projects in vitest.config.ts, each with its own report. */
const MODES = ['static', 'stateful'];

async function readJson(path, hint) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path} (${error.message}). ${hint}`);
  }
}

async function main() {
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const root = resolve(packageRoot, '../..');
  const specPath = resolve(root, 'spec/dist/openapi.json');
  const document = await readJson(
    specPath,
    'Bundle the spec first: npm run bundle -w @pulse-engagement/spec.',
  );
  const operations = listOperations(document);

  let failed = false;
  for (const mode of MODES) {
    const reportPath = resolve(packageRoot, `reports/operation-coverage-${mode}.json`);
    const report = await readJson(
      reportPath,
      'Run the whole contract suite first: npm test -w @pulse-engagement/contract-tests.',
    );
    const missing = findUnexercised(document, report.operations ?? {});
    if (missing.length === 0) {
      process.stdout.write(
        `Contract tests exercised all ${operations.length} operations with a 2xx response ` +
          `from the ${mode} mock.\n`,
      );
      continue;
    }
    failed = true;
    const lines = missing.map(
      ({ operationId, method, path }) => `  ${operationId} (${method} ${path})`,
    );
    process.stderr.write(
      `${missing.length} of ${operations.length} operations in ${relative(root, specPath)} got no ` +
        `2xx response from the ${mode} mock during the contract tests:\n${lines.join('\n')}\n` +
        'Add a test under packages/contract-tests/test that calls each of them through the ' +
        `client, and check that it is not skipped in ${mode} mode.\n`,
    );
  }
  if (failed) process.exitCode = 1;
}

await main();
