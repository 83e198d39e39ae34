import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Hooks start the mock, which loads the spec into Prism, and Chromium. On a loaded 2-core
    // machine either can take longer than vitest's default hook timeout of 10 s.
    hookTimeout: 60_000,
  },
});
