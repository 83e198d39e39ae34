import { afterEach, describe, expect, it } from 'vitest';
import { PulseTimeoutError } from '../src/index.js';
import { apiToken, rejectionOf, testClient } from './support/client.js';
import { hang, json, startFaultServer, type FaultServer } from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const page = { items: [], totalCount: 0 };

describe('raw client', () => {
  it('returns an HTTP error instead of throwing', async () => {
    server = await startFaultServer([json(404, { message: 'No resource with this id.' })]);
    const { pulse } = testClient(server.url);

    const { data, error, response } = await pulse.raw.GET('/contacts/{id}', {
      params: { path: { id: 1 } },
    });

    expect(data).toBeUndefined();
    expect(error).toEqual({ message: 'No resource with this id.' });
    expect(response.status).toBe(404);
  });

  it('shares the client retries', async () => {
    server = await startFaultServer([json(503, { message: 'Busy.' }), json(200, page)]);
    const { pulse } = testClient(server.url);

    const { data } = await pulse.raw.GET('/forms');

    expect(data).toEqual(page);
    expect(server.received).toHaveLength(2);
  });

  it('takes retry and timeoutMs per call', async () => {
    server = await startFaultServer([hang()]);
    const { pulse } = testClient(server.url, { timeoutMs: 10_000 });

    const error = await rejectionOf(
      pulse.raw.GET('/forms', { timeoutMs: 150, retry: { maxRetries: 0 } }),
    );

    expect(error).toBeInstanceOf(PulseTimeoutError);
    expect(server.received).toHaveLength(1);
  });

  it('sends the credentials and User-Agent', async () => {
    server = await startFaultServer([json(200, page)]);
    const { pulse } = testClient(server.url);

    await pulse.raw.request('get', '/forms');

    const headers = server.received[0]?.headers;
    expect(headers?.authorization).toBe(`API-TOKEN ${apiToken}`);
    expect(headers?.['user-agent']).toMatch(/^pulse-engagement-client\//);
  });

  // openapi-fetch copies unknown call options onto the Request it builds; retry and timeoutMs
  // are the client's own and must not travel with it.
  it('keeps retry options off the request', async () => {
    server = await startFaultServer([json(200, page)]);
    const { pulse } = testClient(server.url);
    let seen: Request | undefined;

    await pulse.raw.GET('/forms', {
      retry: { maxRetries: 1 },
      timeoutMs: 1_000,
      middleware: [{ onRequest: ({ request }) => void (seen = request) }],
    });

    expect(seen).toBeInstanceOf(Request);
    expect(Object.hasOwn(seen as object, 'retry')).toBe(false);
    expect(Object.hasOwn(seen as object, 'timeoutMs')).toBe(false);
  });
});
