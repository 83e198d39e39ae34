export { createPulseClient, type PulseClient } from './client.js';
export { environmentBaseUrls, type PulseEnvironment } from './environments.js';
export { PulseOptionsError } from './options-error.js';
export type { PulseClientOptions } from './options.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './schemas.js';
