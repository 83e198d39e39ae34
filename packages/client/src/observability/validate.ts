import { PulseOptionsError } from '../options-error.js';
import type { PulseHooks, PulseLogger } from './events.js';

const hookNames: readonly (keyof PulseHooks)[] = ['onRequest', 'onResponse', 'onRetry', 'onError'];
const logLevels: readonly (keyof PulseLogger)[] = ['debug', 'info', 'warn', 'error'];

/** Validates the `hooks` option. Throws `PulseOptionsError` for an unknown name or a non-function. */
export function validateHooks(value: unknown): PulseHooks | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new PulseOptionsError(
      'hooks',
      `Invalid hooks: expected an object such as { onRetry(event) {} }, got ${typeof value}.`,
    );
  }
  for (const [name, hook] of Object.entries(value)) {
    if (!hookNames.includes(name as keyof PulseHooks)) {
      throw new PulseOptionsError(
        `hooks.${name}`,
        `Unknown hook ${JSON.stringify(name)}: use ${hookNames.join(', ')}.`,
      );
    }
    if (hook !== undefined && typeof hook !== 'function') {
      throw new PulseOptionsError(
        `hooks.${name}`,
        `Invalid hooks.${name}: expected a function, got ${typeof hook}.`,
      );
    }
  }
  return value;
}

/** Validates the `logger` option. Throws `PulseOptionsError` naming a missing log method. */
export function validateLogger(value: unknown): PulseLogger | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new PulseOptionsError(
      'logger',
      `Invalid logger: expected an object with ${logLevels.join(', ')} methods, such as a pino logger, got ${typeof value}.`,
    );
  }
  for (const level of logLevels) {
    if (typeof (value as Record<string, unknown>)[level] !== 'function') {
      throw new PulseOptionsError(
        'logger',
        `Invalid logger: it has no ${level} method. Pass a logger with ${logLevels.join(', ')}, such as a pino logger.`,
      );
    }
  }
  return value as PulseLogger;
}
