import { fileURLToPath } from 'node:url';
import type { ApiErrorBody } from '../src/index.js';

/** Fixture document with the features the mock must handle. */
export const FIXTURE_PATH = fileURLToPath(new URL('./fixtures/openapi.json', import.meta.url));

/** Credential values used by the tests, which check that no response or log repeats them. */
export const TOKEN = '5f1c0e2a-7b3d-4c8e-9a1f-2d4b6c8e0f13';
export const ACCOUNT = '88410c2e-4a6b-4d8f-b1c3-5e7a9c1e3b57';

/** Both credential headers in the format the API expects. */
export const CREDENTIALS: Record<string, string> = {
  Authorization: `API-TOKEN ${TOKEN}`,
  'X-Account': ACCOUNT,
};

/** Response status, headers and parsed JSON body. */
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** Sends a request to the mock server and parses the JSON body, failing after 20 seconds. */
export async function send<T = unknown>(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** Sends a JSON body with both credential headers. */
export function postJson<T = unknown>(
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<JsonResponse<T>> {
  return send<T>(baseUrl, path, {
    method: 'POST',
    headers: { ...CREDENTIALS, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Returns the `field` values of an API error body. */
export function fieldsOf(body: ApiErrorBody | undefined): string[] {
  return (body?.errors ?? []).map((error) => error.field);
}
