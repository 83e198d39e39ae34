import type { IHttpRequest } from '@stoplight/prism-http';
import { generateValue } from './generate.js';
import { createRandom } from './random.js';
import { createRefResolver, type RefResolver } from './schema-collect.js';
import type { JsonSchema } from './schema-merge.js';

/** The response whose body to generate: the routed operation, and the status and media type Prism chose. */
export interface GeneratedResponseTarget {
  method: string;
  /** Path template of the operation, such as `/contacts/{id}`. */
  pathTemplate: string;
  status: number;
  /** Media type of the response, such as `application/json`, without parameters. */
  mediaType: string | undefined;
}

/** Generates response bodies from the schemas of one OpenAPI document. */
export interface ResponseBodyGenerator {
  /**
   * Returns a body for the target generated from `seedText`, or undefined when the response
   * declares no schema, as a 204 does. Throws SchemaGenerationError when the schema cannot be
   * generated.
   */
  generate(target: GeneratedResponseTarget, seedText: string): { body: unknown } | undefined;
}

type Responses = Record<string, unknown>;

/** Creates a generator over `document`, which must not change afterwards. */
export function createResponseBodyGenerator(document: object): ResponseBodyGenerator {
  const resolve = createRefResolver(document);
  const paths = ((document as { paths?: unknown }).paths ?? {}) as Record<
    string,
    Record<string, { responses?: Responses }>
  >;
  return {
    generate(target, seedText) {
      const responses = paths[target.pathTemplate]?.[target.method.toLowerCase()]?.responses;
      const schema =
        responses === undefined ? undefined : responseSchema(responses, target, resolve);
      if (schema === undefined) {
        return undefined;
      }
      return { body: generateValue(schema, { resolve, random: createRandom(seedText) }) };
    },
  };
}

// A status code matches its own key first, then its range such as `4XX`, then `default`, as
// the OpenAPI Responses Object defines.
function responseSchema(
  responses: Responses,
  target: GeneratedResponseTarget,
  resolve: RefResolver,
): JsonSchema | undefined {
  const status = String(target.status);
  const key = [status, `${status[0]}XX`, 'default'].find((candidate) => candidate in responses);
  let response = key === undefined ? undefined : (responses[key] as Record<string, unknown>);
  if (typeof response?.$ref === 'string') {
    response = resolve(response.$ref) as Record<string, unknown>;
  }
  const content = response?.content as Record<string, { schema?: JsonSchema }> | undefined;
  if (content === undefined) {
    return undefined;
  }
  const mediaType =
    target.mediaType !== undefined && target.mediaType in content
      ? target.mediaType
      : Object.keys(content)[0];
  return mediaType === undefined ? undefined : content[mediaType]?.schema;
}

/**
 * Returns the text that seeds the body of one request: the server's seed with the method, path,
 * query, body and status. The same request therefore gets the same body for a given seed, in any
 * order and however many times it is sent.
 */
export function requestSeedText(seed: string, request: IHttpRequest, status: number): string {
  const parts = [
    seed,
    request.method.toUpperCase(),
    request.url.path,
    JSON.stringify(request.url.query ?? {}),
    JSON.stringify(request.body ?? null),
    String(status),
  ];
  return parts.join('\n');
}
