import type { IHttpRequest } from '@stoplight/prism-http';
import { requestSeedText, type ResponseBodyGenerator } from './dynamic/response-body.js';
import { SchemaGenerationError } from './dynamic/schema-merge.js';
import { messageBody } from './error-body.js';
import type { MockLogger } from './logger.js';
import type { MockMode } from './options.js';
import type { ResponsePreference } from './prefer.js';
import { errorResponse, type MockResponse } from './response.js';

/**
 * Reports whether a successful response gets a generated body: in dynamic mode unless the request
 * names an example or sends `Prefer: dynamic=false`, and in static mode only with
 * `Prefer: dynamic=true`.
 */
export function wantsGeneratedBody(mode: MockMode, preference: ResponsePreference): boolean {
  if (mode === 'dynamic') {
    return preference.dynamic !== false && preference.exampleKey === undefined;
  }
  return mode === 'static' && preference.dynamic === true;
}

/**
 * Replaces the example body of Prism's response with one generated from the response schema,
 * seeded by the server's seed and the request. Keeps the status and headers Prism chose.
 */
export function withGeneratedBody(
  response: MockResponse,
  generator: ResponseBodyGenerator,
  seed: string,
  request: IHttpRequest,
  pathTemplate: string,
  logger: MockLogger,
): MockResponse {
  const target = {
    method: request.method,
    pathTemplate,
    status: response.status,
    mediaType: response.headers['content-type']?.split(';')[0]?.trim(),
  };
  try {
    const generated = generator.generate(target, requestSeedText(seed, request, response.status));
    if (generated === undefined) {
      return response;
    }
    // The warnings concerned the example, which is no longer sent.
    return { ...response, body: generated.body, responseWarnings: [] };
  } catch (error) {
    if (!(error instanceof SchemaGenerationError)) {
      throw error;
    }
    const route = `${request.method.toUpperCase()} ${pathTemplate}`;
    logger.error(
      { err: error, operationId: response.operationId },
      'Failed to generate a response body',
    );
    return {
      ...errorResponse(
        500,
        messageBody(
          `The mock server could not generate the ${response.status} body of ${route}. ${error.message} Send "Prefer: dynamic=false" to get the documented example instead.`,
        ),
      ),
      operationId: response.operationId,
    };
  }
}
