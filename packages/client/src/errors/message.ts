// Helpers that compose error messages from sentences. The API's own `message` usually ends with
// a period already, so every part goes through `asSentence` instead of getting one appended.

/** Returns `text` trimmed and ending with one `.`, `!` or `?`, adding a period if it has none. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Joins the non-empty parts into one message, each part as its own sentence. */
export function composeMessage(...parts: readonly (string | undefined)[]): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map(asSentence)
    .join(' ');
}

/** Returns the closing sentence that gives the request id, or `undefined` without one. */
export function requestIdSentence(requestId: string | undefined): string | undefined {
  return requestId === undefined ? undefined : `The request id is ${requestId}`;
}

/** Formats a wait in ms as whole seconds, rounded up, such as `120 s`. */
export function formatWait(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}
