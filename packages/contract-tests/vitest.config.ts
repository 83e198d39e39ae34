import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One mock server for the whole run, started and stopped by the global setup.
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 10_000,
    hookTimeout: 20_000,
  },
});
