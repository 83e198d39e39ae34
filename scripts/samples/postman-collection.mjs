// @ts-check
// Builds a Postman collection (format v2.1) and its environments from the bundled spec: one
// folder per tag, one request per operation with the operation's example parameters and body.
import { listSampleOperations } from './operations.mjs';
import { encodeQueryValue, toQueryPairs } from './query-string.mjs';

const COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Environments shipped with the collection. The first two must match the spec's servers. */
export const POSTMAN_ENVIRONMENTS = [
  { slug: 'production', name: 'Production', baseUrl: 'https://api.pulsehealth.tech' },
  { slug: 'staging', name: 'Staging', baseUrl: 'https://api.pulsehealth-staging.tech' },
  {
    slug: 'local-mock',
    name: 'Local mock server',
    baseUrl: 'http://127.0.0.1:4010',
    // The mock accepts any UUIDs, so this environment works without asking for credentials.
    apiToken: '00000000-0000-4000-8000-000000000001',
    accountId: '00000000-0000-4000-8000-000000000002',
  },
];

// Postman runs this test script after each request, and newman reports a failed assertion.
const STATUS_TEST = [
  "pm.test('Status is 2xx', function () {",
  '  pm.expect(pm.response.code).to.be.within(200, 299);',
  '});',
];

/**
 * Builds the collection. Every request reads `{{baseUrl}}`, `{{apiToken}}` and `{{accountId}}`
 * from the selected environment.
 * @param {any} document the bundled OpenAPI document
 */
export function buildPostmanCollection(document) {
  const operations = listSampleOperations(document);
  const tags = [...(document.tags ?? []).map((/** @type {any} */ tag) => tag.name)];
  for (const operation of operations) {
    if (!tags.includes(operation.tag)) tags.push(operation.tag);
  }

  const folders = tags.map((name) => ({
    name,
    description: document.tags?.find((/** @type {any} */ tag) => tag.name === name)?.description,
    item: operations.filter((operation) => operation.tag === name).map(buildRequestItem),
  }));

  return {
    info: {
      name: document.info?.title ?? 'API',
      description: document.info?.summary ?? '',
      version: document.info?.version,
      schema: COLLECTION_SCHEMA,
    },
    item: folders.filter((folder) => folder.item.length > 0),
  };
}

/**
 * Builds one Postman environment per entry of POSTMAN_ENVIRONMENTS. Throws when the spec's
 * servers no longer contain the production or staging URL, so the two lists stay in step.
 * @param {any} document
 */
export function buildPostmanEnvironments(document) {
  const serverUrls = (document.servers ?? []).map((/** @type {any} */ server) => server.url);
  for (const environment of POSTMAN_ENVIRONMENTS.slice(0, 2)) {
    if (!serverUrls.includes(environment.baseUrl)) {
      throw new Error(
        `The spec's servers do not include ${environment.baseUrl} (${environment.name}). ` +
          'Update POSTMAN_ENVIRONMENTS in scripts/samples/postman-collection.mjs to match.',
      );
    }
  }

  return POSTMAN_ENVIRONMENTS.map((environment) => ({
    slug: environment.slug,
    environment: {
      name: `${document.info?.title ?? 'API'}: ${environment.name}`,
      values: [
        { key: 'baseUrl', value: environment.baseUrl, type: 'default', enabled: true },
        { key: 'apiToken', value: environment.apiToken ?? '', type: 'secret', enabled: true },
        { key: 'accountId', value: environment.accountId ?? '', type: 'secret', enabled: true },
      ],
      _postman_variable_scope: 'environment',
    },
  }));
}

/** @param {import('./operations.mjs').SampleOperation} operation */
function buildRequestItem(operation) {
  const header = [
    { key: 'Authorization', value: 'API-TOKEN {{apiToken}}' },
    { key: 'X-Account', value: '{{accountId}}' },
  ];
  if (operation.body !== undefined) {
    header.push({ key: 'Content-Type', value: 'application/json' });
  }

  return {
    name: operation.summary,
    request: {
      method: operation.method,
      header,
      url: buildUrl(operation),
      ...(operation.body !== undefined && {
        body: {
          mode: 'raw',
          raw: JSON.stringify(operation.body, null, 2),
          options: { raw: { language: 'json' } },
        },
      }),
      description: operation.description,
    },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: STATUS_TEST } }],
  };
}

/**
 * Builds a Postman URL object. Path parameters become `:name` variables holding the example.
 * Query parameters with an example are enabled, and the others are listed disabled with their
 * default, so they are one click away in Postman.
 * @param {import('./operations.mjs').SampleOperation} operation
 */
function buildUrl(operation) {
  const path = operation.path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\{(.+)\}$/, ':$1'));

  const variable = operation.parameters
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => ({
      key: parameter.name,
      value: String(parameter.value),
      description: parameter.description,
    }));

  const query = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .flatMap((parameter) => {
      const disabled = parameter.value === undefined;
      const value = disabled ? (parameter.defaultValue ?? '') : parameter.value;
      return toQueryPairs(parameter.name, value).map(([key, item]) => ({
        key,
        value: encodeQueryValue(item),
        description: parameter.description,
        ...(disabled && { disabled: true }),
      }));
    });

  const enabledQuery = query
    .filter((pair) => !pair.disabled)
    .map((pair) => `${pair.key}=${pair.value}`)
    .join('&');
  const raw = `{{baseUrl}}/${path.join('/')}${enabledQuery ? `?${enabledQuery}` : ''}`;

  return {
    raw,
    host: ['{{baseUrl}}'],
    path,
    ...(query.length > 0 && { query }),
    ...(variable.length > 0 && { variable }),
  };
}
