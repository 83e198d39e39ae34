// @ts-check
// Writes the TypeScript sample of one operation: a script that creates the client with
// createPulseClient and makes the typed call, so the compiler checks the path, the parameters
// and the body against the client's types.
import { format, resolveConfig } from 'prettier';

const CLIENT_PACKAGE = '@pulse-engagement/client';

/**
 * Builds the sample as an ES module formatted by Prettier with the repository's settings.
 * @param {import('./operations.mjs').SampleOperation} operation
 * @param {{ defaultBaseUrl: string, prettierConfigFile: string }} options defaultBaseUrl is
 *   the URL called when PULSE_BASE_URL is unset, and the sample is formatted with the Prettier
 *   settings that apply to prettierConfigFile
 */
export async function buildTypeScriptSample(operation, { defaultBaseUrl, prettierConfigFile }) {
  const init = buildInit(operation);
  const call = `pulse.${operation.method}(${JSON.stringify(operation.path)}${init ? `, ${init}` : ''})`;
  const hasBody = operation.successStatus !== 204;

  const source = [
    `import { createPulseClient } from '${CLIENT_PACKAGE}';`,
    '',
    'const pulse = createPulseClient({',
    `  baseUrl: process.env.PULSE_BASE_URL ?? ${JSON.stringify(defaultBaseUrl)},`,
    '  apiToken: process.env.PULSE_API_TOKEN!,',
    '  accountId: process.env.PULSE_ACCOUNT_ID!,',
    '});',
    '',
    hasBody ? `const { data } = await ${call};` : `await ${call};`,
    hasBody ? 'console.log(data);' : '',
  ].join('\n');

  const config = (await resolveConfig(prettierConfigFile)) ?? {};
  return format(source, { ...config, parser: 'typescript' });
}

/**
 * Returns the call's second argument as source text, or an empty string when the call needs
 * none. Query parameters without an example are left out.
 * @param {import('./operations.mjs').SampleOperation} operation
 */
function buildInit(operation) {
  const path = collectValues(operation, 'path');
  const query = collectValues(operation, 'query');

  /** @type {Record<string, unknown>} */
  const params = {};
  if (Object.keys(path).length > 0) params.path = path;
  if (Object.keys(query).length > 0) params.query = query;

  /** @type {Record<string, unknown>} */
  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  if (operation.body !== undefined) init.body = operation.body;

  // JSON is valid TypeScript for these literals, and Prettier rewrites the quotes.
  return Object.keys(init).length > 0 ? JSON.stringify(init) : '';
}

/**
 * @param {import('./operations.mjs').SampleOperation} operation
 * @param {'path' | 'query'} location
 */
function collectValues(operation, location) {
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === location && parameter.value !== undefined) {
      values[parameter.name] = parameter.value;
    }
  }
  return values;
}
