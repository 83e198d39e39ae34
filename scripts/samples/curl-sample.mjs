// @ts-check
// Writes the cURL sample of one operation. The sample reads the base URL and the credentials
// from PULSE_BASE_URL, PULSE_API_TOKEN and PULSE_ACCOUNT_ID, so the same text runs against
// production, staging or the mock.
import { formatQuery, toQueryPairs } from './query-string.mjs';

/** Environment variables that every cURL sample reads. */
export const CURL_ENVIRONMENT = ['PULSE_BASE_URL', 'PULSE_API_TOKEN', 'PULSE_ACCOUNT_ID'];

/**
 * Builds a bash command that calls the operation with its example values.
 *
 * The base URL is double-quoted so the shell expands it, and the path and query are
 * single-quoted so the shell leaves `[]`, `&` and `?` alone. `-g` stops curl from reading
 * `fields[]` as a range pattern.
 * @param {import('./operations.mjs').SampleOperation} operation
 */
export function buildCurlSample(operation) {
  const method = operation.method === 'GET' ? '' : ` -X ${operation.method}`;
  const lines = [
    `curl -g${method} "$PULSE_BASE_URL"${quoteForShell(buildPathAndQuery(operation))}`,
    `-H "Authorization: API-TOKEN $PULSE_API_TOKEN"`,
    `-H "X-Account: $PULSE_ACCOUNT_ID"`,
  ];
  if (operation.body !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`--data ${quoteForShell(JSON.stringify(operation.body, null, 2))}`);
  }
  return lines.join(' \\\n  ') + '\n';
}

/**
 * Fills the path template with the example path parameters and appends the example query.
 * Query parameters without an example are left out.
 * @param {import('./operations.mjs').SampleOperation} operation
 */
export function buildPathAndQuery(operation) {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    if (parameter === undefined || parameter.value === undefined) {
      throw new Error(
        `Path parameter ${name} of ${operation.operationId} has no example. Add one to the spec.`,
      );
    }
    return encodeURIComponent(String(parameter.value));
  });

  const pairs = operation.parameters
    .filter((parameter) => parameter.in === 'query' && parameter.value !== undefined)
    .flatMap((parameter) => toQueryPairs(parameter.name, parameter.value));
  return pairs.length === 0 ? path : `${path}?${formatQuery(pairs)}`;
}

/**
 * Single-quotes text for bash. A single quote inside becomes `'\''`: close, escaped quote, open.
 * @param {string} text
 */
export function quoteForShell(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
