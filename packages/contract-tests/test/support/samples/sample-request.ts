/** A valid request for one operation, sent with raw `fetch` by the negative tests. */
export interface SampleRequest {
  operationId: string;
  method: string;
  /** Path and query as sent, with literal brackets in names such as `fields[]`. */
  path: string;
  body?: unknown;
  /**
   * Creates the resource that this request removes and returns the path to send instead of
   * `path`. Removing a fresh resource keeps the stateful mock's seeded records for the other
   * tests, and lets every run of the request succeed.
   */
  prepare?: (baseUrl: string) => Promise<string>;
}
