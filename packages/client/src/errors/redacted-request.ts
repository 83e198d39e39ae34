/** The request an error or event describes, safe to log: no credentials and no query string. */
export interface RedactedRequest {
  method: string;
  /** Origin and path only. The query can hold personal data, such as a searched email. */
  url: string;
  /** Request headers, with `Authorization` and `X-Account` replaced by `[REDACTED]`. */
  headers: Record<string, string>;
}

/** Placeholder that replaces a credential header's value. */
export const redactedValue = '[REDACTED]';

// Lower case, as the Headers class returns names.
const credentialHeaders = new Set(['authorization', 'x-account', 'cookie', 'proxy-authorization']);

/** Describes a request without its credentials or query string. */
export function redactRequest(request: Request): RedactedRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = credentialHeaders.has(name) ? redactedValue : value;
  });
  return { method: request.method, url: url.origin + url.pathname, headers };
}
