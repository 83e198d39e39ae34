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

/**
 * Asserts that a create call got 201 with a body that conforms to the spec, and returns the new
 * id. Tests that remove or change a resource create it first with this, so the stateful mock
 * keeps its seeded records for the other tests.
 */
export function createdId(operationId: string, result: FetchResult): number {
  const body = expectConforms(operationId, 201, result) as { id?: unknown };
  expect(body.id, `${operationId} id`).toBeTypeOf('number');
  return body.id as number;
}
