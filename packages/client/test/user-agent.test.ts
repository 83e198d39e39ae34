import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clientVersion } from '../src/index.js';
import { testClient } from './support/client.js';
import { json, startFaultServer, type FaultServer } from './support/fault-server.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('User-Agent', () => {
  it('carries the version from package.json', () => {
    expect(clientVersion).toBe(packageJson.version);
  });

  it('is sent on every request', async () => {
    server = await startFaultServer([json(200, { items: [], totalCount: 0 })]);
    const { pulse } = testClient(server.url);

    await pulse.GET('/forms');

    expect(server.received[0]?.headers['user-agent']).toBe(
      `pulse-engagement-client/${packageJson.version} node/${process.versions.node}`,
    );
  });
});
