// Type-level checks of the packed declarations, compiled but never run. Each
// `@ts-expect-error` fails the build when its line compiles, which is what happens when the
// client's or the mock's types resolve to `any` under a module resolution.
import type { PulseClient, PulseError } from '@pulse-engagement/client';
import { apiVersion } from '@pulse-engagement/client';
import { startMockServer, type MockServer } from '@pulse-engagement/mock';

export async function checkTypes(pulse: PulseClient): Promise<void> {
  const version: string = apiVersion;

  // @ts-expect-error the spec has no such path
  await pulse.GET('/no-such-path');

  // @ts-expect-error createContact requires `source`
  await pulse.POST('/contacts', { body: { firstName: 'Jane' } });

  const { data } = await pulse.GET('/contacts', { params: { query: { 'fields[]': ['npi'] } } });
  const npi: string | undefined = data.items[0]?.npi;
  // @ts-expect-error lastName was not requested in fields[]
  const lastName = data.items[0]?.lastName;

  const status = (error: PulseError): number | undefined => error.status;

  // @ts-expect-error the mock has no such mode
  const server: MockServer = await startMockServer({ mode: 'chaos' });

  void [version, npi, lastName, status, server];
}
