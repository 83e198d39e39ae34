import type { LogFields, MockLogger } from '../logger.js';

type Level = 'info' | 'warn' | 'error';

/** Creates a logger that writes one plain-text line per entry to stderr. */
export function createStderrLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
): MockLogger {
  const log =
    (level: Level) =>
    (fields: LogFields, message: string): void => {
      write(`${formatEntry(level, fields, message)}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

// The library logs fields without header values and without query strings, so every field
// can be printed as it is.
function formatEntry(level: Level, fields: LogFields, message: string): string {
  if (message === 'Request handled') {
    return formatRequest(fields);
  }
  const details = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${formatValue(value)}`)
    .join(' ');
  return `${level}: ${message}${details === '' ? '' : ` ${details}`}`;
}

// One line per request, such as
// `POST /contacts 422 createContact 3ms: body.locations[0].state is required when city is present`.
function formatRequest(fields: LogFields): string {
  const { method, path, status, operationId, durationMs, errors } = fields;
  const operation = typeof operationId === 'string' ? operationId : '-';
  const line = `${String(method)} ${String(path)} ${String(status)} ${operation} ${String(durationMs)}ms`;
  return Array.isArray(errors) && errors.length > 0 ? `${line}: ${errors.join('; ')}` : line;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) {
    return JSON.stringify(value.message);
  }
  return typeof value === 'string'
    ? JSON.stringify(value)
    : (JSON.stringify(value) ?? String(value));
}
