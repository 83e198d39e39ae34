import { composeMessage, requestIdSentence } from './errors/message.js';
import { PulseError } from './errors/pulse-error.js';
import { PulseOptionsError } from './options-error.js';
import type { ThrowingResult } from './throwing-client.js';

/**
 * Page size that `paginate` requests when the call sets no `limit`: four times the API's
 * default of 25, so a long list takes a quarter of the requests.
 */
// NOTE: the spec sets no maximum for `limit`. If the API capped it below 100, the first page
// would fail with a 422 that names query.limit, or come back short, which rejects with the
// page size to pass as `limit`.
export const defaultPageLimit = 100;

/** Sends one GET of a list path with the throwing client. */
export type SendGet = (path: string, init: PageInit) => Promise<ThrowingResult>;

/** The options of a list call, as far as `paginate` reads them. */
export interface PageInit {
  params?: { query?: Record<string, unknown> } & Record<string, unknown>;
  [option: string]: unknown;
}

/**
 * Returns an async iterable over every item of a list path. It fetches one page at a time,
 * starting at the call's `page` (default 1) with its `limit` (default `defaultPageLimit`), and
 * stops after the last page: once `page * limit >= totalCount` or a page comes back empty.
 * Throws `PulseOptionsError` for `ignorePagination` or an invalid `page` or `limit`. The
 * iteration rejects with a `PulseError` when a page contains fewer items than `limit` although
 * `totalCount` shows more follow, because the next page would then skip items.
 */
export function paginate(send: SendGet, path: string, init: PageInit = {}): AsyncIterable<unknown> {
  const query = init.params?.query ?? {};
  if (query.ignorePagination === true) {
    throw new PulseOptionsError(
      'ignorePagination',
      'paginate does not take ignorePagination: it would load every item in one response, ' +
        'which can be many thousands of contacts. Leave it out, and paginate fetches page after page.',
    );
  }
  const firstPage = positiveInteger('page', query.page, 1);
  const limit = positiveInteger('limit', query.limit, defaultPageLimit);
  return { [Symbol.asyncIterator]: () => iteratePages(send, path, init, firstPage, limit) };
}

async function* iteratePages(
  send: SendGet,
  path: string,
  init: PageInit,
  firstPage: number,
  limit: number,
): AsyncGenerator<unknown> {
  // Bounded by totalCount: each page moves `page * limit` up by `limit`.
  for (let page = firstPage, lastPage = firstPage; page <= lastPage; page++) {
    const query = { ...init.params?.query, page, limit };
    const { data, response } = await send(path, { ...init, params: { ...init.params, query } });
    const { items, totalCount } = readPage(data, path, page);
    // The API pages by offset, (page - 1) * limit, so the next page starts at page * limit.
    // A short page that ends before totalCount leaves a gap that the next page would skip.
    const reached = (page - 1) * limit + items.length;
    if (items.length > 0 && items.length < limit && reached < totalCount) {
      const requestId = response.headers.get('X-Request-Id') ?? undefined;
      const received = items.length;
      throw shortPageError({ path, page, limit, received, totalCount, firstPage, requestId });
    }
    yield* items;
    if (items.length > 0 && page * limit < totalCount) lastPage = page + 1;
  }
}

interface ShortPage {
  path: string;
  page: number;
  limit: number;
  /** Items on the short page. */
  received: number;
  totalCount: number;
  /** The first page that paginate fetched. */
  firstPage: number;
  requestId: string | undefined;
}

function shortPageError(short: ShortPage): PulseError {
  const { path, page, limit, received, totalCount, requestId } = short;
  const found =
    `GET ${path} returned ${received} item${received === 1 ? '' : 's'} for limit ${limit} on page ${page}, although ` +
    `totalCount is ${totalCount}, so the next page would skip items`;
  // A cap on the page size shortens the first page already. A later short page after full
  // pages means the list changed between requests, or the server capped only that page.
  const advice =
    page === short.firstPage
      ? `The server seems to cap the page size at ${received}: pass limit: ${received} to paginate`
      : `The list may have changed during pagination: iterate again, or pass limit: ${received} ` +
        'to paginate if the server caps the page size';
  return new PulseError(composeMessage(found, advice, requestIdSentence(requestId)), {
    method: 'GET',
    path,
    status: 200,
    requestId,
  });
}

function readPage(
  data: unknown,
  path: string,
  page: number,
): { items: unknown[]; totalCount: number } {
  const { items, totalCount } = (data ?? {}) as { items?: unknown; totalCount?: unknown };
  if (!Array.isArray(items) || typeof totalCount !== 'number') {
    throw new PulseError(
      `GET ${path} returned page ${page} without an items array and a numeric totalCount, so ` +
        'paginate cannot continue. Check that the path is a list operation of the API.',
      { method: 'GET', path },
    );
  }
  return { items, totalCount };
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new PulseOptionsError(
      name,
      `Invalid ${name} for paginate: expected an integer of 1 or more, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}
