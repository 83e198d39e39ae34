import { mkdir, writeFile } from 'node:fs/promises';
import { startMockServer } from '@pulse-engagement/mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** File where the run records the statuses of each operation, read by the coverage check. */
const coverageReport = new URL('../../reports/operation-coverage.json', import.meta.url);

/**
 * Starts the mock on a free port on 127.0.0.1 and returns the teardown that stops it. Every
 * test file shares this one mock, which records the response statuses of each operation.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const statuses = new Map<string, Set<number>>();
  const server = await startMockServer({
    host: '127.0.0.1',
    port: 0,
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
    await mkdir(new URL('.', coverageReport), { recursive: true });
    await writeFile(coverageReport, `${JSON.stringify({ operations }, null, 2)}\n`);
  };
}
