import {
  defaultCallOptions,
  resolveCallOptions,
  type PulseCallOptions,
  type ResolvedCallOptions,
} from './call-options.js';
import { environmentBaseUrls, type PulseEnvironment } from './environments.js';
import type { PulseHooks, PulseLogger } from './observability/events.js';
import { validateHooks, validateLogger } from './observability/validate.js';
import { PulseOptionsError } from './options-error.js';

/** Options of `createPulseClient`. `retry` and `timeoutMs` set the defaults of every call. */
export interface PulseClientOptions extends PulseCallOptions {
  /** Account id from your Pulse Health account manager, a UUID. Sent as `X-Account`. */
  accountId: string;
  /** API token, a UUID, without the `API-TOKEN ` prefix, which the client adds. */
  apiToken: string;
  /** Environment to call; defaults to `production`. Leave it out when `baseUrl` is set. */
  environment?: PulseEnvironment;
  /** Base URL to call instead of an environment, such as a mock server's URL. */
  baseUrl?: string;
  /** `fetch` implementation to use; defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Callbacks for each attempt, response, retry and failed call. */
  hooks?: PulseHooks;
  /** A logger such as pino, called as `(fields, message)`. Nothing is logged without one. */
  logger?: PulseLogger;
  /**
   * Allows creating a client in a browser. The API rejects browser requests and the token
   * would be exposed, so set it only where no visitor can read the token, such as jsdom tests.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** Settings derived from validated options. */
export interface ResolvedClientOptions {
  baseUrl: string;
  headers: { Authorization: string; 'X-Account': string };
  fetch: typeof globalThis.fetch | undefined;
  callOptions: ResolvedCallOptions;
  hooks: PulseHooks | undefined;
  logger: PulseLogger | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const tokenPrefix = 'API-TOKEN ';

/**
 * Validates client options and derives the base URL and auth headers. Throws
 * `PulseOptionsError` naming the first invalid option. Messages describe the token and the
 * account id only by their length, so neither value reaches logs.
 */
export function resolveClientOptions(options: PulseClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new PulseOptionsError(
      'options',
      'createPulseClient needs an options object with accountId and apiToken.',
    );
  }
  const apiToken = validateApiToken(options.apiToken);
  const accountId = validateAccountId(options.accountId);

  return {
    baseUrl: resolveBaseUrl(options),
    headers: { Authorization: tokenPrefix + apiToken, 'X-Account': accountId },
    fetch: validateFetch(options.fetch),
    callOptions: resolveCallOptions(defaultCallOptions, options),
    hooks: validateHooks(options.hooks),
    logger: validateLogger(options.logger),
  };
}

function validateApiToken(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new PulseOptionsError(
      'apiToken',
      'Missing apiToken. Pass the API token that your Pulse Health account manager issued.',
    );
  }
  if (typeof value !== 'string') {
    throw new PulseOptionsError(
      'apiToken',
      `Invalid apiToken: expected a string, got ${typeof value}.`,
    );
  }
  if (value.trim().toUpperCase().startsWith(tokenPrefix.trim())) {
    throw new PulseOptionsError(
      'apiToken',
      'Invalid apiToken: it starts with "API-TOKEN". Pass the token alone; the client adds the prefix.',
    );
  }
  rejectWhitespace('apiToken', value);
  if (!uuidPattern.test(value)) {
    throw new PulseOptionsError(
      'apiToken',
      `Invalid apiToken: expected a UUID such as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, got a ` +
        `${value.length}-character value. Check that the whole token was copied.`,
    );
  }
  return value;
}

function validateAccountId(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new PulseOptionsError(
      'accountId',
      'Missing accountId. Pass the account id that your Pulse Health account manager issued.',
    );
  }
  if (typeof value === 'string') rejectWhitespace('accountId', value);
  if (typeof value !== 'string' || !uuidPattern.test(value)) {
    const got = typeof value === 'string' ? `a ${value.length}-character value` : typeof value;
    throw new PulseOptionsError(
      'accountId',
      `Invalid accountId: expected a UUID such as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, got ${got}.`,
    );
  }
  return value;
}

// A token read from a file or an environment variable often keeps its trailing newline, which
// would otherwise surface as a malformed UUID.
function rejectWhitespace(name: 'apiToken' | 'accountId', value: string): void {
  if (!/\s/.test(value)) return;
  const trimmed = value.trim();
  if (/\s/.test(trimmed)) {
    throw new PulseOptionsError(
      name,
      `Invalid ${name}: it contains whitespace inside the value. Remove it and pass the UUID alone.`,
    );
  }
  const where = value.startsWith(trimmed)
    ? 'at the end, such as a trailing newline'
    : value.endsWith(trimmed)
      ? 'at the start'
      : 'at the start and the end';
  throw new PulseOptionsError(
    name,
    `Invalid ${name}: it contains whitespace ${where}. Trim it, for example with ${name}.trim().`,
  );
}

function resolveBaseUrl(options: PulseClientOptions): string {
  const { environment, baseUrl } = options;
  if (environment !== undefined && baseUrl !== undefined) {
    throw new PulseOptionsError(
      'baseUrl',
      'Pass either environment or baseUrl, not both: baseUrl would silently override the environment.',
    );
  }
  if (baseUrl !== undefined) {
    return validateBaseUrl(baseUrl);
  }
  const name = environment ?? 'production';
  if (!Object.hasOwn(environmentBaseUrls, name)) {
    throw new PulseOptionsError(
      'environment',
      `Invalid environment ${JSON.stringify(name)}: use "production" or "staging", or pass baseUrl.`,
    );
  }
  return environmentBaseUrls[name];
}

function validateBaseUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    // An unparsable value may still hold a secret, so only its length is shown.
    throw new PulseOptionsError(
      'baseUrl',
      `Invalid baseUrl: expected an absolute URL such as http://127.0.0.1:4010, got a ` +
        `${String(value).length}-character value that is not one.`,
    );
  }
  // Query, fragment and user info can carry credentials, so messages show only the rest.
  const safeUrl = JSON.stringify(url.origin + url.pathname);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PulseOptionsError(
      'baseUrl',
      `Invalid baseUrl ${safeUrl}: the scheme must be http or https.`,
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new PulseOptionsError(
      'baseUrl',
      `Invalid baseUrl ${safeUrl}: remove the query, fragment and credentials; ` +
        'authentication goes in apiToken and accountId.',
    );
  }
  // openapi-fetch joins baseUrl and the path as strings, so a trailing slash would double up.
  return url.href.replace(/\/+$/, '');
}

function validateFetch(value: unknown): typeof globalThis.fetch | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new PulseOptionsError(
      'fetch',
      `Invalid fetch: expected a function compatible with the global fetch, got ${typeof value}.`,
    );
  }
  return value as typeof globalThis.fetch | undefined;
}
