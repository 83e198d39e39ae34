import { expect } from 'vitest';
import { responseProblems } from './spec-validator.js';

/** The result shape of every openapi-fetch call. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Asserts that a client call got `status` and that its body conforms to the spec's schema for
 * that operation and status. Returns the body for further checks.
 */
export function expectConforms(operationId: string, status: number, result: FetchResult): unknown {
  const body = result.response.ok ? result.data : result.error;
  expect(result.response.status, `${operationId} status`).toBe(status);
  expect(responseProblems(operationId, status, body), `${operationId} ${status} body`).toEqual([]);
  return body;
}
