import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test makes several requests to an in-process mock. Vitest's 5 s default failed while
    // the other suites that turbo runs at the same time kept both cores busy.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
