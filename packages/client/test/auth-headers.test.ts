import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPulseClient } from '../src/index.js';

const apiToken = '0b7c7a8e-3f1d-4c52-9a61-2f4e8d9c1b30';
const accountId = '6d2f1e4a-9b8c-4d7e-a1f0-3c5b7e9d2a14';

describe('createPulseClient requests', () => {
  let server: Server;
  let baseUrl: string;
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push({ url: request.url ?? '', headers: request.headers });
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ items: [], totalCount: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  it('sends both auth headers without per-call options', async () => {
    const pulse = createPulseClient({ apiToken, accountId, baseUrl });
    const { data } = await pulse.GET('/forms');

    expect(data).toEqual({ items: [], totalCount: 0 });
    const request = received.at(-1);
    expect(request?.headers.authorization).toBe(`API-TOKEN ${apiToken}`);
    expect(request?.headers['x-account']).toBe(accountId);
  });

  it('joins a base URL with a trailing slash without doubling it', async () => {
    const pulse = createPulseClient({ apiToken, accountId, baseUrl });
    await pulse.GET('/forms/{uuid}', {
      params: { path: { uuid: '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01' } },
    });

    expect(received.at(-1)?.url).toBe('/forms/3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01');
  });

  it('repeats bracket parameters once per value', async () => {
    const pulse = createPulseClient({ apiToken, accountId, baseUrl });
    await pulse.GET('/contacts', {
      params: { query: { 'fields[]': ['firstName', 'lastName'], 'sort[]': ['lastName:ASC'] } },
    });

    const query = new URL(received.at(-1)?.url ?? '', 'http://127.0.0.1').searchParams;
    expect(query.getAll('fields[]')).toEqual(['firstName', 'lastName']);
    expect(query.getAll('sort[]')).toEqual(['lastName:ASC']);
  });
});
