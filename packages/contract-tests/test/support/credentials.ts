import { createPulseClient, type PulseClient } from '@pulse-engagement/client';
import { inject } from 'vitest';

/** Credentials of the right shape; the mock checks their format only. */
export const testApiToken = '9c1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
export const testAccountId = '2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e';

/** Returns the mock server's base URL, which the global setup provides. */
export function mockUrl(): string {
  return inject('mockUrl');
}

/** Creates a client for the mock server with valid test credentials. */
export function mockClient(): PulseClient {
  return createPulseClient({
    baseUrl: mockUrl(),
    apiToken: testApiToken,
    accountId: testAccountId,
  });
}

/** Both auth headers, for raw `fetch` calls that leave one out on purpose. */
export const authHeaders = {
  Authorization: `API-TOKEN ${testApiToken}`,
  'X-Account': testAccountId,
} as const;
