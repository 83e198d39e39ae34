import type { IHttpRequest } from '@stoplight/prism-http';
import { fieldErrorBody, messageBody } from './error-body.js';
import type { MockLogger } from './logger.js';
import { extractPathParams } from './path-params.js';
import type { ResponsePreference } from './prefer.js';
import { errorResponse, type MockResponse } from './response.js';
import type { StatefulEngine, StatefulRequest, StatefulResponse } from './stateful/engine.js';

/** The operation a valid request was routed to. */
export interface RoutedOperation {
  operationId: string;
  pathTemplate: string;
  /** Status codes the operation documents, such as `200` or `4XX`. */
  documentedStatuses: readonly string[];
}

/**
 * Returns a 400 when the request uses `Prefer` to choose a response, which stateful mode cannot
 * honour because its responses come from the stored records. Returns undefined otherwise.
 */
export function rejectPreferenceInStatefulMode(
  preference: ResponsePreference,
  operationId: string | undefined,
): MockResponse | undefined {
  const chosen = Object.entries(preference)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => (name === 'exampleKey' ? 'example' : name));
  if (chosen.length === 0) {
    return undefined;
  }
  return {
    ...errorResponse(
      400,
      fieldErrorBody(
        'Stateful mode builds each response from the stored records, so the Prefer header cannot choose one. Remove the Prefer header, or start the mock in static or dynamic mode.',
        'header.Prefer',
        `${chosen.join(', ')} cannot be used in stateful mode`,
      ),
    ),
    operationId,
  };
}

/** Hands a validated request to the stateful engine and turns its reply into the response to write. */
export function statefulResponse(
  engine: StatefulEngine,
  request: IHttpRequest,
  operation: RoutedOperation,
  logger: MockLogger,
): MockResponse {
  const statefulRequest: StatefulRequest = {
    operationId: operation.operationId,
    method: request.method.toUpperCase(),
    path: request.url.path,
    pathParams: extractPathParams(operation.pathTemplate, request.url.path),
    query: request.url.query ?? {},
    body: request.body,
  };

  let reply: StatefulResponse;
  try {
    reply = engine.handle(statefulRequest);
    checkReply(reply);
  } catch (error) {
    logger.error({ err: error, operationId: operation.operationId }, 'The stateful engine failed');
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...errorResponse(
        500,
        messageBody(`The stateful engine failed to handle the request: ${reason}`),
      ),
      operationId: operation.operationId,
    };
  }

  const headers: Record<string, string> = {};
  if (reply.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  return {
    status: reply.status,
    headers,
    body: reply.body,
    requestErrors: [],
    responseWarnings: undocumentedStatusWarning(reply.status, operation),
    operationId: operation.operationId,
    mocked: true,
  };
}

function checkReply(reply: StatefulResponse): void {
  const status = (reply as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new TypeError(
      `the engine returned status ${JSON.stringify(status)}, which is not an HTTP status code from 100 to 599`,
    );
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    if (typeof value !== 'string') {
      throw new TypeError(
        `the engine returned a ${typeof value} for header ${name}, which must be a string`,
      );
    }
  }
  // Serialising here turns a body that JSON cannot represent, such as a BigInt, into a 500.
  JSON.stringify(reply.body);
}

// The engine may return a status the operation lacks, such as 409. That is logged, because a
// client generated from the document would not expect it.
function undocumentedStatusWarning(status: number, operation: RoutedOperation): string[] {
  const statusText = String(status);
  const range = `${statusText[0]}XX`;
  const documented = operation.documentedStatuses.some(
    (code) => code === statusText || code.toUpperCase() === range || code === 'default',
  );
  return documented ? [] : [`status ${status} is not documented for ${operation.operationId}`];
}
