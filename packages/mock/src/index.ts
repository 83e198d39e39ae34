/** Starts the mock server for the Pulse Engagement Cloud API. */
export { startMockServer } from './server.js';
/** Running server returned by `startMockServer`. */
export type { MockServer } from './server.js';
/** Options accepted by `startMockServer`, and its modes. */
export type { MockServerOptions, MockMode } from './options.js';
/** Event passed to the `onResponse` option after each response. */
export type { MockResponseEvent, MockResponseListener } from './response-event.js';
/** Logger interface: pino or any object with info, warn and error methods. */
export type { MockLogger, LogMethod, LogFields } from './logger.js';
/** Error body format of the API, used for every error the mock generates. */
export type { ApiErrorBody, ApiFieldError } from './error-body.js';
/** Response choice parsed from the `Prefer` request header. */
export type { ResponsePreference } from './prefer.js';
/** Default host and port of the mock server, and the modes it accepts. */
export { DEFAULT_HOST, DEFAULT_PORT, MOCK_MODES } from './options.js';
/** Interface between the server and the engine of stateful mode. */
export type {
  StatefulEngine,
  StatefulEngineOptions,
  StatefulRequest,
  StatefulResponse,
} from './stateful/engine.js';
/** Absolute path of the bundled spec that the server mocks by default. */
export { resolveBundledSpecPath } from './document.js';
