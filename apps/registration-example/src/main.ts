// Runs the legacy registration flow once against a Pulse Engagement Cloud server, by default
// the local mock started with `npm run mock`. Set PULSE_BASE_URL, PULSE_API_TOKEN and
// PULSE_ACCOUNT_ID to run it against staging instead.
import { createPulseClient, PulseConnectionError } from '@pulse-engagement/client';

// Placeholder credentials: the mock checks their shape, not their value.
const mockApiToken = '00000000-0000-4000-8000-000000000001';
const mockAccountId = '00000000-0000-4000-8000-000000000002';
const baseUrl = process.env.PULSE_BASE_URL ?? 'http://127.0.0.1:4010';

try {
  const pulse = createPulseClient({
    baseUrl,
    apiToken: process.env.PULSE_API_TOKEN ?? mockApiToken,
    accountId: process.env.PULSE_ACCOUNT_ID ?? mockAccountId,
  });
  const result = await pulse.registerContact({
    emailAddress: 'jane.rivera@example.org',
    isSubscribed: true,
    contact: {
      source: 12,
      salutation: 'Dr',
      firstName: 'Jane',
      lastName: 'Rivera',
      contactType: 'HCP',
      npi: '1456789019',
      specialty: 'Oncology',
    },
  });
  console.log(`${result.outcome} contact ${result.contact.id}`);
} catch (error) {
  // Every PulseError message names the call, what failed and what to do next.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Registration against ${baseUrl} failed: ${message}`);
  const connectionRefused = error instanceof PulseConnectionError && error.code === 'ECONNREFUSED';
  if (connectionRefused && process.env.PULSE_BASE_URL === undefined) {
    console.error('Is the mock server running? Start it with `npm run mock` in another terminal.');
  }
  process.exitCode = 1;
}
