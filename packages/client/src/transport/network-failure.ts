/** The point where the network failed, as far as the error of a rejected `fetch` shows. */
export interface NetworkFailure {
  /** The first system or undici error code found in the cause chain, such as `ECONNREFUSED`. */
  code: string | undefined;
  /** Whether the request provably never reached the server. */
  neverSent: boolean;
}

// Failures before a connection exists: a refused connection, a host name that did not resolve
// (or not yet, for EAI_AGAIN) and undici's connect timeout. A reset (ECONNRESET, or undici's
// UND_ERR_SOCKET "other side closed") can come after the server read the request, so it is
// not on this list.
const beforeConnectCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// Enough for undici's TypeError -> Error or AggregateError -> Error chain, and a bound against
// a cause cycle.
const maxCauseDepth = 5;

/**
 * Classifies an error that `fetch` rejected with. The Fetch standard reports every network
 * error as a `TypeError`; Node's fetch (undici) puts the system error in `cause`, and an
 * `AggregateError` there when it tried several addresses. Returns `undefined` for any other
 * error, which is then not a network failure.
 */
export function classifyNetworkFailure(error: unknown): NetworkFailure | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const codes = collectCodes(error.cause, 0);
  return {
    code: codes[0],
    neverSent: codes.length > 0 && codes.every((code) => beforeConnectCodes.has(code)),
  };
}

function collectCodes(cause: unknown, depth: number): string[] {
  if (depth >= maxCauseDepth || typeof cause !== 'object' || cause === null) return [];
  const { code, errors } = cause as { code?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors)
    ? errors.flatMap((inner: unknown) => collectCodes(inner, depth + 1))
    : collectCodes((cause as { cause?: unknown }).cause, depth + 1);
  return [...own, ...nested];
}
