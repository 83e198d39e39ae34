import { authHeaders, mockUrl } from './credentials.js';

/** Returns the `field` of each entry in the `errors` array of an API error body. */
export function errorFields(body: unknown): (string | undefined)[] {
  return ((body as { errors?: { field?: string }[] }).errors ?? []).map((item) => item.field);
}

/**
 * Sends a GET with both auth headers and a raw path and query, so brackets such as `fields[]`
 * reach the mock exactly as written, and returns the status and the parsed JSON body.
 */
export async function getRaw(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(mockUrl() + path, { headers: authHeaders });
  return { status: response.status, body: await response.json() };
}
