// ESLint flat config for the whole repository. Prettier owns the layout, so this config turns
// on no stylistic rules and ESLint checks correctness only.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated and installed files are never edited by hand, so a finding there could only be
  // fixed in their generator. `packages/client/src/generated/` comes from openapi-typescript
  // and scripts/success-bodies.mjs, `scripts/runtimes/` contains the Node 22 and 24 binaries,
  // and the rest is build output (such as the docs' samples in `apps/docs/build/`), test
  // reports or dependencies.
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/build/',
    'packages/client/src/generated/',
    'packages/contract-tests/reports/',
    '**/test-results/',
    'scripts/runtimes/',
    'bench/out/',
    '**/coverage/',
    '**/.turbo/',
  ]),

  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['packages/**/*.ts', 'apps/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { source: _source, ...rest } = value` is the usual way to copy all but one field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  {
    // These tests walk untyped JSON, the stateful engine's responses and the bundled spec,
    // through `any` on purpose, and their assertions check the shape that the types cannot.
    files: [
      'packages/mock/test/stateful/**/*.ts',
      'packages/contract-tests/test/examples.test.ts',
      'packages/contract-tests/test/example-consistency.test.ts',
      'packages/contract-tests/test/spec-conventions.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
