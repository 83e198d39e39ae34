// @ts-check
// Writes query strings the way the API reads them: `style: form, explode: true`, so an array
// parameter such as `fields[]` repeats once per value, and names keep their brackets.

/**
 * Lists the name and value pairs that a parameter's value sends, one per array item.
 * @param {string} name
 * @param {unknown} value a scalar or an array of scalars
 * @returns {[string, string][]}
 */
export function toQueryPairs(name, value) {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => [name, String(item)]);
}

/**
 * Percent-encodes a query value, leaving `:`, `@`, `/` and `,` as they are: RFC 3986 (section
 * 3.4) allows them in a query, and `sort[]=lastName:ASC` reads better than `lastName%3AASC`.
 * @param {string} value
 */
export function encodeQueryValue(value) {
  return encodeURIComponent(value).replace(/%(3A|40|2F|2C)/gi, (escape) =>
    decodeURIComponent(escape),
  );
}

/**
 * Joins pairs into a query string without the leading `?`. Names are written as they are, so
 * `fields[]` keeps its brackets. A name with `&`, `=`, `#`, `%` or a space is rejected.
 * @param {[string, string][]} pairs
 */
export function formatQuery(pairs) {
  return pairs
    .map(([name, value]) => {
      if (/[&=#\s%]/.test(name)) {
        throw new Error(
          `Invalid query parameter name ${JSON.stringify(name)}: it would need percent-encoding. Rename the parameter in the spec.`,
        );
      }
      return `${name}=${encodeQueryValue(value)}`;
    })
    .join('&');
}
