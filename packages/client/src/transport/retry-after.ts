/**
 * Converts a `Retry-After` header to a delay in ms. RFC 9110, section 10.2.3, allows a number
 * of seconds or an HTTP date; a date in the past gives 0. Returns `undefined` for a missing or
 * unparsable value.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  // Every HTTP date form names the month, and V8's Date.parse would read "-1" or "1.5" as years.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  // Date.parse reads the IMF-fixdate form that RFC 9110 requires, and the obsolete forms too.
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
