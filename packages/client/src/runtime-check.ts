import { PulseOptionsError } from './options-error.js';

/** The globals that tell a browser from a server runtime. */
export interface RuntimeGlobals {
  window?: unknown;
  document?: unknown;
  navigator?: { userAgent?: unknown };
  process?: { versions?: { node?: unknown } };
}

/**
 * Returns whether the globals look like a browser: a `window` and a `document`, or a browser's
 * `navigator.userAgent` (every major browser's starts with `Mozilla/`) without Node's
 * `process.versions.node`. Node 21 and later have a `navigator` too, with `Node.js/<version>`.
 */
export function isBrowserRuntime(globals: RuntimeGlobals = globalThis): boolean {
  if (globals.window !== undefined && globals.document !== undefined) return true;
  const userAgent = globals.navigator?.userAgent;
  const browserUserAgent = typeof userAgent === 'string' && userAgent.startsWith('Mozilla/');
  return browserUserAgent && globals.process?.versions?.node === undefined;
}

/** Throws `PulseOptionsError` in a browser unless `dangerouslyAllowBrowser` is true. */
export function assertServerRuntime(
  dangerouslyAllowBrowser: unknown,
  globals?: RuntimeGlobals,
): void {
  if (dangerouslyAllowBrowser === true || !isBrowserRuntime(globals)) return;
  throw new PulseOptionsError(
    'dangerouslyAllowBrowser',
    'createPulseClient is running in a browser. The Pulse Engagement Cloud API rejects browser ' +
      'requests (it sends no CORS headers), and the API token would be visible to every visitor ' +
      'of the page. Call the API from your backend instead. Pass dangerouslyAllowBrowser: true ' +
      'only where no visitor can read the token, such as tests that run under jsdom.',
  );
}
