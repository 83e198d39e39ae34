import {
  createPulseClient,
  type PulseClient,
  type PulseClientOptions,
  type PulseRawClient,
} from '@pulse-engagement/client';
import { inject } from 'vitest';

/** Credentials of the right shape; the mock checks their format only. */
export const testApiToken = '9c1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
export const testAccountId = '2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e';

/** Returns the mock server's base URL, which the global setup provides. */
export function mockUrl(): string {
  return inject('mockUrl');
}

/**
 * Creates the raw client for the mock server: calls return `{ data, error, response }` and
 * never throw for a status. Retries are off, because the mock returns the same response to every
 * repeat, and a test checks the one response it requested.
 */
export function mockClient(): PulseRawClient {
  return createPulseClient({
    baseUrl: mockUrl(),
    apiToken: testApiToken,
    accountId: testAccountId,
    retry: { maxRetries: 0 },
  }).raw;
}

/**
 * Creates the throwing client for the mock server. Retries stay on with short delays, so a
 * test can count them; a `Retry-After` longer than 100 ms ends the call at once.
 */
export function mockPulse(options: Partial<PulseClientOptions> = {}): PulseClient {
  return createPulseClient({
    baseUrl: mockUrl(),
    apiToken: testApiToken,
    accountId: testAccountId,
    retry: { baseDelayMs: 10, maxDelayMs: 100 },
    ...options,
  });
}

/** Both auth headers, for raw `fetch` calls that leave one out on purpose. */
export const authHeaders = {
  Authorization: `API-TOKEN ${testApiToken}`,
  'X-Account': testAccountId,
} as const;
