/** Names of the Pulse Engagement Cloud environments that a client can target. */
export type PulseEnvironment = 'production' | 'staging';

/**
 * Base URLs of the environments, as listed in the spec's `servers`. The API has no version
 * prefix in its paths. A unit test compares this table with the bundled spec.
 */
export const environmentBaseUrls: Readonly<Record<PulseEnvironment, string>> = {
  production: 'https://api.pulsehealth.tech',
  staging: 'https://api.pulsehealth-staging.tech',
};
