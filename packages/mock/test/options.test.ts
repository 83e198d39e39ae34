import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startMockServer, type MockServer } from '../src/index.js';
import { CREDENTIALS, FIXTURE_PATH, send } from './helpers.js';

const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, unknown>;

describe('startMockServer options', () => {
  const started: MockServer[] = [];
  const tempDirs: string[] = [];

  afterAll(async () => {
    await Promise.all(started.map((server) => server.close()));
    for (const dir of tempDirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function start(options: Parameters<typeof startMockServer>[0]): Promise<MockServer> {
    const server = await startMockServer(options);
    started.push(server);
    return server;
  }

  it.each([
    [70000, RangeError, /options\.port: 70000 is out of range.*0 to 65535/],
    [-1, RangeError, /options\.port: -1 is out of range/],
    [1.5, TypeError, /options\.port.*number 1\.5/],
    ['4010', TypeError, /options\.port.*"4010"/],
  ])('rejects port %j', async (port, errorType, message) => {
    const promise = startMockServer({ document: FIXTURE_PATH, port: port as number });

    await expect(promise).rejects.toThrow(errorType);
    await expect(promise).rejects.toThrow(message);
  });

  it.each([
    ['', /options\.host/],
    ['local host', /options\.host.*"local host"/],
  ])('rejects host %j', async (host, message) => {
    await expect(startMockServer({ document: FIXTURE_PATH, host, port: 0 })).rejects.toThrow(
      message,
    );
  });

  it('rejects an unknown option name', async () => {
    const options = { document: FIXTURE_PATH, prot: 0 } as unknown as Parameters<
      typeof startMockServer
    >[0];

    await expect(startMockServer(options)).rejects.toThrow(
      /Unknown mock server option "prot".*Supported options/,
    );
  });

  it('rejects a logger without methods', async () => {
    const options = { document: FIXTURE_PATH, port: 0, logger: {} } as unknown as Parameters<
      typeof startMockServer
    >[0];

    await expect(startMockServer(options)).rejects.toThrow(/options\.logger.*info, warn and error/);
  });

  it.each([
    ['fast', /options\.mode: expected one of "static", "dynamic", "stateful", received "fast"/],
    ['Static', /received "Static"/],
    [1, /received number 1/],
  ])('rejects mode %j', async (mode, message) => {
    const promise = startMockServer({ document: FIXTURE_PATH, port: 0, mode: mode as never });

    await expect(promise).rejects.toThrow(TypeError);
    await expect(promise).rejects.toThrow(message);
  });

  it.each([
    ['', /options\.seed: .* received ""/],
    ['   ', /received " {3}"/],
    ['line\nbreak', /without control characters/],
    [1.5, /received number 1\.5/],
    [Number.MAX_SAFE_INTEGER + 1, /safe integer/],
    [Number.NaN, /received number NaN/],
    [true, /received boolean true/],
  ])('rejects seed %j', async (seed, message) => {
    const promise = startMockServer({ document: FIXTURE_PATH, port: 0, seed: seed as never });

    await expect(promise).rejects.toThrow(TypeError);
    await expect(promise).rejects.toThrow(message);
  });

  it.each([
    [
      'static',
      { contacts: [] },
      /seedData: seed data is only used in stateful mode, but the mode is "static"/,
    ],
    ['dynamic', [], /the mode is "dynamic"\. Set mode to "stateful", or remove seedData/],
    [
      'stateful',
      'contacts.json',
      /seedData: expected an object or an array of records, received "contacts\.json"/,
    ],
    ['stateful', null, /received null/],
  ])('rejects seedData in %s mode: %j', async (mode, seedData, message) => {
    const promise = startMockServer({
      document: FIXTURE_PATH,
      port: 0,
      mode: mode as never,
      seedData: seedData as never,
    });

    await expect(promise).rejects.toThrow(TypeError);
    await expect(promise).rejects.toThrow(message);
  });

  it('rejects a missing document file', async () => {
    const missing = join(tmpdir(), 'no-such-dir', 'openapi.json');

    await expect(startMockServer({ document: missing, port: 0 })).rejects.toThrow(missing);
  });

  it('rejects an object that is not OpenAPI', async () => {
    await expect(startMockServer({ document: { paths: {} }, port: 0 })).rejects.toThrow(
      /"openapi" version field/,
    );
  });

  it('rejects a document with unparsable JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-mock-'));
    tempDirs.push(dir);
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"openapi": ');

    await expect(startMockServer({ document: path, port: 0 })).rejects.toThrow(
      /Failed to parse .* as JSON/,
    );
  });

  it('rejects an unsupported jsonSchemaDialect', async () => {
    const document = { ...fixture, jsonSchemaDialect: 'http://json-schema.org/draft-04/schema#' };

    await expect(startMockServer({ document, port: 0 })).rejects.toThrow(
      /Unsupported jsonSchemaDialect.*draft-04/,
    );
  });

  it('rejects a port that is in use', async () => {
    const first = await start({ document: FIXTURE_PATH, port: 0 });

    await expect(startMockServer({ document: FIXTURE_PATH, port: first.port })).rejects.toThrow(
      new RegExp(`Port ${first.port} on 127\\.0\\.0\\.1 is already in use`),
    );
  });

  it('picks a free port for port 0', async () => {
    const server = await start({ document: FIXTURE_PATH, port: 0 });

    expect(server.port).toBeGreaterThan(0);
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('defaults to static mode with a random seed', async () => {
    const first = await start({ document: FIXTURE_PATH, port: 0 });
    const second = await start({ document: FIXTURE_PATH, port: 0 });

    expect(first.mode).toBe('static');
    expect(first.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(second.seed).not.toBe(first.seed);
  });

  it.each([
    [42, '42'],
    ['demo seed', 'demo seed'],
    [-7, '-7'],
  ])('accepts seed %j as %j', async (seed, expected) => {
    const server = await start({ document: FIXTURE_PATH, port: 0, mode: 'dynamic', seed });

    expect(server.seed).toBe(expected);
  });

  it('accepts a parsed document object without changing it', async () => {
    const document = structuredClone(fixture);
    const server = await start({ document, port: 0 });

    const response = await send(server.url, '/contacts', { headers: CREDENTIALS });

    expect(response.status).toBe(200);
    expect(document).toEqual(fixture);
  });

  it('accepts a YAML document path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-mock-'));
    tempDirs.push(dir);
    const path = join(dir, 'openapi.yaml');
    writeFileSync(path, stringify(fixture));
    const server = await start({ document: path, port: 0 });

    const response = await send(server.url, '/contacts?sort[]=lastName:UP', {
      headers: CREDENTIALS,
    });

    expect(response.status).toBe(422);
  });

  it('closes idempotently and frees the port', async () => {
    const server = await startMockServer({ document: FIXTURE_PATH, port: 0 });
    await send(server.url, '/contacts', { headers: CREDENTIALS });

    await Promise.all([server.close(), server.close()]);

    await expect(
      fetch(`${server.url}/contacts`, { signal: AbortSignal.timeout(2000) }),
    ).rejects.toThrow();
  });
});
