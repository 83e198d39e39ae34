/** Requests built from the bundled spec, so a benchmark sends what the API documents. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Reads `spec/dist/openapi.json`, which `npm run build` bundles. */
export async function readBundledSpec(rootDir) {
  const file = path.join(rootDir, 'spec', 'dist', 'openapi.json');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the bundled spec ${file}. Run npm run build first.`, {
      cause: error,
    });
  }
}

/** Example credentials in the API's format, a UUID each. The mock accepts any UUIDs. */
const EXAMPLE_TOKEN = '00000000-0000-4000-8000-000000000001';
const EXAMPLE_ACCOUNT_ID = '00000000-0000-4000-8000-000000000002';

/**
 * Returns the headers that satisfy the spec's global security requirement. The spec defines each
 * credential as an `apiKey` header. The `Authorization` scheme's description requires the literal
 * prefix `API-TOKEN ` before the token, and every other header carries a bare UUID.
 */
export function credentialHeaders(spec) {
  const [requirement] = spec.security ?? [];
  if (!requirement) throw new Error('The spec has no global security requirement.');
  const headers = {};
  for (const schemeName of Object.keys(requirement)) {
    const scheme = spec.components.securitySchemes[schemeName];
    if (scheme?.type !== 'apiKey' || scheme.in !== 'header') {
      throw new Error(
        `Security scheme ${schemeName} is not an apiKey header. ` +
          'Update credentialHeaders() in bench/lib/spec-requests.mjs to send it.',
      );
    }
    headers[scheme.name] =
      scheme.name.toLowerCase() === 'authorization'
        ? `API-TOKEN ${EXAMPLE_TOKEN}`
        : EXAMPLE_ACCOUNT_ID;
  }
  return headers;
}

/**
 * Returns a read-only mix of contact requests: half `GET /contacts` (with paging, and with
 * `fields[]` and `sort[]`), half `GET /contacts/{id}` for the ids in the list's first example,
 * which the stateful mock stores. `contact` is the first example of `GET /contacts/{id}`.
 */
export function contactRequestMix(spec) {
  const listExample = firstExample(spec, spec.paths['/contacts']?.get);
  const contact = firstExample(spec, spec.paths['/contacts/{id}']?.get);
  const ids = (listExample?.items ?? []).map((item) => item.id);
  if (ids.length < 2 || contact === undefined) {
    throw new Error(
      'The spec no longer has a GET /contacts example with two or more items and a ' +
        'GET /contacts/{id} example. Update contactRequestMix() in bench/lib/spec-requests.mjs.',
    );
  }
  const lists = [
    '/contacts?page=1&limit=25',
    '/contacts?fields[]=firstName&fields[]=lastName&sort[]=lastName:ASC',
  ];
  const paths = ids.slice(0, 2).flatMap((id, index) => [lists[index], `/contacts/${id}`]);
  return { paths, contact };
}

function firstExample(spec, operation) {
  const media = operation?.responses?.['200']?.content?.['application/json'];
  const example = Object.values(media?.examples ?? {})[0];
  if (!example) return undefined;
  return resolveRef(spec, example).value;
}

function resolveRef(spec, value) {
  if (!value.$ref) return value;
  const segments = value.$ref.replace(/^#\//, '').split('/');
  return segments.reduce((node, segment) => node?.[segment], spec);
}
