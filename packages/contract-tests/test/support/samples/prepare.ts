import { authHeaders } from '../credentials.js';

/**
 * Creates a resource with `POST collectionPath` and returns its `id`. Throws when the mock does
 * not respond 201 with a numeric id, naming the status and the body.
 */
export async function createResource(
  baseUrl: string,
  collectionPath: string,
  body: unknown,
): Promise<number> {
  const response = await fetch(baseUrl + collectionPath, {
    method: 'POST',
    headers: { ...authHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(
      `POST ${collectionPath} returned ${response.status}, expected 201: ${text}. ` +
        'Fix the body that the sample sends to create the resource it removes.',
    );
  }
  const { id } = JSON.parse(text) as { id?: unknown };
  if (typeof id !== 'number') {
    throw new Error(`POST ${collectionPath} returned no numeric id: ${text}.`);
  }
  return id;
}

/**
 * Returns a sample's `prepare` that creates a resource in `collectionPath` and returns the path
 * of the new item, `pathOf(id)`.
 */
export function removeCreated(
  collectionPath: string,
  body: unknown,
  pathOf: (id: number) => string,
): (baseUrl: string) => Promise<string> {
  return async (baseUrl) => pathOf(await createResource(baseUrl, collectionPath, body));
}
