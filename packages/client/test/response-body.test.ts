import { afterEach, describe, expect, it } from 'vitest';
import { PulseError } from '../src/index.js';
import { declaresJsonBody } from '../src/success-bodies.js';
import { rejectionOf, testClient, type RecordedEvent } from './support/client.js';
import {
  empty,
  json,
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

const requestId = { 'X-Request-Id': 'req_5b1d8e0f4a' };
// Personal data that a misrouted response might echo, which must not reach messages or logs.
const bodyText = '<html><body>Signed in as jane.rivera@example.org</body></html>';

/** Responds 200 with chunked transfer encoding and no body, so no Content-Length is sent. */
function emptyChunked(): FaultStep {
  return (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...requestId });
    response.flushHeaders();
    response.end();
  };
}

function errorEvents(events: RecordedEvent[]): RecordedEvent[] {
  return events.filter((item) => item.hook === 'onError');
}

describe('empty 2xx body', () => {
  it.each([
    ['Content-Length 0', empty(200, requestId)],
    ['a chunked empty body', emptyChunked()],
  ])('rejects %s where the spec declares JSON', async (_case, step) => {
    server = await startFaultServer([step]);
    const { pulse, events } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.GET('/contacts/{id}', { params: { path: { id: 1024 } } }),
    )) as PulseError;

    expect(error).toBeInstanceOf(PulseError);
    expect(error.status).toBe(200);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/contacts/{id}');
    expect(error.requestId).toBe('req_5b1d8e0f4a');
    expect(error.request?.url).toBe(`${server.url}/contacts/1024`);
    expect(error.message).toContain('GET /contacts/{id} returned HTTP 200 with an empty body');
    expect(error.message).toContain('The request id is req_5b1d8e0f4a.');
    expect(errorEvents(events)).toHaveLength(1);
    expect(server.received).toHaveLength(1);
  });

  it('says that a POST took effect', async () => {
    server = await startFaultServer([empty(201)]);
    const { pulse } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.POST('/contacts', { body: { source: 12 } }),
    )) as PulseError;

    expect(error).toBeInstanceOf(PulseError);
    expect(error.status).toBe(201);
    expect(error.message).toMatch(/took effect, so check its result before sending it again/);
    expect(server.received).toHaveLength(1);
  });

  it('resolves a 204 with undefined data', async () => {
    server = await startFaultServer([empty(204)]);
    const { pulse, events } = testClient(server.url);

    const { data, response } = await pulse.DELETE('/contacts/{id}', {
      params: { path: { id: 1024 } },
    });

    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(errorEvents(events)).toHaveLength(0);
  });

  it('rejects on the raw client too', async () => {
    server = await startFaultServer([empty(200, requestId)]);
    const { pulse, events } = testClient(server.url);

    const error = (await rejectionOf(
      pulse.raw.GET('/contacts/{id}', { params: { path: { id: 1024 } } }),
    )) as PulseError;

    expect(error).toBeInstanceOf(PulseError);
    expect(error.status).toBe(200);
    expect(error.requestId).toBe('req_5b1d8e0f4a');
    expect(errorEvents(events)).toHaveLength(1);
  });

  it('leaves other parseAs values to the caller', async () => {
    server = await startFaultServer([empty(200)]);
    const { pulse } = testClient(server.url);

    const { data, response } = await pulse.raw.GET('/contacts/{id}', {
      params: { path: { id: 1024 } },
      parseAs: 'text',
    });

    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
  });
});

describe('2xx body that is not JSON', () => {
  it('rejects on the raw client with a PulseError', async () => {
    server = await startFaultServer([text(200, bodyText)]);
    const { pulse, events } = testClient(server.url);

    const error = (await rejectionOf(pulse.raw.GET('/forms'))) as PulseError;

    expect(error).toBeInstanceOf(PulseError);
    expect(error.status).toBe(200);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/forms');
    expect(error.message).toContain(
      'GET /forms returned HTTP 200 with a body of type text/html that is not valid JSON',
    );
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    const reported = errorEvents(events);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.event).toMatchObject({ method: 'GET', path: '/forms', status: 200 });
  });

  it.each(['raw', 'throwing'] as const)('keeps the body out of the %s error', async (kind) => {
    server = await startFaultServer([text(200, bodyText)]);
    const { pulse, events, logLines } = testClient(server.url);

    const call = kind === 'raw' ? pulse.raw.GET('/forms') : pulse.GET('/forms');
    const error = await rejectionOf(call);

    expect(error).toBeInstanceOf(PulseError);
    for (const output of [
      serializeDeeply(error),
      serializeDeeply(events),
      JSON.stringify(logLines),
    ]) {
      expect(output).not.toContain('jane.rivera');
      expect(output).not.toContain('<html>');
    }
  });

  it('resolves a JSON body as before', async () => {
    server = await startFaultServer([json(200, { items: [], totalCount: 0 })]);
    const { pulse } = testClient(server.url);

    const { data } = await pulse.raw.GET('/forms');

    expect(data).toEqual({ items: [], totalCount: 0 });
  });
});

describe('declaresJsonBody', () => {
  it.each([
    ['GET', '/contacts/{id}', 200, true],
    ['PUT', '/contacts/{id}', 200, true],
    ['POST', '/contacts', 201, true],
    ['POST', '/contacts', 200, false],
    ['DELETE', '/contacts/{id}', 204, false],
    ['get', '/forms', 200, true],
    ['GET', '/contacts/{id}', 204, false],
    ['GET', '/not-in-the-spec', 200, false],
  ] as const)('%s %s %i is %s', (method, path, status, expected) => {
    expect(declaresJsonBody(method, path, status)).toBe(expected);
  });
});
