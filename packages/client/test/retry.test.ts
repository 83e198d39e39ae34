import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PulseConnectionError,
  PulseNotFoundError,
  PulseRateLimitError,
  PulseServerError,
} from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import {
  closedPort,
  empty,
  json,
  reset,
  startFaultServer,
  type FaultServer,
  type FaultStep,
} from './support/fault-server.js';

const page = { items: [], totalCount: 0 };
const unavailable = { message: 'Service unavailable.' };
const contact = { source: 12, firstName: 'Jane', customFields: { note: 'ünïcödé ✓' } };

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('retries', () => {
  it('retries a GET after 503', async () => {
    server = await startFaultServer([json(503, unavailable), json(200, page)]);
    const { pulse, events } = testClient(server.url);

    const { data } = await pulse.GET('/forms');

    expect(data).toEqual(page);
    expect(server.received).toHaveLength(2);
    const retries = events.filter((item) => item.hook === 'onRetry');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.event).toMatchObject({
      method: 'GET',
      path: '/forms',
      attempt: 1,
      status: 503,
    });
  });

  it.each([408, 429, 500, 502, 504])('retries a GET after %i', async (status) => {
    server = await startFaultServer([json(status, unavailable), json(200, page)]);
    const { pulse } = testClient(server.url);

    await pulse.GET('/forms');

    expect(server.received).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('does not retry a GET after %i', async (status) => {
    server = await startFaultServer([json(status, { message: 'No.' })]);
    const { pulse } = testClient(server.url);

    await rejectionOf(pulse.GET('/forms'));

    expect(server.received).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    server = await startFaultServer([
      json(429, { message: 'Slow down.' }, { 'Retry-After': '1' }),
      json(200, page),
    ]);
    const { pulse, events } = testClient(server.url);
    const started = Date.now();

    await pulse.GET('/forms');

    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4_000);
    const retry = events.find((item) => item.hook === 'onRetry');
    expect(retry?.event).toMatchObject({ delayMs: 1_000, status: 429 });
  });

  it('honours Retry-After as an HTTP date', async () => {
    // An HTTP date has whole seconds, so two seconds ahead means a wait of one to two seconds.
    const retryTwoSecondsLater: FaultStep = (_request, response) => {
      const retryAt = new Date(Date.now() + 2_000).toUTCString();
      json(503, unavailable, { 'Retry-After': retryAt })(_request, response, () => {});
    };
    server = await startFaultServer([retryTwoSecondsLater, json(200, page)]);
    const { pulse, events } = testClient(server.url);
    const started = Date.now();

    await pulse.GET('/forms');

    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(5_000);
    const retry = events.find((item) => item.hook === 'onRetry');
    const delayMs = retry?.hook === 'onRetry' ? retry.event.delayMs : -1;
    expect(delayMs).toBeGreaterThan(500);
    expect(delayMs).toBeLessThanOrEqual(2_000);
  });

  it('rejects when Retry-After exceeds maxDelayMs', async () => {
    server = await startFaultServer([
      json(429, { message: 'Slow down.' }, { 'Retry-After': '120' }),
    ]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(pulse.GET('/forms'));

    expect(error).toBeInstanceOf(PulseRateLimitError);
    expect((error as PulseRateLimitError).retryAfterMs).toBe(120_000);
    expect((error as PulseRateLimitError).message).toMatch(/Wait 120 s/);
    expect(server.received).toHaveLength(1);
  });

  it('retries a GET after a connection reset', async () => {
    server = await startFaultServer([reset(), json(200, page)]);
    const { pulse } = testClient(server.url);

    const { data } = await pulse.GET('/forms');

    expect(data).toEqual(page);
    expect(server.received).toHaveLength(2);
  });

  it('does not resend a POST after 503', async () => {
    server = await startFaultServer([json(503, unavailable), json(201, { id: 1 })]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(pulse.POST('/contacts', { body: contact }));

    expect(error).toBeInstanceOf(PulseServerError);
    expect(server.received).toHaveLength(1);
  });

  it('does not resend a POST after a connection reset', async () => {
    server = await startFaultServer([reset(), json(201, { id: 1 })]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(pulse.POST('/contacts', { body: contact }));

    expect(error).toBeInstanceOf(PulseConnectionError);
    expect((error as PulseConnectionError).neverSent).toBe(false);
    expect((error as PulseConnectionError).message).toMatch(/may have reached the server/);
    expect(server.received).toHaveLength(1);
  });

  it('retries a POST when the connection is refused', async () => {
    const port = await closedPort();
    const { pulse, events } = testClient(`http://127.0.0.1:${port}`);

    const error = await rejectionOf(pulse.POST('/contacts', { body: contact }));

    expect(error).toBeInstanceOf(PulseConnectionError);
    expect((error as PulseConnectionError).code).toBe('ECONNREFUSED');
    expect((error as PulseConnectionError).neverSent).toBe(true);
    const attempts = events.filter((item) => item.hook === 'onRequest');
    expect(attempts.map((item) => item.event.attempt)).toEqual([1, 2, 3]);
  });

  it('resends a refused POST intact once the server listens', async () => {
    const port = await closedPort();
    const bodies: string[] = [];
    const late = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: 7 }));
      });
    });
    late.on('error', (error) => bodies.push(`server error: ${error.message}`));
    // listen() binds synchronously, so the retry after this hook finds the port open.
    const { pulse } = testClient(`http://127.0.0.1:${port}`, {
      retry: { baseDelayMs: 0 },
      hooks: { onRetry: () => void (late.listening || late.listen(port, '127.0.0.1')) },
    });

    try {
      const { data } = await pulse.POST('/contacts', { body: contact });
      expect(data).toEqual({ id: 7 });
      expect(bodies).toEqual([JSON.stringify(contact)]);
    } finally {
      late.closeAllConnections();
      await new Promise<void>((resolve) => late.close(() => resolve()));
    }
  });

  it('sends the same body on every attempt', async () => {
    server = await startFaultServer([
      json(503, unavailable),
      json(503, unavailable),
      json(200, { id: 1 }),
    ]);
    const { pulse } = testClient(server.url);

    await pulse.PUT('/contacts/{id}', { params: { path: { id: 1 } }, body: contact });

    expect(server.received.map((request) => request.body)).toEqual([
      JSON.stringify(contact),
      JSON.stringify(contact),
      JSON.stringify(contact),
    ]);
    expect(server.received.map((request) => request.headers['content-type'])).toEqual([
      'application/json',
      'application/json',
      'application/json',
    ]);
  });

  it('retries a DELETE after 502', async () => {
    server = await startFaultServer([json(502, unavailable), empty(204)]);
    const { pulse } = testClient(server.url);

    const { data, response } = await pulse.DELETE('/contacts/{id}', {
      params: { path: { id: 1 } },
    });

    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(server.received).toHaveLength(2);
  });

  it('stops after maxRetries', async () => {
    server = await startFaultServer([json(503, unavailable)]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 1, baseDelayMs: 10 } });

    const error = await rejectionOf(pulse.GET('/forms'));

    expect(error).toBeInstanceOf(PulseServerError);
    expect(server.received).toHaveLength(2);
  });

  it('turns retrying off with maxRetries 0', async () => {
    server = await startFaultServer([json(503, unavailable)]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    await rejectionOf(pulse.GET('/forms'));

    expect(server.received).toHaveLength(1);
  });

  it('lets a call override the client retry', async () => {
    server = await startFaultServer([json(503, unavailable)]);
    const { pulse } = testClient(server.url, { retry: { maxRetries: 0 } });

    await rejectionOf(pulse.GET('/forms', { retry: { maxRetries: 2, baseDelayMs: 10 } }));

    expect(server.received).toHaveLength(3);
  });

  it('stops a backoff wait when the caller aborts', async () => {
    server = await startFaultServer([json(429, { message: 'Slow down.' }, { 'Retry-After': '2' })]);
    const controller = new AbortController();
    const reason = new Error('The job is shutting down.');
    const failures: unknown[] = [];
    // Aborts once the backoff wait has begun, whatever the load on the machine.
    const { pulse } = testClient(server.url, {
      hooks: {
        onRetry: () => void setTimeout(() => controller.abort(reason), 20),
        onError: (event) => void failures.push(event.error),
      },
    });
    const started = Date.now();

    const error = await rejectionOf(pulse.GET('/forms', { signal: controller.signal }));

    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.received).toHaveLength(1);
    expect(failures).toEqual([reason]);
  });

  it('waits no longer than maxDelayMs between attempts', async () => {
    server = await startFaultServer([json(503, unavailable)]);
    const { pulse, events } = testClient(server.url, {
      retry: { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 40 },
    });

    await rejectionOf(pulse.GET('/forms'));

    const delays = events.flatMap((item) => (item.hook === 'onRetry' ? [item.event.delayMs] : []));
    expect(delays).toHaveLength(3);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(40);
    }
  });

  it('does not retry a 404', async () => {
    server = await startFaultServer([empty(404)]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(pulse.GET('/contacts/{id}', { params: { path: { id: 9 } } }));

    expect(error).toBeInstanceOf(PulseNotFoundError);
    expect(server.received).toHaveLength(1);
  });
});
