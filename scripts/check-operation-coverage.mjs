#!/usr/bin/env node
// Fails when an operation of the bundled spec got no 2xx response during the contract tests.
// The contract tests' global setup records the status of every mock response by operationId, in packages/contract-tests/reports/operation-coverage.json; this script
// compares that record with the operationIds of spec/dist/openapi.json.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
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
    throw new Error(`Cannot read ${path} (${error.message}). ${hint}`);
  }
}

async function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const specPath = resolve(root, 'spec/dist/openapi.json');
  const reportPath = resolve(root, 'packages/contract-tests/reports/operation-coverage.json');
  const document = await readJson(
    specPath,
    'Bundle the spec first: npm run bundle -w @pulse-engagement/spec.',
  );
  const report = await readJson(
    reportPath,
    'Run the whole contract suite first: npm test -w @pulse-engagement/contract-tests.',
  );

  const operations = listOperations(document);
  const missing = findUnexercised(document, report.operations ?? {});
  if (missing.length > 0) {
    const lines = missing.map(
      ({ operationId, method, path }) => `  ${operationId} (${method} ${path})`,
    );
    process.stderr.write(
      `${missing.length} of ${operations.length} operations in ${relative(root, specPath)} got no 2xx ` +
        `response from the mock during the contract tests:\n${lines.join('\n')}\n` +
        'Add a test under packages/contract-tests/test that calls each of them through the client.\n',
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `Contract tests exercised all ${operations.length} operations with a 2xx response.\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
