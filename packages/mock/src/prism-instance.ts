import { createLogger, type IPrismDiagnostic, type IPrismOutput } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpMockConfig,
  type IHttpRequest,
  type IHttpResponse,
} from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import type { OpenApiDocument } from './document.js';
import type { ParameterNames } from './diagnostics.js';
import type { ResponsePreference } from './prefer.js';
import { normaliseSchemaDialect } from './schema-dialect.js';
import { validateSecurity } from './security.js';

/** Outcome of one Prism call: the mocked output and its validations, or the error Prism raised. */
export type PrismResult =
  | {
      kind: 'output';
      output: IHttpResponse;
      validations: IPrismOutput<IHttpResponse>['validations'];
    }
  | { kind: 'error'; error: Error; securityDiagnostics: IPrismDiagnostic[] };

/** Prism engine loaded with one document's operations. */
export interface PrismInstance {
  /** Number of operations Prism read from the document. */
  operationCount: number;
  /** Lower-cased parameter names mapped to their spelling in the document. */
  parameterNames: ParameterNames;
  /** Routes, validates and mocks one request. */
  request(input: IHttpRequest, preference: ResponsePreference): Promise<PrismResult>;
}

const BASE_CONFIG: IHttpMockConfig = {
  isProxy: false,
  checkSecurity: true,
  validateRequest: true,
  // Output validation never changes the response. The server logs its findings as warnings,
  // which flags examples that do not match their schema.
  validateResponse: true,
  errors: false,
  upstreamProxy: undefined,
  mock: { dynamic: false },
};

/** Reads the document's operations and creates a Prism instance that mocks them in-process. */
export async function createPrismInstance(document: OpenApiDocument): Promise<PrismInstance> {
  const operations = await readOperations(normaliseSchemaDialect(document));
  if (operations.length === 0) {
    throw new Error(
      'The OpenAPI document has no operations under "paths", so there is nothing to mock. Add paths to the document.',
    );
  }

  // Prism logs request headers at debug level, which would expose Authorization and X-Account,
  // so its own logger stays silent and the server logs what it needs without header values.
  const logger = createLogger('prism', { level: 'silent' });

  // Prism calls validateSecurity with the same request object that was passed to request(),
  // so the diagnostics can be recovered when the mocker fails instead of returning a 401.
  const securityDiagnostics = new WeakMap<IHttpRequest, IPrismDiagnostic[]>();
  const prism = createInstance(BASE_CONFIG, {
    logger,
    validateSecurity: (input) => {
      const result = validateSecurity(input);
      if (result._tag === 'Left') {
        securityDiagnostics.set(input.element, result.left);
      }
      return result;
    },
  });

  return {
    operationCount: operations.length,
    parameterNames: collectParameterNames(operations),
    async request(input, preference) {
      const config: IHttpMockConfig = {
        ...BASE_CONFIG,
        // A fresh mock object per request, because Prism's mocker writes the Accept header into it.
        mock: {
          dynamic: preference.dynamic ?? false,
          code: preference.code,
          exampleKey: preference.exampleKey,
        },
      };
      const result = await prism.request(input, operations, config)();
      if (result._tag === 'Right') {
        return {
          kind: 'output',
          output: result.right.output,
          validations: result.right.validations,
        };
      }
      return {
        kind: 'error',
        error: result.left,
        securityDiagnostics: securityDiagnostics.get(input) ?? [],
      };
    },
  };
}

async function readOperations(document: OpenApiDocument): Promise<IHttpOperation[]> {
  try {
    return await getHttpOperationsFromSpec(document);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Prism failed to read the OpenAPI document: ${reason}. Check that the document is a valid, bundled OpenAPI 3.1 file.`,
      {
        cause: error,
      },
    );
  }
}

function collectParameterNames(operations: IHttpOperation[]): ParameterNames {
  const names = new Map<string, string>();
  for (const operation of operations) {
    const { query = [], headers = [], path = [], cookie = [] } = operation.request ?? {};
    for (const parameter of [...query, ...headers, ...path, ...cookie]) {
      names.set(parameter.name.toLowerCase(), parameter.name);
    }
  }
  return names;
}
