import { inspect } from 'node:util';

/**
 * Serializes a value with every own property of every error in it, `cause` chains and
 * non-enumerable properties included, so a test can search it for a secret.
 */
export function serializeDeeply(value: unknown): string {
  const seen = new Set<unknown>();
  const expand = (node: unknown, depth: number): unknown => {
    if (depth > 12 || typeof node !== 'object' || node === null) return node;
    if (seen.has(node)) return '[circular]';
    seen.add(node);
    if (node instanceof Headers) {
      const headers: Record<string, string> = {};
      node.forEach((value, name) => (headers[name] = value));
      return headers;
    }
    const names = node instanceof Error ? Object.getOwnPropertyNames(node) : Object.keys(node);
    const copy: Record<string, unknown> = {};
    for (const name of names) {
      copy[name] = expand((node as Record<string, unknown>)[name], depth + 1);
    }
    if (node instanceof Error) copy.cause = expand(node.cause, depth + 1);
    return copy;
  };
  return JSON.stringify(expand(value, 0)) + inspect(value, { depth: 12, showHidden: true });
}
