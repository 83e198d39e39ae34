import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../src/static-server.mjs';

const INDEX_HTML = '<!DOCTYPE html><title>docs</title>';
const SECRET = 'outside-the-root-7f3a';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http sends the path as written, unlike fetch(), which would remove ../ segments first.
function send(port: number, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('createStaticServer', () => {
  let base = '';
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'docs-static-'));
    const root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'assets', 'site.css'), 'body{}');
    writeFileSync(join(base, 'secret.txt'), SECRET);
    symlinkSync(join(base, 'secret.txt'), join(root, 'linked.txt'));

    server = createStaticServer({ root });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html at /', async () => {
    const reply = await send(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body).toBe(INDEX_HTML);
  });

  it('answers HEAD without a body', async () => {
    const reply = await send(port, '/index.html', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(INDEX_HTML.length));
    expect(reply.body).toBe('');
  });

  it('sets the type from the extension', async () => {
    const reply = await send(port, '/assets/site.css');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serves index.html for page routes', async () => {
    const reply = await send(port, '/contacts/list-contacts?tab=1');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
  });

  it('returns 404 for missing files', async () => {
    const reply = await send(port, '/assets/missing.js');
    expect(reply.status).toBe(404);
  });

  it('redirects a folder to its slash form', async () => {
    const reply = await send(port, '/assets?x=1');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/assets/?x=1');
  });

  it.each([
    ['../', '/../secret.txt'],
    ['nested ../', '/assets/../../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded slashes in a folder', '/assets/..%2f..%2fsecret.txt'],
    ['symbolic link out of root', '/linked.txt'],
  ])('blocks traversal by %s', async (_name, path) => {
    const reply = await send(port, path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });

  it('rejects invalid percent-encoding', async () => {
    const reply = await send(port, '/bad%zz');
    expect(reply.status).toBe(400);
  });

  it('rejects NUL bytes', async () => {
    const reply = await send(port, '/index.html%00.css');
    expect(reply.status).toBe(400);
  });

  it('rejects POST with Allow', async () => {
    const reply = await send(port, '/', 'POST');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});
