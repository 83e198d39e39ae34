import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts Prism in beforeAll, which reads and converts the whole document.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
