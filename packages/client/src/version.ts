/** Version of this package, sent in `User-Agent`. A unit test keeps it equal to package.json. */
export const clientVersion = '0.1.0';

/**
 * Returns the `User-Agent` that every request sends, such as
 * `pulse-engagement-client/0.1.0 node/20.19.0`, so that Pulse Health can tell client versions
 * apart when helping with a problem.
 */
export function userAgent(): string {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node;
  return `pulse-engagement-client/${clientVersion} node/${node ?? 'unknown'}`;
}
