/**
 * Event the server reports after it responds to one request. It carries no header values and no
 * query string, so it never exposes credentials or searched personal data.
 */
export interface MockResponseEvent {
  method: string;
  /** Request path without the query string. */
  path: string;
  /** The operation the request was routed to; undefined for an unknown path or method. */
  operationId: string | undefined;
  status: number;
  /** Validation errors that made this an error response, one message each. */
  requestErrors: readonly string[];
  durationMs: number;
}

/** Receives one event per request, after the response is written. */
export type MockResponseListener = (event: MockResponseEvent) => void;
