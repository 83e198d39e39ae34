/** A valid request for one operation, sent with raw `fetch` by the negative tests. */
export interface SampleRequest {
  operationId: string;
  method: string;
  /** Path and query as sent, with literal brackets in names such as `fields[]`. */
  path: string;
  body?: unknown;
}
