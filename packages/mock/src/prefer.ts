/** Response choice a caller made with the `Prefer` request header. */
export interface ResponsePreference {
  /** Status code of the response to return, from `code=404`. */
  code?: number;
  /** Name of the example to return, from `example=<name>`. */
  exampleKey?: string;
  /** Whether to generate the body from the schema instead of using an example, from `dynamic=true`. */
  dynamic?: boolean;
}

/** Rejected `Prefer` header, with the reason to show the caller. */
export class PreferHeaderError extends Error {
  override readonly name = 'PreferHeaderError';
}

/**
 * Parses the `code`, `example` and `dynamic` preferences of a `Prefer` header, the names the
 * Prism CLI documents, separated by commas or semicolons. Other preferences are ignored, as
 * RFC 7240 specifies for preferences that a server does not support.
 */
export function parsePreferHeader(header: string | undefined): ResponsePreference {
  const preference: ResponsePreference = {};
  if (header === undefined) {
    return preference;
  }

  for (const token of header.split(/[,;]/)) {
    const [rawName, ...rawValue] = token.split('=');
    const name = rawName?.trim().toLowerCase() ?? '';
    const value = rawValue
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');

    if (name === 'code') {
      preference.code = parseStatusCode(value);
    } else if (name === 'example') {
      if (value === '') {
        throw new PreferHeaderError(
          'Prefer example= needs an example name, such as "example=firstPage".',
        );
      }
      preference.exampleKey = value;
    } else if (name === 'dynamic') {
      preference.dynamic = parseBoolean(value);
    }
  }
  return preference;
}

function parseStatusCode(value: string): number {
  const code = Number(value);
  if (!/^\d{3}$/.test(value) || code < 100 || code > 599) {
    throw new PreferHeaderError(
      `Invalid Prefer code ${JSON.stringify(value)}: use an HTTP status code from 100 to 599, such as "code=404".`,
    );
  }
  return code;
}

function parseBoolean(value: string): boolean {
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  throw new PreferHeaderError(
    `Invalid Prefer dynamic ${JSON.stringify(value)}: use "dynamic=true" or "dynamic=false".`,
  );
}
