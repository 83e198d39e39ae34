import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPageLimit, PulseError, PulseOptionsError } from '../src/index.js';
import { rejectionOf, testClient } from './support/client.js';
import {
  json,
  startFaultServer,
  type FaultServer,
  type FaultStep,
} from './support/fault-server.js';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Serves `total` contacts with ids 1 to `total`, paged by the request's page and limit. With
 * `maxLimit`, a page contains at most that many items, as on a server that caps the page size.
 */
function contactPages(total: number, reportedTotal = total, maxLimit = Infinity): FaultStep {
  return (request: IncomingMessage, response: ServerResponse) => {
    const query = new URL(request.url ?? '', 'http://127.0.0.1').searchParams;
    const page = Number(query.get('page') ?? 1);
    const limit = Number(query.get('limit') ?? 25);
    const first = (page - 1) * limit + 1;
    const items = [];
    for (let id = first; id < first + Math.min(limit, maxLimit) && id <= total; id++) {
      items.push({ id, lastName: `Contact ${id}` });
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ items, totalCount: reportedTotal }));
  };
}

function queryOf(server: FaultServer, index: number): URLSearchParams {
  return new URL(server.received[index]?.url ?? '', 'http://127.0.0.1').searchParams;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('paginate', () => {
  it('yields every item across pages', async () => {
    server = await startFaultServer([contactPages(7)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { limit: 3 } } }),
    );

    expect(contacts.map((contact) => contact.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.received).toHaveLength(3);
    expect([0, 1, 2].map((index) => queryOf(server!, index).get('page'))).toEqual(['1', '2', '3']);
  });

  it('stops when the last page is exactly full', async () => {
    server = await startFaultServer([contactPages(6)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { limit: 3 } } }),
    );

    expect(contacts).toHaveLength(6);
    expect(server.received).toHaveLength(2);
  });

  it('stops at an empty page', async () => {
    // totalCount promises more than the server has, as when contacts are deleted meanwhile.
    server = await startFaultServer([contactPages(4, 50)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { limit: 2 } } }),
    );

    expect(contacts).toHaveLength(4);
    expect(server.received).toHaveLength(3);
  });

  it('asks for the default limit', async () => {
    server = await startFaultServer([contactPages(2)]);
    const { pulse } = testClient(server.url);

    await collect(pulse.paginate('/contacts'));

    expect(queryOf(server, 0).get('limit')).toBe(String(defaultPageLimit));
    expect(queryOf(server, 0).get('page')).toBe('1');
  });

  it('starts at the given page', async () => {
    server = await startFaultServer([contactPages(5)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { page: 2, limit: 2 } } }),
    );

    expect(contacts.map((contact) => contact.id)).toEqual([3, 4, 5]);
  });

  it('passes fields[] and sort[] to every page', async () => {
    server = await startFaultServer([contactPages(3)]);
    const { pulse } = testClient(server.url);

    await collect(
      pulse.paginate('/contacts', {
        params: {
          query: { 'fields[]': ['lastName', 'emails'], 'sort[]': ['lastName:ASC'], limit: 2 },
        },
      }),
    );

    for (const index of [0, 1]) {
      expect(queryOf(server, index).getAll('fields[]')).toEqual(['lastName', 'emails']);
      expect(queryOf(server, index).getAll('sort[]')).toEqual(['lastName:ASC']);
    }
  });

  it('fetches the next page only when needed', async () => {
    server = await startFaultServer([contactPages(4)]);
    const { pulse } = testClient(server.url);
    const contacts = pulse.paginate('/contacts', { params: { query: { limit: 2 } } });
    const iterator = contacts[Symbol.asyncIterator]();

    await iterator.next();
    await iterator.next();
    expect(server.received).toHaveLength(1);
    await iterator.next();
    expect(server.received).toHaveLength(2);
    await iterator.return?.();
  });

  it('rejects ignorePagination', () => {
    const { pulse } = testClient('http://127.0.0.1:9');
    const query = { ignorePagination: true } as Record<string, unknown>;

    const call = () => pulse.paginate('/contacts', { params: { query } });

    expect(call).toThrow(PulseOptionsError);
    expect(call).toThrow(/load every item in one response/);
  });

  it.each([
    ['page', 0],
    ['limit', 2.5],
    ['limit', '10'],
  ])('rejects %s %j', (name, value) => {
    const { pulse } = testClient('http://127.0.0.1:9');
    const query = { [name]: value } as Record<string, unknown>;

    const call = () => pulse.paginate('/contacts', { params: { query } });

    expect(call).toThrow(PulseOptionsError);
  });

  it('rejects a page without items', async () => {
    server = await startFaultServer([json(200, { contacts: [] })]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(collect(pulse.paginate('/forms')));

    expect(error).toBeInstanceOf(PulseError);
    expect((error as PulseError).message).toMatch(/without an items array/);
  });

  it('rejects a page capped below limit', async () => {
    server = await startFaultServer([contactPages(250, 250, 50)]);
    const { pulse } = testClient(server.url);
    const yielded: unknown[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const contact of pulse.paginate('/contacts')) yielded.push(contact);
      })(),
    );

    expect(error).toBeInstanceOf(PulseError);
    const message = (error as PulseError).message;
    expect(message).toContain('returned 50 items for limit 100 on page 1');
    expect(message).toContain('totalCount is 250');
    expect(message).toContain('pass limit: 50');
    expect((error as PulseError).status).toBe(200);
    expect(yielded).toHaveLength(0);
    expect(server.received).toHaveLength(1);
  });

  it('reads a capped server with its page size', async () => {
    server = await startFaultServer([contactPages(250, 250, 50)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { limit: 50 } } }),
    );

    expect(contacts.map((contact) => contact.id)).toEqual(
      Array.from({ length: 250 }, (_, index) => index + 1),
    );
    expect(server.received).toHaveLength(5);
  });

  it('rejects a short page after full ones', async () => {
    // Two full pages, then 1 of the 3 items that totalCount still promises.
    server = await startFaultServer([contactPages(5, 7)]);
    const { pulse } = testClient(server.url);

    const error = await rejectionOf(
      collect(pulse.paginate('/contacts', { params: { query: { limit: 2 } } })),
    );

    expect(error).toBeInstanceOf(PulseError);
    const message = (error as PulseError).message;
    expect(message).toContain('returned 1 item for limit 2 on page 3');
    expect(message).toMatch(/may have changed during pagination/);
    expect(server.received).toHaveLength(3);
  });

  it('stops at a short last page', async () => {
    server = await startFaultServer([contactPages(5)]);
    const { pulse } = testClient(server.url);

    const contacts = await collect(
      pulse.paginate('/contacts', { params: { query: { page: 2, limit: 4 } } }),
    );

    expect(contacts.map((contact) => contact.id)).toEqual([5]);
    expect(server.received).toHaveLength(1);
  });
});
