/** A validated request as the server hands it to the stateful engine. */
export interface StatefulRequest {
  operationId: string;
  method: string;
  path: string; // path without query
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

/** The response the engine returns for the server to write. */
export interface StatefulResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Engine that keeps the records of stateful mode and builds responses from them. */
export interface StatefulEngine {
  handle(request: StatefulRequest): StatefulResponse;
}

/** Options of `createStatefulEngine`. */
export interface StatefulEngineOptions {
  seed?: string | number;
  seedData?: unknown;
}

/** Creates the engine of stateful mode for an OpenAPI document. */
export function createStatefulEngine(
  document: object,
  options?: StatefulEngineOptions,
): StatefulEngine {
  // NOTE: this is only the interface between the server and the engine. The engine itself is
  // not part of this package yet, so stateful mode fails at start.
  void document;
  void options;
  throw new Error('stateful mode is not built yet');
}
