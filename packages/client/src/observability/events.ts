// Events that a client reports through `hooks` and `logger`. They are plain objects without
// headers, bodies or query strings, so they contain no credentials and no searched email.

/** Fields common to every event. */
export interface PulseCallEvent {
  /** HTTP method, such as `GET`. */
  method: string;
  /** Path template, such as `/contacts/{id}`. */
  path: string;
  /** Attempt number, counting from 1; 0 when the caller aborted before the first attempt. */
  attempt: number;
}

/** An attempt is about to be sent. */
export type PulseRequestEvent = PulseCallEvent;

/** An attempt got a response, whatever its status. */
export interface PulseResponseEvent extends PulseCallEvent {
  status: number;
  /** Time from sending the attempt to reading the whole body, in ms. */
  durationMs: number;
  /** The `X-Request-Id` response header. */
  requestId: string | undefined;
}

/** An attempt failed and the client will retry after `delayMs`. */
export interface PulseRetryEvent extends PulseCallEvent {
  /** Wait before the next attempt, in ms. */
  delayMs: number;
  /** Status of the failed attempt, or `undefined` when it got no response. */
  status: number | undefined;
  requestId: string | undefined;
  /** Why the attempt failed when it got no response: a `PulseConnectionError` or `PulseTimeoutError`. */
  error: Error | undefined;
}

/** The call is about to reject with `error`. */
export interface PulseErrorEvent extends PulseCallEvent {
  /** Time from sending the last attempt until it failed, in ms. */
  durationMs: number;
  /** Status of the last response, or `undefined` when none arrived. */
  status: number | undefined;
  requestId: string | undefined;
  /** The error the call rejects with: a `PulseError`, or the caller's abort reason. */
  error: unknown;
}

/**
 * Callbacks for each step of a call. A hook that throws or returns a rejected promise does not
 * affect the call, and the client reports the error to the logger, if any. Hooks are called
 * synchronously, and a promise that a hook returns is not awaited.
 */
export interface PulseHooks {
  onRequest?: (event: PulseRequestEvent) => unknown;
  onResponse?: (event: PulseResponseEvent) => unknown;
  onRetry?: (event: PulseRetryEvent) => unknown;
  onError?: (event: PulseErrorEvent) => unknown;
}

/**
 * A logger such as pino, called as `(fields, message)`. The client logs each attempt and
 * response at `debug`, each retry at `warn`, and each failed call at `warn` for a 4xx status,
 * `debug` for the caller's own abort, or `error` otherwise. It does not call `info` itself.
 */
export interface PulseLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
