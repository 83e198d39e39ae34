import { isMockLogger, silentLogger, type MockLogger } from './logger.js';
import type { MockResponseListener } from './response-event.js';

/**
 * Source of successful responses: `static` returns the operation's named examples,
 * `dynamic` generates bodies from the response schemas, and `stateful` hands each valid request
 * to the stateful engine, which stores what requests create and change.
 */
export type MockMode = 'static' | 'dynamic' | 'stateful';

/** Options for `startMockServer`. Every field is optional. */
export interface MockServerOptions {
  /** Path to a bundled OpenAPI document (JSON or YAML), or the parsed document. Defaults to the bundle of `@pulse-engagement/spec`. */
  document?: string | object;
  /** Interface to listen on. Defaults to 127.0.0.1. */
  host?: string;
  /** TCP port from 0 to 65535, where 0 picks a free port. Defaults to 4010. */
  port?: number;
  /** Receives one entry per request and every error the server handles. Defaults to a silent logger. */
  logger?: MockLogger;
  /** Called after each response with the operation, the status and any validation errors. */
  onResponse?: MockResponseListener;
  /** Mode that builds successful responses. Defaults to `static`. */
  mode?: MockMode;
  /**
   * Seed of generated data, a safe integer or a non-empty string; `42` and `'42'` are the same
   * seed. The same seed and requests give the same dynamic bodies. In stateful mode it is passed
   * to the engine. Without it, static and dynamic mode pick a random seed at start.
   */
  seed?: number | string;
  /** Records the stateful engine starts with, in the format the engine documents. Stateful mode only. */
  seedData?: object;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedMockServerOptions {
  document: string | object | undefined;
  host: string;
  port: number;
  logger: MockLogger;
  onResponse: MockResponseListener | undefined;
  mode: MockMode;
  /** The seed option as a string, or undefined when none was passed. */
  seed: string | undefined;
  seedData: object | undefined;
}

/** Host used when the caller passes none: loopback only, so the mock is not reachable from other machines. */
export const DEFAULT_HOST = '127.0.0.1';

/** Port used when the caller passes none, the same as the Prism CLI default. */
export const DEFAULT_PORT = 4010;

/** The modes `startMockServer` accepts, the default first. */
export const MOCK_MODES: readonly MockMode[] = ['static', 'dynamic', 'stateful'];

const KNOWN_OPTIONS = [
  'document',
  'host',
  'port',
  'logger',
  'onResponse',
  'mode',
  'seed',
  'seedData',
];

/** Validates `startMockServer` options and fills in defaults. Throws TypeError or RangeError naming the bad value. */
export function resolveOptions(options: unknown): ResolvedMockServerOptions {
  if (options === undefined) {
    return {
      document: undefined,
      host: DEFAULT_HOST,
      port: DEFAULT_PORT,
      logger: silentLogger,
      onResponse: undefined,
      mode: 'static',
      seed: undefined,
      seedData: undefined,
    };
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `Invalid mock server options: expected an object or undefined, received ${describe(options)}.`,
    );
  }

  const record = options as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !KNOWN_OPTIONS.includes(key));
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `Unknown mock server option ${unknownKeys.map((key) => `"${key}"`).join(', ')}. ` +
        `Supported options: ${KNOWN_OPTIONS.join(', ')}.`,
    );
  }

  const mode = resolveMode(record.mode);
  return {
    document: resolveDocument(record.document),
    host: resolveHost(record.host),
    port: resolvePort(record.port),
    logger: resolveLogger(record.logger),
    onResponse: resolveListener(record.onResponse),
    mode,
    seed: resolveSeed(record.seed),
    seedData: resolveSeedData(record.seedData, mode),
  };
}

function resolveDocument(document: unknown): string | object | undefined {
  if (document === undefined) {
    return undefined;
  }
  if (typeof document === 'string') {
    if (document.trim() === '') {
      throw new TypeError(
        'Invalid options.document: received an empty string. Pass a path to a bundled OpenAPI file, or omit it to use the bundled spec.',
      );
    }
    return document;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new TypeError(
      `Invalid options.document: expected a file path or an OpenAPI document object, received ${describe(document)}.`,
    );
  }
  if (typeof (document as Record<string, unknown>).openapi !== 'string') {
    throw new TypeError(
      'Invalid options.document: the object has no "openapi" version field. Pass a parsed OpenAPI 3.1 document, such as the contents of spec/dist/openapi.json.',
    );
  }
  return document;
}

function resolveHost(host: unknown): string {
  if (host === undefined) {
    return DEFAULT_HOST;
  }
  if (typeof host !== 'string' || host.trim() === '' || /\s/.test(host)) {
    throw new TypeError(
      `Invalid options.host: expected a host name or IP address such as "${DEFAULT_HOST}", received ${describe(host)}.`,
    );
  }
  return host;
}

function resolvePort(port: unknown): number {
  if (port === undefined) {
    return DEFAULT_PORT;
  }
  if (typeof port !== 'number' || !Number.isInteger(port)) {
    throw new TypeError(
      `Invalid options.port: expected an integer from 0 to 65535, received ${describe(port)}. Pass 0 to pick a free port.`,
    );
  }
  if (port < 0 || port > 65535) {
    throw new RangeError(
      `Invalid options.port: ${port} is out of range. Use an integer from 0 to 65535, where 0 picks a free port.`,
    );
  }
  return port;
}

function resolveLogger(logger: unknown): MockLogger {
  if (logger === undefined) {
    return silentLogger;
  }
  if (!isMockLogger(logger)) {
    throw new TypeError(
      'Invalid options.logger: expected an object with info, warn and error methods, such as a pino logger. Omit it to log nothing.',
    );
  }
  return logger;
}

function resolveListener(listener: unknown): MockResponseListener | undefined {
  if (listener === undefined || typeof listener === 'function') {
    return listener as MockResponseListener | undefined;
  }
  throw new TypeError(
    `Invalid options.onResponse: expected a function that takes one response event, received ${describe(listener)}.`,
  );
}

function resolveMode(mode: unknown): MockMode {
  if (mode === undefined) {
    return 'static';
  }
  if (typeof mode === 'string' && (MOCK_MODES as readonly string[]).includes(mode)) {
    return mode as MockMode;
  }
  throw new TypeError(
    `Invalid options.mode: expected one of ${MOCK_MODES.map((name) => `"${name}"`).join(', ')}, received ${describe(mode)}. Omit it for static mode.`,
  );
}

/** Validates a seed and returns it as a string, so that 42 and '42' are the same seed. */
export function resolveSeed(seed: unknown): string | undefined {
  if (seed === undefined) {
    return undefined;
  }
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
    return String(seed);
  }
  // Control characters are rejected because the seed is printed in logs, one entry per line.
  if (typeof seed === 'string' && seed.trim() !== '' && !/\p{Cc}/u.test(seed)) {
    return seed;
  }
  throw new TypeError(
    `Invalid options.seed: expected a safe integer or a non-empty string without control characters, received ${describe(seed)}. Pass a value such as 42 or "demo", or omit it for a random seed.`,
  );
}

function resolveSeedData(seedData: unknown, mode: MockMode): object | undefined {
  if (seedData === undefined) {
    return undefined;
  }
  if (mode !== 'stateful') {
    throw new TypeError(
      `Invalid options.seedData: seed data is only used in stateful mode, but the mode is "${mode}". Set mode to "stateful", or remove seedData.`,
    );
  }
  if (typeof seedData !== 'object' || seedData === null) {
    throw new TypeError(
      `Invalid options.seedData: expected an object or an array of records, received ${describe(seedData)}.`,
    );
  }
  return seedData;
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value;
}
