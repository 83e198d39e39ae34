// JSON Pointers (RFC 6901) into an OpenAPI document, such as `/paths/~1contacts~1{id}/get`.

/** Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`, in that order. */
export function escapeToken(token) {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Returns `pointer` extended by the given reference tokens, each escaped. */
export function appendPointer(pointer, ...tokens) {
  return pointer + tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/**
 * Splits a pointer into its unescaped reference tokens. `~1` is decoded before `~0`, so `~01`
 * stays the literal `~1` as RFC 6901 section 4 requires.
 */
export function parsePointer(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new Error(`Invalid JSON Pointer "${pointer}": it must be empty or start with "/".`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Returns the value at `pointer` in `document`, or undefined when nothing is there. */
export function getAtPointer(document, pointer) {
  let node = document;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}
