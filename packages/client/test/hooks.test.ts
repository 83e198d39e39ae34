import { afterEach, describe, expect, it, vi } from 'vitest';
import { PulseNotFoundError, PulseServerError } from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import { empty, json, startFaultServer, type FaultServer } from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const page = { items: [], totalCount: 0 };
const requestId = { 'X-Request-Id': 'req_42' };

describe('hooks and logger', () => {
  it('reports each attempt, response and retry', async () => {
    server = await startFaultServer([
      json(503, { message: 'Busy.' }, requestId),
      json(200, page, requestId),
    ]);
    const { pulse, events } = testClient(server.url);

    await pulse.GET('/forms');

    expect(events.map((item) => `${item.hook} ${item.event.attempt}`)).toEqual([
      'onRequest 1',
      'onResponse 1',
      'onRetry 1',
      'onRequest 2',
      'onResponse 2',
    ]);
    const response = events[1];
    expect(response?.event).toMatchObject({
      method: 'GET',
      path: '/forms',
      status: 503,
      requestId: 'req_42',
    });
    const durationMs = response?.hook === 'onResponse' ? response.event.durationMs : -1;
    expect(durationMs).toBeGreaterThanOrEqual(0);
    const retry = events[2];
    expect(retry?.event).toMatchObject({ status: 503, requestId: 'req_42', error: undefined });
  });

  it('reports the error a call rejects with', async () => {
    server = await startFaultServer([empty(404, requestId)]);
    const { pulse, events } = testClient(server.url);

    const error = await rejectionOf(pulse.GET('/contacts/{id}', { params: { path: { id: 3 } } }));

    const last = events.at(-1);
    expect(error).toBeInstanceOf(PulseNotFoundError);
    expect(last?.hook).toBe('onError');
    expect(last?.event).toMatchObject({
      method: 'GET',
      path: '/contacts/{id}',
      attempt: 1,
      status: 404,
      requestId: 'req_42',
      error,
    });
  });

  it('logs at the level of each step', async () => {
    server = await startFaultServer([json(500, { message: 'Broken.' })]);
    const { pulse, logLines } = testClient(server.url, {
      retry: { maxRetries: 1, baseDelayMs: 10 },
    });

    await rejectionOf(pulse.GET('/forms'));

    expect(logLines.map(([level]) => level)).toEqual([
      'debug',
      'debug',
      'warn',
      'debug',
      'debug',
      'error',
    ]);
    expect(logLines[2]?.[2]).toMatch(/Retrying GET \/forms in \d+ ms after HTTP 500/);
  });

  it('logs a 4xx failure as a warning', async () => {
    server = await startFaultServer([empty(404)]);
    const { pulse, logLines } = testClient(server.url);

    await rejectionOf(pulse.GET('/forms'));

    expect(logLines.at(-1)?.[0]).toBe('warn');
  });

  it('survives a hook that throws', async () => {
    server = await startFaultServer([json(503, { message: 'Busy.' }), json(200, page)]);
    const boom = () => {
      throw new Error('hook bug');
    };
    const { pulse, logLines } = testClient(server.url, {
      hooks: { onRequest: boom, onResponse: boom, onRetry: boom, onError: boom },
    });

    const { data } = await pulse.GET('/forms');

    expect(data).toEqual(page);
    const reports = logLines.filter(([, , message]) => String(message).includes('hook threw'));
    expect(reports).toHaveLength(5);
  });

  it('survives a hook that rejects', async () => {
    server = await startFaultServer([json(200, page)]);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { pulse } = testClient(server.url, {
        hooks: { onResponse: async () => Promise.reject(new Error('async hook bug')) },
      });

      const { data } = await pulse.GET('/forms');
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(data).toEqual(page);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('survives a logger that throws', async () => {
    server = await startFaultServer([json(500, { message: 'Broken.' })]);
    const boom = () => {
      throw new Error('logger bug');
    };
    const { pulse } = testClient(server.url, {
      retry: { maxRetries: 0 },
      logger: { debug: boom, info: boom, warn: boom, error: boom },
    });

    const error = await rejectionOf(pulse.GET('/forms'));

    expect(error).toBeInstanceOf(PulseServerError);
  });

  it('passes frozen copies of events', async () => {
    server = await startFaultServer([json(200, page)]);
    const seen: object[] = [];
    const { pulse } = testClient(server.url, {
      hooks: { onRequest: (event) => void seen.push(event) },
    });

    await pulse.GET('/forms');

    expect(seen).toHaveLength(1);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });
});
