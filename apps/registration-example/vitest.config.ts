import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test makes several requests to an in-process mock; vitest's 5 s default fails when
    // the two cores are busy with the other suites that turbo runs at the same time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
