import { afterEach, describe, expect, it } from 'vitest';
import { PulseError } from '../src/index.js';
import { accountId, apiToken, rejectionOf, testClient } from './support/client.js';
import {
  closedPort,
  empty,
  hang,
  json,
  reset,
  startFaultServer,
  text,
  type FaultServer,
  type FaultStep,
} from './support/fault-server.js';
import { serializeDeeply } from './support/serialize.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const failures: [string, FaultStep][] = [
  ['an empty 404', empty(404)],
  ['a non-JSON 500', text(500, `<pre>Authorization: API-TOKEN [hidden]</pre>`)],
  ['a 401', json(401, { message: 'The Authorization header is invalid.' })],
  [
    'a 422',
    json(422, {
      message: 'Invalid.',
      errors: [{ field: 'body.npi', error: 'must match pattern' }],
    }),
  ],
  ['a 429', json(429, { message: 'Slow down.' }, { 'Retry-After': '600' })],
  ['an empty 200', empty(200)],
  ['a non-JSON 200', text(200, `<pre>Authorization: API-TOKEN [hidden]</pre>`)],
  ['a reset', reset()],
  ['a hung response', hang()],
];

function expectNoSecret(text: string): void {
  expect(text).not.toContain(apiToken);
  expect(text).not.toContain(accountId);
}

describe('credential redaction', () => {
  it.each(failures)('keeps credentials out of %s', async (_case, step) => {
    server = await startFaultServer([step]);
    const { pulse, events, logLines } = testClient(server.url, {
      // Long enough that a loaded machine still delivers the request before the limit.
      timeoutMs: 1_000,
      retry: { maxRetries: 1, baseDelayMs: 10 },
    });

    const error = await rejectionOf(
      pulse.PUT('/contacts/{id}', { params: { path: { id: 1024 } }, body: { lastName: 'Rivera' } }),
    );

    expect(error).toBeInstanceOf(PulseError);
    expectNoSecret(serializeDeeply(error));
    expectNoSecret(serializeDeeply(events));
    expectNoSecret(serializeDeeply(logLines));
    expect(logLines.length).toBeGreaterThan(0);
    // The server did get the credentials, so the redaction is not an absence.
    expect(server.received[0]?.headers.authorization).toBe(`API-TOKEN ${apiToken}`);
    expect(server.received[0]?.headers['x-account']).toBe(accountId);
  });

  it('keeps credentials out of a refused connection', async () => {
    const port = await closedPort();
    const { pulse, events, logLines } = testClient(`http://127.0.0.1:${port}`);

    const error = await rejectionOf(pulse.GET('/forms'));

    expect(error).toBeInstanceOf(PulseError);
    expectNoSecret(serializeDeeply(error));
    expectNoSecret(serializeDeeply(events));
    expectNoSecret(serializeDeeply(logLines));
  });

  it('redacts the attached request headers', async () => {
    server = await startFaultServer([empty(404)]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.GET('/contacts/{id}', { params: { path: { id: 1 } }, headers: { Prefer: 'code=404' } }),
    )) as PulseError;

    expect(error.request?.method).toBe('GET');
    expect(error.request?.url).toBe(`${server.url}/contacts/1`);
    expect(error.request?.headers.authorization).toBe('[REDACTED]');
    expect(error.request?.headers['x-account']).toBe('[REDACTED]');
    expect(error.request?.headers.prefer).toBe('code=404');
  });
});
