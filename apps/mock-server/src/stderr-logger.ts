import type { LogFields, MockLogger } from '@pulse-engagement/mock';

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
    return `${String(fields.method)} ${String(fields.path)} ${String(fields.status)} ${String(fields.durationMs)}ms`;
  }
  const details = Object.entries(fields)
    .map(([name, value]) => `${name}=${formatValue(value)}`)
    .join(' ');
  return `${level}: ${message}${details === '' ? '' : ` ${details}`}`;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) {
    return JSON.stringify(value.message);
  }
  return typeof value === 'string'
    ? JSON.stringify(value)
    : (JSON.stringify(value) ?? String(value));
}
