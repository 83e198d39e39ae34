import { expect } from 'vitest';
import { responseProblems } from '../../../contract-tests/test/support/spec-validator.js';
import {
  createStatefulEngine,
  type StatefulEngine,
  type StatefulEngineOptions,
} from '../../src/stateful/engine.js';
import { bundledDocument } from './harness.js';

/** Path and query values as a test writes them; `call` sends them as strings, as servers do. */
export interface CallInit {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  body?: unknown;
}

/** A response whose body a test reads freely. */
export interface CallResult {
  status: number;
  /** The body as the engine returned it, typed loosely so that tests can read any field. */
  body: any;
}

const locations = new Map<string, { method: string; path: string }>();
for (const [path, item] of Object.entries(bundledDocument.paths as Record<string, object>)) {
  for (const [method, operation] of Object.entries(
    item as Record<string, { operationId?: string }>,
  )) {
    if (operation.operationId) locations.set(operation.operationId, { method, path });
  }
}

/** Creates an engine for the bundled spec. */
export function newEngine(options?: StatefulEngineOptions): StatefulEngine {
  return createStatefulEngine(bundledDocument, options);
}

/**
 * Sends one request to the engine and checks that the response is one the operation documents,
 * with a body that its schema accepts (closed, so an undeclared property fails too).
 */
export function call(engine: StatefulEngine, operationId: string, init: CallInit = {}): CallResult {
  const location = locations.get(operationId);
  if (location === undefined) throw new Error(`${operationId} is not in the bundled spec.`);
  const query = Object.fromEntries(
    Object.entries(init.query ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map(String) : String(value),
    ]),
  );
  const pathParams = Object.fromEntries(
    Object.entries(init.path ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const response = engine.handle({
    operationId,
    method: location.method.toUpperCase(),
    path: location.path,
    pathParams,
    query,
    body: init.body,
  });
  expect(responseProblems(operationId, response.status, response.body), operationId).toEqual([]);
  return { status: response.status, body: response.body };
}
