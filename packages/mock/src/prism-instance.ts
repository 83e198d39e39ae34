import { createLogger, type IPrismDiagnostic, type IPrismOutput } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpMockConfig,
  type IHttpRequest,
  type IHttpResponse,
} from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { createRequire } from 'node:module';
import type { OpenApiDocument } from './document.js';
import type { ParameterInfo, ParameterNames } from './diagnostics.js';
import type { ResponsePreference } from './prefer.js';
import { checkPreference } from './preference-check.js';
import { normaliseSchemaDialect } from './schema-dialect.js';
import { validateSecurity } from './security.js';

/**
 * Outcome of one Prism call: the mocked output and its validations, or the error Prism raised.
 * `preferenceProblem` explains why the `Prefer` choice cannot be honoured, when it cannot.
 */
export type PrismResult = (
  | {
      kind: 'output';
      output: IHttpResponse;
      validations: IPrismOutput<IHttpResponse>['validations'];
    }
  | { kind: 'error'; error: Error; securityDiagnostics: IPrismDiagnostic[] }
) & {
  /** The operation the request was routed to, when one matched its method and path. */
  operationId?: string | undefined;
  /** Path template of that operation, such as `/contacts/{id}`. */
  pathTemplate?: string | undefined;
  /** Status codes that operation documents, such as `200`, `4XX` or `default`. */
  responseCodes?: string[] | undefined;
  preferenceProblem?: string | undefined;
};

/** Prism engine loaded with one document's operations. */
export interface PrismInstance {
  /** Number of operations Prism read from the document. */
  operationCount: number;
  /**
   * Returns the parameters of an operation by lower-cased name, with their spelling and hint.
   * Without an operation, it returns the names of all operations, without hints.
   */
  parameterNamesFor(operationId: string | undefined): ParameterNames;
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
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- pino 6 ships no types, so Prism's Logger type is unresolved.
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
    parameterNamesFor: parameterLookup(operations),
    async request(input, preference) {
      const config: IHttpMockConfig = {
        ...BASE_CONFIG,
        // A fresh mock object per request, because Prism's mocker writes the Accept header into it.
        // Prism always returns its static response, the example or a sample of the schema.
        // Generated bodies come from this package's generator, which replaces it afterwards.
        mock: {
          dynamic: false,
          code: preference.code,
          exampleKey: preference.exampleKey,
        },
      };
      const operation = route(operations, input);
      const operationId = operation?.iid;
      const pathTemplate = operation?.path;
      const responseCodes = operation?.responses.map((response) => response.code);
      const preferenceProblem =
        operation === undefined ? undefined : checkPreference(operation, preference);
      const result = await prism.request(input, operations, config)();
      if (result._tag === 'Right') {
        return {
          kind: 'output',
          output: result.right.output,
          validations: result.right.validations,
          operationId,
          pathTemplate,
          responseCodes,
          preferenceProblem,
        };
      }
      return {
        kind: 'error',
        error: result.left,
        securityDiagnostics: securityDiagnostics.get(input) ?? [],
        operationId,
        pathTemplate,
        responseCodes,
        preferenceProblem,
      };
    },
  };
}

// Prism's router is not part of its public entry point, which is safe while the version is
// pinned: the tests of Prefer handling fail if its shape changes. It is loaded with require
// because its CommonJS default export reaches ES imports differently under Node and Vite.
const prismRouter = createRequire(import.meta.url)(
  '@stoplight/prism-http/dist/router/index.js',
) as typeof import('@stoplight/prism-http/dist/router/index.js');

// Prism routes again inside request(). Routing here as well names the operation for the
// response event, and lets the Prefer choice be checked against that operation's responses.
function route(operations: IHttpOperation[], input: IHttpRequest): IHttpOperation | undefined {
  const matched = prismRouter.default({ resources: operations, input });
  // An unknown path or method gets its own 404 or 405 from Prism.
  return matched._tag === 'Right' ? matched.right : undefined;
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

function parameterLookup(
  operations: IHttpOperation[],
): (operationId: string | undefined) => ParameterNames {
  const byOperation = new Map<string, ParameterNames>();
  const spellings = new Map<string, ParameterInfo>();
  for (const operation of operations) {
    const names = new Map<string, ParameterInfo>();
    const { query = [], headers = [], path = [], cookie = [] } = operation.request ?? {};
    for (const parameter of [...query, ...headers, ...path, ...cookie]) {
      const key = parameter.name.toLowerCase();
      names.set(key, {
        name: parameter.name,
        hint: firstSentence(parameter.description),
        allowed: allowedValues(parameter.schema),
      });
      spellings.set(key, { name: parameter.name, hint: undefined, allowed: undefined });
    }
    if (operation.iid !== undefined) byOperation.set(operation.iid, names);
  }
  return (operationId) =>
    (operationId === undefined ? undefined : byOperation.get(operationId)) ?? spellings;
}

// The closed list of values of a parameter or of its array items, quoted in enum errors.
function allowedValues(schema: unknown): readonly unknown[] | undefined {
  const node = schema as { enum?: unknown[]; items?: { enum?: unknown[] } } | undefined;
  return node?.enum ?? node?.items?.enum;
}

function firstSentence(description: string | undefined): string | undefined {
  const sentence = description?.trim().match(/^[^]*?[.!?](?=\s|$)/)?.[0];
  return sentence === undefined || sentence === '' ? undefined : sentence;
}
