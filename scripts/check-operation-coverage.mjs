#!/usr/bin/env node
// Fails when an operation of the bundled spec got no 2xx response during the contract tests.
// Each run of the contract suite against a mock records the status of every mock response by
// operationId in a report. This script compares each report given as an argument with the
// operationIds of spec/dist/openapi.json, so every mode must cover every operation.
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Lists every operation of an OpenAPI document as `{ operationId, method, path }`. */
export function listOperations(document) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      operationId: item[method].operationId,
      method: method.toUpperCase(),
      path,
    })),
  );
}

/**
 * Compares the operations of `document` with the statuses recorded per operationId and
 * returns those with no 2xx status, in document order.
 */
export function findUnexercised(document, recordedStatuses) {
  return listOperations(document).filter(({ operationId }) => {
    const statuses = recordedStatuses[operationId] ?? [];
    return !statuses.some((status) => status >= 200 && status < 300);
  });
}

async function readJson(path, hint) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path} (${error.message}). ${hint}`, { cause: error });
  }
}

async function main(reportPaths) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const specPath = resolve(root, 'spec/dist/openapi.json');
  if (reportPaths.length === 0) {
    throw new Error(
      'Pass the coverage reports to check, such as reports/operation-coverage-static.json.',
    );
  }
  const document = await readJson(
    specPath,
    'Bundle the spec first: npm run bundle -w @pulse-engagement/spec.',
  );
  const operations = listOperations(document);

  for (const reportPath of reportPaths) {
    const report = await readJson(
      reportPath,
      'Run the whole contract suite first: npm test -w @pulse-engagement/contract-tests.',
    );
    const run = basename(reportPath, '.json');
    const missing = findUnexercised(document, report.operations ?? {});
    if (missing.length === 0) {
      process.stdout.write(
        `Contract tests exercised all ${operations.length} operations with a 2xx response (${run}).\n`,
      );
      continue;
    }
    const lines = missing.map(
      ({ operationId, method, path }) => `  ${operationId} (${method} ${path})`,
    );
    process.stderr.write(
      `${missing.length} of ${operations.length} operations in ${relative(root, specPath)} got no ` +
        `2xx response from the mock in ${run}:\n${lines.join('\n')}\n` +
        'Add a test under packages/contract-tests/test that calls each of them through the ' +
        'client, and check that it is not skipped in that mode.\n',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
