import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { DiagnosticSeverity } from '@stoplight/types';
import { toFieldErrors, type ParameterNames } from './diagnostics.js';
import {
  fieldErrorBody,
  messageBody,
  validationErrorBody,
  type ApiErrorBody,
} from './error-body.js';
import type { PrismResult } from './prism-instance.js';
import type { ResponsePreference } from './prefer.js';
import { SECURITY_DIAGNOSTIC_CODE } from './security.js';

/** Response the server writes: a status, headers and a body to serialise. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Validation errors that made this an error response, for logging. */
  requestErrors: string[];
  /** Places where the mocked response breaks the document, for logging. */
  responseWarnings: string[];
  /** The operation the request was routed to, when one matched its method and path. */
  operationId?: string | undefined;
  /** Whether this is the operation's mocked response, not an error that the server made. */
  mocked: boolean;
}

const ERROR_SEVERITY = 0 as DiagnosticSeverity.Error;
const PRISM_ERROR_TYPE = /^https:\/\/stoplight\.io\/prism\/errors#(.+)$/;
const CONTENT_TYPE_DIAGNOSTIC_CODE = 415;

/** Turns Prism's result into the response to send, with errors in the API's own format. */
export function toMockResponse(
  result: PrismResult,
  request: IHttpRequest,
  preference: ResponsePreference,
  parameterNames: ParameterNames,
): MockResponse {
  const response = buildResponse(result, request, preference, parameterNames);
  return { ...response, operationId: result.operationId };
}

function buildResponse(
  result: PrismResult,
  request: IHttpRequest,
  preference: ResponsePreference,
  parameterNames: ParameterNames,
): MockResponse {
  if (result.kind === 'error') {
    return fromPrismError(
      result.error,
      result.securityDiagnostics,
      request,
      preference,
      parameterNames,
      result.preferenceProblem,
    );
  }

  const responseWarnings = result.validations.output.map(describeDiagnostic);
  const requestErrors = result.validations.input.filter(
    (diagnostic) => diagnostic.severity === ERROR_SEVERITY,
  );
  if (requestErrors.length > 0) {
    return { ...fromRequestErrors(requestErrors, request, parameterNames), responseWarnings };
  }
  // Checked after validation, so an invalid request still gets its 401 or 422.
  if (result.preferenceProblem !== undefined) {
    return preferenceErrorResponse(request, result.preferenceProblem);
  }

  const { statusCode, headers = {}, body } = result.output;
  return {
    status: statusCode,
    headers: lowerCaseHeaders(headers),
    body,
    requestErrors: [],
    responseWarnings,
    mocked: true,
  };
}

/** Builds a JSON error response with no diagnostics attached. */
export function errorResponse(status: number, body: ApiErrorBody): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body,
    requestErrors: [],
    responseWarnings: [],
    mocked: false,
  };
}

// Credential problems take precedence, so a caller without credentials learns nothing about the
// schemas. The 401 body never repeats a credential value, because the diagnostics contain none.
function fromRequestErrors(
  diagnostics: IPrismDiagnostic[],
  request: IHttpRequest,
  parameterNames: ParameterNames,
): MockResponse {
  const security = diagnostics.filter((diagnostic) => diagnostic.code === SECURITY_DIAGNOSTIC_CODE);
  if (security.length > 0) {
    const messages = security.map((diagnostic) => diagnostic.message);
    return withLog(errorResponse(401, messageBody(messages.join(' '))), messages);
  }

  const contentType = diagnostics.find(
    (diagnostic) => diagnostic.code === CONTENT_TYPE_DIAGNOSTIC_CODE,
  );
  if (contentType !== undefined) {
    const body = fieldErrorBody(
      `Unsupported Content-Type ${JSON.stringify(request.headers?.['content-type'] ?? '')}. ${contentType.message}.`,
      'header.Content-Type',
      contentType.message,
    );
    return withLog(errorResponse(415, body), [contentType.message]);
  }

  const errors = toFieldErrors(
    diagnostics,
    { body: request.body, query: request.url.query },
    parameterNames,
  );
  // The logged copy leaves out the query values that the response quotes, because a query can
  // carry personal data such as a searched email address.
  const logged = toFieldErrors(
    diagnostics,
    { body: request.body, query: undefined },
    parameterNames,
  ).map((error) => `${error.field} ${error.error}`);
  return withLog(errorResponse(422, validationErrorBody(errors)), logged);
}

function fromPrismError(
  error: Error & { status?: number; detail?: string; additional?: { validation?: unknown } },
  securityDiagnostics: IPrismDiagnostic[],
  request: IHttpRequest,
  preference: ResponsePreference,
  parameterNames: ParameterNames,
  preferenceProblem: string | undefined,
): MockResponse {
  const type = PRISM_ERROR_TYPE.exec(error.name)?.[1];
  const route = `${request.method.toUpperCase()} ${request.url.path}`;

  switch (type) {
    case 'UNAUTHORIZED':
    case 'UNPROCESSABLE_ENTITY':
    case 'INVALID_CONTENT_TYPE':
      // The mocker raises these when the document has no matching 4xx response.
      return fromRequestErrors(
        [...securityDiagnostics, ...validationsOf(error), ...contentTypeDiagnosticOf(type, error)],
        request,
        parameterNames,
      );
    case 'NO_PATH_MATCHED_ERROR':
      return errorResponse(
        404,
        messageBody(
          `No operation matches ${route}. Check the path against the paths of the OpenAPI document.`,
        ),
      );
    case 'NO_METHOD_MATCHED_ERROR':
      return errorResponse(
        405,
        messageBody(
          `The path ${request.url.path} has no ${request.method.toUpperCase()} operation. Use a method the OpenAPI document defines for it.`,
        ),
      );
    case 'NOT_FOUND':
      if (preference.code !== undefined || preference.exampleKey !== undefined) {
        return preferenceErrorResponse(request, preferenceProblem ?? error.detail ?? error.message);
      }
      break;
  }
  if (preferenceProblem !== undefined) {
    return preferenceErrorResponse(request, preferenceProblem);
  }

  const status = typeof error.status === 'number' ? error.status : 500;
  const detail = error.detail ?? error.message;
  return errorResponse(
    status,
    messageBody(`The mock server could not produce a response for ${route}: ${detail}`),
  );
}

function preferenceErrorResponse(request: IHttpRequest, problem: string): MockResponse {
  const route = `${request.method.toUpperCase()} ${request.url.path}`;
  return errorResponse(
    400,
    fieldErrorBody(
      `The Prefer header requests a response that ${route} does not define. Ask for a status code or example that the operation documents.`,
      'header.Prefer',
      problem,
    ),
  );
}

function validationsOf(error: { additional?: { validation?: unknown } }): IPrismDiagnostic[] {
  const validation = error.additional?.validation;
  if (!Array.isArray(validation)) {
    return [];
  }
  return validation.map(
    (entry: { location?: string[]; code?: string | number; message?: string }) => ({
      path: entry.location,
      code: entry.code,
      message: entry.message ?? 'is invalid',
      severity: ERROR_SEVERITY,
    }),
  );
}

function contentTypeDiagnosticOf(
  type: string,
  error: Error & { detail?: string },
): IPrismDiagnostic[] {
  if (type !== 'INVALID_CONTENT_TYPE') {
    return [];
  }
  return [
    {
      code: CONTENT_TYPE_DIAGNOSTIC_CODE,
      message: error.detail ?? error.message,
      severity: ERROR_SEVERITY,
    },
  ];
}

function withLog(response: MockResponse, requestErrors: string[]): MockResponse {
  return { ...response, requestErrors };
}

function describeDiagnostic(diagnostic: IPrismDiagnostic): string {
  const path = diagnostic.path?.join('.') ?? '';
  return path === '' ? diagnostic.message : `${path}: ${diagnostic.message}`;
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // Prism sets a header to null when it cannot generate a value for it.
    if (value !== null && value !== undefined) {
      result[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return result;
}
