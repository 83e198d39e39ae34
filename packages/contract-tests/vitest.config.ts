import { defineConfig } from 'vitest/config';

// Tests that read only the bundled spec. They do not depend on the mock's mode, so only the
// static project runs them.
const specOnlyTests = [
  'test/examples.test.ts',
  'test/example-consistency.test.ts',
  'test/spec-conventions.test.ts',
  'test/spec-validator.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 10_000,
    hookTimeout: 20_000,
    // Each project starts its own mock, in its own mode, in the global setup, and the test files
    // read the mode with mockMode() to skip what only one mode supports.
    projects: [
      {
        extends: true,
        test: {
          name: 'static',
          globalSetup: ['./test/support/global-setup.ts'],
          provide: { mockMode: 'static' },
        },
      },
      {
        extends: true,
        test: {
          name: 'stateful',
          globalSetup: ['./test/support/global-setup.ts'],
          provide: { mockMode: 'stateful' },
          exclude: ['**/node_modules/**', ...specOnlyTests],
        },
      },
    ],
  },
});
