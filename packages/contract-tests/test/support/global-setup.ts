import { startMockServer } from '@pulse-engagement/mock';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** Starts the mock on a free port on 127.0.0.1 and returns the teardown that stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMockServer({ host: '127.0.0.1', port: 0 });
  project.provide('mockUrl', server.url);
  return () => server.close();
}
