import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { IHttpRequest } from '@stoplight/prism-http';
import { wantsGeneratedBody, withGeneratedBody } from './dynamic-response.js';
import type { ResponseBodyGenerator } from './dynamic/response-body.js';
import { messageBody, fieldErrorBody } from './error-body.js';
import type { MockLogger } from './logger.js';
import type { MockMode } from './options.js';
import { parsePreferHeader, PreferHeaderError, type ResponsePreference } from './prefer.js';
import type { PrismInstance, PrismResult } from './prism-instance.js';
import { readHttpRequest, RequestReadError } from './request.js';
import type { MockResponseEvent, MockResponseListener } from './response-event.js';
import { errorResponse, toMockResponse, type MockResponse } from './response.js';
import { rejectPreferenceInStatefulMode, statefulResponse } from './stateful-response.js';
import type { StatefulEngine } from './stateful/engine.js';

/** Dependencies of the request handler, built once when the server starts. */
export interface RequestContext {
  prism: PrismInstance;
  logger: MockLogger;
  onResponse: MockResponseListener | undefined;
  mode: MockMode;
  /** Seed of generated bodies. */
  seed: string;
  generator: ResponseBodyGenerator;
  /** The engine of stateful mode, present only in that mode. */
  engine: StatefulEngine | undefined;
}

/** Produces and writes the response to one request, then logs it and notifies the listener. */
export async function handleRequest(
  context: RequestContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { logger, onResponse } = context;
  const started = performance.now();
  const method = request.method ?? 'GET';
  // Only the path is logged: query strings can carry personal data such as a searched email.
  const path = new URL(request.url ?? '/', 'http://mock.invalid').pathname;

  const mockResponse = await produceResponse(context, request);
  writeResponse(response, mockResponse);

  const event: MockResponseEvent = {
    method,
    path,
    operationId: mockResponse.operationId,
    status: mockResponse.status,
    requestErrors: mockResponse.requestErrors,
    durationMs: Math.round(performance.now() - started),
  };
  // One entry per request. The validation errors name fields and rules, never a header or
  // query value.
  logger.info(
    {
      method,
      path,
      operationId: event.operationId,
      status: event.status,
      durationMs: event.durationMs,
      ...(event.requestErrors.length > 0 ? { errors: event.requestErrors } : {}),
    },
    'Request handled',
  );
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
  context: RequestContext,
  request: IncomingMessage,
): Promise<MockResponse> {
  const { prism, logger } = context;
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
    // In stateful mode the engine builds the response, so Prism only routes and validates.
    const prismPreference = context.mode === 'stateful' ? {} : preference;
    const result = await prism.request(input, prismPreference);
    const names = prism.parameterNamesFor(result.operationId);
    const response = toMockResponse(result, input, prismPreference, names);
    return applyMode(context, response, result, input, preference);
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

// The mode changes only the operation's own response. Routing, credential and validation
// errors come first in every mode, so an invalid request gets its 401 or 422 before it reaches
// the engine or the generator.
function applyMode(
  context: RequestContext,
  response: MockResponse,
  result: PrismResult,
  input: IHttpRequest,
  preference: ResponsePreference,
): MockResponse {
  const { pathTemplate, operationId } = result;
  if (!response.mocked || pathTemplate === undefined) {
    return response;
  }
  if (context.engine !== undefined) {
    const operation = {
      operationId: operationId ?? '',
      pathTemplate,
      documentedStatuses: result.responseCodes ?? [],
    };
    return (
      rejectPreferenceInStatefulMode(preference, operationId) ??
      statefulResponse(context.engine, input, operation, context.logger)
    );
  }
  if (wantsGeneratedBody(context.mode, preference)) {
    return withGeneratedBody(
      response,
      context.generator,
      context.seed,
      input,
      pathTemplate,
      context.logger,
    );
  }
  return response;
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

/**
 * Responds to a request that Node's HTTP parser rejected before any handler ran, such as one with
 * headers over its 16 KiB limit. Node would send an empty body, so this sends the API's error
 * format instead.
 */
export function rejectUnparsableRequest(
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
