import type {
  PulseErrorEvent,
  PulseHooks,
  PulseLogger,
  PulseRequestEvent,
  PulseResponseEvent,
  PulseRetryEvent,
} from './events.js';

/** Reports call events to the caller's hooks and logger, shielding the call from both. */
export interface EventDispatcher {
  request(event: PulseRequestEvent): void;
  response(event: PulseResponseEvent): void;
  retry(event: PulseRetryEvent): void;
  /** `callerAborted` marks the caller's own abort, which is logged at `debug` only. */
  error(event: PulseErrorEvent, callerAborted?: boolean): void;
}

type HookName = keyof PulseHooks;

/** Creates a dispatcher for the given hooks and logger; either may be undefined. */
export function createEventDispatcher(
  hooks: PulseHooks | undefined,
  logger: PulseLogger | undefined,
): EventDispatcher {
  const log = (level: keyof PulseLogger, fields: object, message: string): void => {
    if (logger === undefined) return;
    try {
      logger[level](fields, message);
    } catch {
      // A broken logger must not break the call, and there is nowhere left to report it.
    }
  };

  const callHook = <Event extends object>(name: HookName, event: Event): void => {
    const hook = hooks?.[name] as ((event: Event) => unknown) | undefined;
    if (hook === undefined) return;
    const report = (error: unknown) =>
      log(
        'warn',
        { hook: name, error: describeHookError(error) },
        `The ${name} hook threw; the call went on.`,
      );
    try {
      const result = hook(Object.freeze({ ...event }));
      if (isPromiseLike(result)) result.then(undefined, report);
    } catch (error) {
      report(error);
    }
  };

  return {
    request(event) {
      log('debug', event, `Sending ${event.method} ${event.path} (attempt ${event.attempt})`);
      callHook('onRequest', event);
    },
    response(event) {
      log(
        'debug',
        event,
        `${event.method} ${event.path} returned HTTP ${event.status} in ${Math.round(event.durationMs)} ms`,
      );
      callHook('onResponse', event);
    },
    retry(event) {
      const reason =
        event.status === undefined ? (event.error?.name ?? 'an error') : `HTTP ${event.status}`;
      log(
        'warn',
        { ...event, error: event.error?.message },
        `Retrying ${event.method} ${event.path} in ${event.delayMs} ms after ${reason} (attempt ${event.attempt})`,
      );
      callHook('onRetry', event);
    },
    error(event, callerAborted = false) {
      const clientError = event.status !== undefined && event.status < 500;
      const level = callerAborted ? 'debug' : clientError ? 'warn' : 'error';
      const message = event.error instanceof Error ? event.error.message : String(event.error);
      log(level, { ...event, error: message }, message);
      callHook('onError', event);
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}

function describeHookError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
