import { mkdir, writeFile } from 'node:fs/promises';
import { startMockServer } from '@pulse-engagement/mock';
import type { TestProject } from 'vitest/node';
import type { ContractMockMode } from './mock-mode.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    mockMode: ContractMockMode;
  }
}

/**
 * Returns the file where a run records the statuses of each operation for `mode`, which
 * scripts/check-operation-coverage.mjs at the repository root reads.
 */
export function coverageReportUrl(mode: ContractMockMode): URL {
  return new URL(`../../reports/operation-coverage-${mode}.json`, import.meta.url);
}

/**
 * Starts the mock in the project's mode on a free port on 127.0.0.1 and returns the teardown
 * that stops it. Every test file of the project shares this one mock, which records the response
 * statuses of each operation.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mode = project.getProvidedContext().mockMode;
  if (mode !== 'static' && mode !== 'stateful') {
    throw new TypeError(
      `Project ${project.name} provides mockMode ${String(mode)}. ` +
        "Set test.provide.mockMode to 'static' or 'stateful' in vitest.config.ts.",
    );
  }

  const statuses = new Map<string, Set<number>>();
  const server = await startMockServer({
    host: '127.0.0.1',
    port: 0,
    mode,
    // In stateful mode a seed gives a clock that moves one second per request, so every write
    // gets a new updatedAt and a test can tell that a repeated archive changed nothing.
    seed: mode === 'stateful' ? 'contract-tests' : undefined,
    onResponse: ({ operationId, status }) => {
      if (operationId === undefined) return;
      const seen = statuses.get(operationId) ?? new Set<number>();
      seen.add(status);
      statuses.set(operationId, seen);
    },
  });
  project.provide('mockUrl', server.url);

  return async () => {
    await server.close();
    const operations = Object.fromEntries(
      [...statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, seen]) => [id, [...seen].sort()]),
    );
    const report = coverageReportUrl(mode);
    await mkdir(new URL('.', report), { recursive: true });
    await writeFile(report, `${JSON.stringify({ mode, operations }, null, 2)}\n`);
  };
}
