import { inject } from 'vitest';

/**
 * Mode of the mock that the current vitest project runs against: `static` returns the spec's
 * examples, `stateful` stores what the requests create and change.
 */
export type ContractMockMode = 'static' | 'stateful';

/** Returns the mode of the current project's mock, set by the project in vitest.config.ts. */
export function mockMode(): ContractMockMode {
  return inject('mockMode');
}

/** True when the mock returns the spec's examples, so exact example values can be checked. */
export const isStaticMock = (): boolean => mockMode() === 'static';

/** True when the mock stores resources, so a test can read back what it wrote. */
export const isStatefulMock = (): boolean => mockMode() === 'stateful';

/**
 * Returns the headers of a request for an unknown id. The static mock cannot tell which ids
 * exist, so it gets `Prefer: code=404` for the spec's 404 example. The stateful mock returns a
 * real 404, and rejects a `Prefer` header with 400.
 */
export function notFoundHeaders(): Record<string, string> {
  return isStaticMock() ? { Prefer: 'code=404' } : {};
}

/**
 * Returns the pattern that a 404 message for the unknown `id` matches: the text of the spec's
 * 404 example from the static mock, or the id itself, which the stateful mock names.
 */
export function notFoundMessage(id: number | string): RegExp {
  return isStaticMock() ? /No resource with this id/ : new RegExp(`\\b${String(id)}\\b`);
}

/**
 * Returns the headers of a request that reads the spec's named example `name`. The static mock
 * needs `Prefer: example=<name>`. The stateful mock stores each example under its own id, so a
 * test that requests that id gets the example without a Prefer header, which it would reject.
 */
export function exampleHeaders(name: string): Record<string, string> {
  return isStaticMock() ? { Prefer: `example=${name}` } : {};
}
