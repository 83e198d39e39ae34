import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { loadDocument } from './document.js';
import { messageBody, fieldErrorBody } from './error-body.js';
import type { MockLogger } from './logger.js';
import { resolveOptions, type MockServerOptions } from './options.js';
import { parsePreferHeader, PreferHeaderError, type ResponsePreference } from './prefer.js';
import { createPrismInstance, type PrismInstance } from './prism-instance.js';
import { readHttpRequest, RequestReadError } from './request.js';
import type { MockResponseEvent, MockResponseListener } from './response-event.js';
import { errorResponse, toMockResponse, type MockResponse } from './response.js';

/** Running mock server. */
export interface MockServer {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Interface the server listens on. */
  host: string;
  /** Port the server listens on, which is the chosen free port when 0 was requested. */
  port: number;
  /** Stops accepting requests, ends open connections and resolves once the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server that mocks the Pulse Engagement Cloud API from an OpenAPI document,
 * running Prism's engine in this process.
 */
export async function startMockServer(options?: MockServerOptions): Promise<MockServer> {
  const { document, host, port, logger, onResponse } = resolveOptions(options);
  const prism = await createPrismInstance(await loadDocument(document));

  const server = createServer((request, response) => {
    handleRequest(prism, logger, onResponse, request, response).catch((error: unknown) => {
      logger.error({ err: error, method: request.method }, 'Failed to send the mock response');
      response.destroy();
    });
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    rejectUnparsableRequest(error, socket, logger);
  });

  const address = await listen(server, host, port);
  logger.info(
    { host, port: address.port, operations: prism.operationCount },
    'Mock server started',
  );

  let closing: Promise<void> | undefined;
  return {
    url: `http://${formatHost(host)}:${address.port}`,
    host,
    port: address.port,
    close() {
      closing ??= stop(server).then(() =>
        logger.info({ host, port: address.port }, 'Mock server stopped'),
      );
      return closing;
    },
  };
}

async function handleRequest(
  prism: PrismInstance,
  logger: MockLogger,
  onResponse: MockResponseListener | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const method = request.method ?? 'GET';
  // Only the path is logged: query strings can carry personal data such as a searched email.
  const path = new URL(request.url ?? '/', 'http://mock.invalid').pathname;

  const mockResponse = await produceResponse(prism, logger, request);
  writeResponse(response, mockResponse);

  const event: MockResponseEvent = {
    method,
    path,
    operationId: mockResponse.operationId,
    status: mockResponse.status,
    requestErrors: mockResponse.requestErrors,
    durationMs: Math.round(performance.now() - started),
  };
  logger.info(
    {
      method,
      path,
      operationId: event.operationId,
      status: event.status,
      durationMs: event.durationMs,
    },
    'Request handled',
  );
  if (mockResponse.requestErrors.length > 0) {
    logger.info({ method, path, errors: mockResponse.requestErrors }, 'Request failed validation');
  }
  if (mockResponse.responseWarnings.length > 0) {
    logger.warn(
      { method, path, warnings: mockResponse.responseWarnings },
      'Mocked response does not match the document',
    );
  }
  notify(onResponse, event, logger);
}

// A listener that throws is a bug in the caller's code. It is logged, so that it cannot take
// the response or the server down with it.
function notify(
  listener: MockResponseListener | undefined,
  event: MockResponseEvent,
  logger: MockLogger,
): void {
  if (listener === undefined) return;
  try {
    listener(event);
  } catch (error) {
    logger.error({ err: error, method: event.method }, 'The onResponse listener failed');
  }
}

async function produceResponse(
  prism: PrismInstance,
  logger: MockLogger,
  request: IncomingMessage,
): Promise<MockResponse> {
  let preference: ResponsePreference;
  try {
    const prefer = request.headers.prefer;
    preference = parsePreferHeader(Array.isArray(prefer) ? prefer.join(', ') : prefer);
  } catch (error) {
    if (error instanceof PreferHeaderError) {
      return errorResponse(
        400,
        fieldErrorBody('Invalid Prefer header.', 'header.Prefer', error.message),
      );
    }
    throw error;
  }

  try {
    const input = await readHttpRequest(request);
    const result = await prism.request(input, preference);
    return toMockResponse(result, input, preference, prism.parameterNamesFor(result.operationId));
  } catch (error) {
    if (error instanceof RequestReadError) {
      return errorResponse(error.status, fieldErrorBody(error.message, error.field, error.message));
    }
    logger.error({ err: error, method: request.method }, 'Mock server failed to handle a request');
    const reason = error instanceof Error ? error.message : String(error);
    return errorResponse(
      500,
      messageBody(`The mock server failed to handle the request: ${reason}`),
    );
  }
}

function writeResponse(response: ServerResponse, mockResponse: MockResponse): void {
  const { status, headers, body } = mockResponse;
  const contentType = headers['content-type'];
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' && !isJson(contentType) ? body : JSON.stringify(body);
  }

  // A 413 leaves part of the body unread, so the connection cannot be reused.
  if (status === 413) {
    response.setHeader('connection', 'close');
  }
  response.writeHead(status, headers);
  response.end(payload);
}

// Node's HTTP parser rejects some requests before any handler runs, such as headers over its
// 16 KiB limit, and by default sends an empty body. These get the API's error format instead.
function rejectUnparsableRequest(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  logger: MockLogger,
): void {
  logger.warn({ code: error.code }, 'Rejected a request that could not be parsed');
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    messageBody(
      tooLarge
        ? 'The request line and headers exceed 16 KiB. Send fewer or shorter query parameters and headers.'
        : `The request is not valid HTTP (${error.code ?? 'parse error'}). Check the client that sent it.`,
    ),
  );
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]json\b/i.test(contentType);
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.close();
      reject(listenError(error, host, port));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `Port ${port} on ${host} is already in use. Stop the process that uses it, or pass another port (0 picks a free one).`,
      { cause: error },
    );
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new Error(
      `Cannot listen on host ${host}: it is not an address of this machine. Use 127.0.0.1 or another local address.`,
      {
        cause: error,
      },
    );
  }
  return new Error(`Failed to listen on ${host}:${port}: ${error.message}`, { cause: error });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would hold close() open until they time out.
    server.closeAllConnections();
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
