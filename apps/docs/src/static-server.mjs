// @ts-check
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** Content-Type by file extension. Files with other extensions are sent as application/octet-stream. */
const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.yaml', 'application/yaml; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

const INDEX_FILE = 'index.html';

/**
 * Creates an HTTP server that serves the files under root to GET and HEAD requests.
 *
 * A request path that resolves outside root, directly or through a symbolic link, gets 404.
 * Paths without a file extension that match no file get root/index.html, so that links such as
 * /contacts in the pre-rendered page still load the docs instead of a 404.
 *
 * @param {{ root: string, onError?: (error: unknown, request: IncomingMessage) => void }} options
 *   onError receives each failure while reading or sending a file, and the client gets 500.
 */
export function createStaticServer({ root, onError }) {
  const rootPath = resolve(root);
  return createServer((request, response) => {
    serveRequest(rootPath, request, response).catch((error) => {
      onError?.(error, request);
      if (response.headersSent) {
        response.destroy();
      } else {
        sendText(response, 500, 'Internal server error');
      }
    });
  });
}

/**
 * @param {string} rootPath absolute path of the served folder
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 */
async function serveRequest(rootPath, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, `Method ${request.method} is not allowed: use GET or HEAD.`);
    return;
  }

  const url = new URL(request.url ?? '/', 'http://localhost');
  let requestPath;
  try {
    requestPath = decodeURIComponent(url.pathname);
  } catch {
    sendText(response, 400, 'Invalid percent-encoding in the request path.');
    return;
  }
  if (requestPath.includes('\0')) {
    sendText(response, 400, 'Invalid NUL byte in the request path.');
    return;
  }

  // WHATWG URL parsing already removes plain ../ segments, but %2F decodes to a separator after
  // parsing, so the decoded path is resolved and checked again here.
  const candidate = resolve(
    rootPath,
    `.${requestPath.endsWith('/') ? requestPath + INDEX_FILE : requestPath}`,
  );
  if (!isInside(rootPath, candidate)) {
    sendText(response, 404, 'Not found.');
    return;
  }

  const file = await findFile(rootPath, candidate);
  if (file.kind === 'directory') {
    response.setHeader('Location', `${url.pathname}/${url.search}`);
    sendText(response, 301, 'Moved permanently.');
    return;
  }
  if (file.kind === 'file') {
    await sendFile(request, response, file.path);
    return;
  }
  if (extname(requestPath) === '') {
    const index = await findFile(rootPath, resolve(rootPath, INDEX_FILE));
    if (index.kind === 'file') {
      await sendFile(request, response, index.path);
      return;
    }
  }
  sendText(response, 404, 'Not found.');
}

/**
 * Looks up path and follows symbolic links, reporting "missing" for targets outside rootPath.
 * @param {string} rootPath
 * @param {string} path
 * @returns {Promise<{ kind: 'file', path: string } | { kind: 'directory' | 'missing' }>}
 */
async function findFile(rootPath, path) {
  let realPath;
  let realRoot;
  try {
    [realPath, realRoot] = await Promise.all([realpath(path), realpath(rootPath)]);
  } catch (error) {
    if (isNotFound(error)) {
      return { kind: 'missing' };
    }
    throw error;
  }
  if (!isInside(realRoot, realPath)) {
    return { kind: 'missing' };
  }

  const stats = await stat(realPath);
  if (stats.isDirectory()) {
    return { kind: 'directory' };
  }
  if (!stats.isFile()) {
    return { kind: 'missing' };
  }
  return { kind: 'file', path: realPath };
}

/**
 * Sends the whole file in one write. The served folder contains one page of a few megabytes, and
 * a single end() avoids stream errors when a client closes the connection right after the body.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {string} path
 */
async function sendFile(request, response, path) {
  const body = request.method === 'HEAD' ? undefined : await readFile(path);
  const size = body?.length ?? (await stat(path)).size;
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES.get(extname(path).toLowerCase()) ?? 'application/octet-stream',
    'Content-Length': size,
    // The page is rebuilt in place, so browsers revalidate instead of showing a stale copy.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} message
 */
function sendText(response, status, message) {
  const body = `${message}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * @param {string} parent absolute path
 * @param {string} child absolute path
 */
function isInside(parent, child) {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** @param {unknown} error */
function isNotFound(error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
