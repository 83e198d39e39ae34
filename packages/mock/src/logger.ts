/** Structured fields attached to a log entry. The server never puts header values in them. */
export type LogFields = Record<string, unknown>;

/** Function that writes one log entry, called pino-style with the fields first. */
export type LogMethod = (fields: LogFields, message: string) => void;

/** Logger accepted by the mock server: a pino logger or any object with these three methods. */
export interface MockLogger {
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

function discard(): void {}

/** Logger that drops every entry, used when the caller passes none. */
export const silentLogger: MockLogger = { info: discard, warn: discard, error: discard };

/** Reports whether a value has callable info, warn and error methods. */
export function isMockLogger(value: unknown): value is MockLogger {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return ['info', 'warn', 'error'].every((level) => typeof candidate[level] === 'function');
}
