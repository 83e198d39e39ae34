import { afterEach, describe, expect, it } from 'vitest';
import { PulseTimeoutError } from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import {
  hang,
  json,
  slowBody,
  startFaultServer,
  type FaultServer,
} from './support/fault-server.js';

const page = {
  items: [{ uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01', name: 'Booth sign-up' }],
  totalCount: 1,
};

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('timeouts', () => {
  it('rejects a hung response with PulseTimeoutError', async () => {
    server = await startFaultServer([hang()]);
    const { pulse } = testClient(server.url, { timeoutMs: 200, retry: { maxRetries: 0 } });
    const started = Date.now();

    const error = await rejectionOf(pulse.GET('/forms'));

    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(PulseTimeoutError);
    expect((error as PulseTimeoutError).timeoutMs).toBe(200);
    expect((error as PulseTimeoutError).message).toMatch(/GET \/forms timed out after 200 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('applies the limit to each attempt of a GET', async () => {
    server = await startFaultServer([hang(), json(200, page)]);
    // Long enough that a loaded machine still delivers each attempt before its limit.
    const { pulse } = testClient(server.url, { timeoutMs: 1_000 });

    const { data } = await pulse.GET('/forms');

    expect(data).toEqual(page);
    expect(server.received).toHaveLength(2);
  });

  it('does not resend a timed-out POST', async () => {
    server = await startFaultServer([hang()]);
    // Long enough that a loaded machine still delivers the POST before the limit.
    const { pulse } = testClient(server.url, { timeoutMs: 1_000 });

    const error = await rejectionOf(
      pulse.POST('/forms/{uuid}/submit', {
        params: { path: { uuid: page.items[0]!.uuid } },
        body: { emailAddress: 'jane.rivera@example.org' },
      }),
    );

    expect(error).toBeInstanceOf(PulseTimeoutError);
    expect((error as PulseTimeoutError).message).toMatch(/may have taken effect/);
    expect(server.received).toHaveLength(1);
  });

  it('times out a body that trickles in', async () => {
    server = await startFaultServer([slowBody(200, page, 2_000)]);
    const { pulse } = testClient(server.url, { timeoutMs: 200, retry: { maxRetries: 0 } });
    const started = Date.now();

    const error = await rejectionOf(pulse.GET('/forms'));

    expect(error).toBeInstanceOf(PulseTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('accepts a slow body within the limit', async () => {
    server = await startFaultServer([slowBody(200, page, 100)]);
    const { pulse } = testClient(server.url, { timeoutMs: 3_000 });

    const { data } = await pulse.GET('/forms');

    expect(data).toEqual(page);
  });

  it('lets a call set its own timeoutMs', async () => {
    server = await startFaultServer([hang()]);
    const { pulse } = testClient(server.url, { timeoutMs: 10_000, retry: { maxRetries: 0 } });
    const started = Date.now();

    const error = await rejectionOf(pulse.GET('/forms', { timeoutMs: 150 }));

    expect(error).toBeInstanceOf(PulseTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('rejects with the caller abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('The request was cancelled.');
    // The server aborts the call once it has the request, then never responds.
    server = await startFaultServer([() => controller.abort(reason)]);
    const { pulse } = testClient(server.url, { timeoutMs: 10_000 });

    const error = await rejectionOf(pulse.GET('/forms', { signal: controller.signal }));

    expect(error).toBe(reason);
    expect(server.received).toHaveLength(1);
  });

  it('rejects an aborted signal without sending', async () => {
    server = await startFaultServer([json(200, page)]);
    const { pulse } = testClient(server.url);
    const controller = new AbortController();
    controller.abort();

    const error = await rejectionOf(pulse.GET('/forms', { signal: controller.signal }));

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.received).toHaveLength(0);
  });
});
