import type { IHttpOperation } from '@stoplight/types';
import type { ResponsePreference } from './prefer.js';

/**
 * Checks a `Prefer` choice against the operation's documented responses and returns what is
 * wrong with it, naming the choices that exist, or undefined when the mock can honour it.
 * Prism itself ignores `code` when `example` names an example of another status, and fails
 * with an internal error for an unknown example of an explicit status.
 */
export function checkPreference(
  operation: IHttpOperation,
  preference: ResponsePreference,
): string | undefined {
  const route = `${operation.method.toUpperCase()} ${operation.path}`;
  const codes = operation.responses.map((response) => response.code);

  const code = preference.code === undefined ? undefined : String(preference.code);
  if (code !== undefined && !codes.includes(code)) {
    return `${route} documents no ${code} response. Use one of: ${codes.join(', ')}.`;
  }
  if (preference.exampleKey === undefined) {
    return undefined;
  }

  // Without a code, Prism picks the example from the first documented 2xx response.
  const status = code ?? codes.filter((candidate) => candidate.startsWith('2')).sort()[0];
  const response = operation.responses.find((candidate) => candidate.code === status);
  const names = (response?.contents ?? []).flatMap((content) =>
    (content.examples ?? []).map((example) => example.key),
  );
  if (names.includes(preference.exampleKey)) {
    return undefined;
  }
  const available =
    names.length === 0 ? 'it has no named examples' : `use one of: ${names.join(', ')}`;
  return `The ${status} response of ${route} has no example ${JSON.stringify(preference.exampleKey)}; ${available}.`;
}
