import type { IncomingMessage } from 'node:http';
import type { IHttpNameValue, IHttpNameValues, IHttpRequest } from '@stoplight/prism-http';
import type { HttpMethod } from '@stoplight/types';

/** Largest request body the mock reads, in bytes. Larger bodies get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Request the mock cannot hand to Prism, with the status and field to report. */
export class RequestReadError extends Error {
  override readonly name = 'RequestReadError';

  constructor(
    message: string,
    readonly status: number,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Reads a Node request into the shape Prism validates and mocks. */
export async function readHttpRequest(request: IncomingMessage): Promise<IHttpRequest> {
  // The base is a placeholder: only the path and query of request.url are used.
  const url = new URL(request.url ?? '/', 'http://mock.invalid');
  const headers = flattenHeaders(request.headers);
  const rawBody = await readBody(request);

  return {
    method: (request.method ?? 'GET').toLowerCase() as HttpMethod,
    url: { path: url.pathname, query: parseQuery(url.search) },
    headers,
    body: parseBody(rawBody, headers['content-type']),
  };
}

/**
 * Parses a query string into name-to-value pairs, keeping every name exactly as sent.
 *
 * Prism 5.12 finds each query parameter by its full name in lower case, so `fields[]` has to
 * stay a key with its brackets. Parsers in the style of `qs` strip the brackets and return
 * `fields`, which Prism then never validates. A repeated name (`sort[]=a&sort[]=b`) becomes
 * an array, which is what form style with explode expects.
 */
export function parseQuery(search: string): IHttpNameValues {
  const query: IHttpNameValues = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const existing = query[name];
    if (existing === undefined) {
      query[name] = value;
    } else if (Array.isArray(existing)) {
      existing.push(value);
    } else {
      query[name] = [existing, value];
    }
  }
  return query;
}

function flattenHeaders(headers: IncomingMessage['headers']): IHttpNameValue {
  const flat: IHttpNameValue = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new RequestReadError(
        `Request body is larger than ${MAX_BODY_BYTES} bytes. Send a smaller body.`,
        413,
        'body',
      );
    }
    chunks.push(buffer);
  }
  return size === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

function parseBody(rawBody: string | undefined, contentType: string | undefined): unknown {
  if (rawBody === undefined || !isJsonMediaType(contentType)) {
    return rawBody;
  }
  try {
    return JSON.parse(rawBody);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RequestReadError(
      `Request body is not valid JSON: ${reason}. Fix the JSON syntax.`,
      400,
      'body',
    );
  }
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
