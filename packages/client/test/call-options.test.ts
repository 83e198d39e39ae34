import { afterEach, describe, expect, it } from 'vitest';
import { createPulseClient, defaultCallOptions, PulseOptionsError } from '../src/index.js';
import { resolveCallOptions } from '../src/call-options.js';
import { accountId, apiToken, rejectionOf, testClient } from './support/client.js';
import { json, startFaultServer, type FaultServer } from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function optionsError(options: Record<string, unknown>): PulseOptionsError {
  try {
    createPulseClient({ apiToken, accountId, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(PulseOptionsError);
    return error as PulseOptionsError;
  }
  throw new Error('createPulseClient accepted invalid options');
}

describe('call options', () => {
  it.each([
    [{ retry: 3 }, 'retry'],
    [{ retry: { maxRetries: -1 } }, 'retry.maxRetries'],
    [{ retry: { maxRetries: 11 } }, 'retry.maxRetries'],
    [{ retry: { maxRetries: 1.5 } }, 'retry.maxRetries'],
    [{ retry: { baseDelayMs: Number.NaN } }, 'retry.baseDelayMs'],
    [{ retry: { maxDelayMs: '100' } }, 'retry.maxDelayMs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ hooks: 'onRetry' }, 'hooks'],
    [{ hooks: { onRetyr: () => {} } }, 'hooks.onRetyr'],
    [{ hooks: { onRetry: 'log' } }, 'hooks.onRetry'],
    [{ logger: console.log }, 'logger'],
    [{ logger: { debug() {}, warn() {}, error() {} } }, 'logger'],
  ])('rejects %j', (options, option) => {
    expect(optionsError(options).option).toBe(option);
  });

  it('fills in the defaults', () => {
    expect(resolveCallOptions(defaultCallOptions, {})).toEqual({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      timeoutMs: 30_000,
    });
  });

  it('merges a call over the client', () => {
    const client = resolveCallOptions(defaultCallOptions, {
      retry: { maxRetries: 0 },
      timeoutMs: 5_000,
    });

    expect(resolveCallOptions(client, { retry: { baseDelayMs: 50 } })).toEqual({
      maxRetries: 0,
      baseDelayMs: 50,
      maxDelayMs: 30_000,
      timeoutMs: 5_000,
    });
  });

  it('rejects an invalid per-call option', async () => {
    const pulse = createPulseClient({ apiToken, accountId, baseUrl: 'http://127.0.0.1:9' });

    const error = await rejectionOf(pulse.GET('/forms', { timeoutMs: -5 }));

    expect(error).toBeInstanceOf(PulseOptionsError);
    expect((error as PulseOptionsError).option).toBe('timeoutMs');
  });

  it('accepts console as a logger', () => {
    expect(() => createPulseClient({ apiToken, accountId, logger: console })).not.toThrow();
  });

  it('rejects a per-call baseUrl', async () => {
    server = await startFaultServer([json(200, { items: [], totalCount: 0 })]);
    const other = await startFaultServer([json(200, { items: [], totalCount: 0 })]);
    const { pulse, events } = testClient(server.url);
    const init = { baseUrl: other.url } as Record<string, unknown>;

    try {
      const calls = [
        pulse.GET('/forms', init),
        pulse.raw.GET('/forms', init),
        (async () => {
          for await (const form of pulse.paginate('/forms', init)) void form;
        })(),
      ];
      for (const call of calls) {
        const error = await rejectionOf(call);
        expect(error).toBeInstanceOf(PulseOptionsError);
        expect((error as PulseOptionsError).option).toBe('baseUrl');
        expect((error as PulseOptionsError).message).toContain('GET /forms');
        expect((error as PulseOptionsError).message).toMatch(/createPulseClient\(\{ baseUrl \}\)/);
      }
      expect(other.received).toHaveLength(0);
      expect(server.received).toHaveLength(0);
      expect(events).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('ignores an undefined per-call baseUrl', async () => {
    server = await startFaultServer([json(200, { items: [], totalCount: 0 })]);
    const { pulse } = testClient(server.url);
    const init = { baseUrl: undefined } as Record<string, unknown>;

    const { data } = await pulse.GET('/forms', init);

    expect(data.totalCount).toBe(0);
  });
});
