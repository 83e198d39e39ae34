import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure } from '../src/transport/network-failure.js';
import { parseRetryAfter } from '../src/transport/retry-after.js';
import {
  isRetryableFailure,
  isRetryableStatus,
  retryDelay,
} from '../src/transport/retry-policy.js';

const now = Date.parse('2025-03-01T12:00:00Z');
const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1_000],
    [' 30 ', 30_000],
    ['0', 0],
    ['Sat, 01 Mar 2025 12:00:05 GMT', 5_000],
    ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  it.each([
    [1, 0, 0],
    [1, 0.999, 99],
    [2, 0.999, 199],
    [3, 0.5, 200],
    [10, 0.999, 999],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(retryDelay(retry, options, undefined, () => random)).toBe(expected);
  });

  it('waits exactly as long as Retry-After', () => {
    expect(retryDelay(1, options, 750, () => 0)).toBe(750);
  });

  it('refuses a Retry-After above the cap', () => {
    expect(retryDelay(1, options, 1_001, () => 0)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it.each([
    ['GET', 503, true],
    ['put', 429, true],
    ['DELETE', 408, true],
    ['HEAD', 500, true],
    ['GET', 501, false],
    ['GET', 404, false],
    ['POST', 503, false],
    ['PATCH', 503, false],
  ])('%s %i is %s', (method, status, expected) => {
    expect(isRetryableStatus(method, status)).toBe(expected);
  });
});

describe('isRetryableFailure', () => {
  it.each([
    ['GET', false, true],
    ['POST', true, true],
    ['POST', false, false],
    ['PATCH', false, false],
  ])('%s with neverSent %s is %s', (method, neverSent, expected) => {
    expect(isRetryableFailure(method, neverSent)).toBe(expected);
  });
});

describe('classifyNetworkFailure', () => {
  it.each([
    ['refused', fetchFailed(systemError('ECONNREFUSED')), 'ECONNREFUSED', true],
    ['DNS failure', fetchFailed(systemError('ENOTFOUND')), 'ENOTFOUND', true],
    [
      'connect timeout',
      fetchFailed(systemError('UND_ERR_CONNECT_TIMEOUT')),
      'UND_ERR_CONNECT_TIMEOUT',
      true,
    ],
    [
      'refused on every address',
      fetchFailed(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')])),
      'ECONNREFUSED',
      true,
    ],
    [
      'refused on one address, reset on another',
      fetchFailed(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNRESET')])),
      'ECONNREFUSED',
      false,
    ],
    ['reset', fetchFailed(systemError('ECONNRESET')), 'ECONNRESET', false],
    ['socket closed', fetchFailed(systemError('UND_ERR_SOCKET')), 'UND_ERR_SOCKET', false],
    [
      'body terminated',
      new TypeError('terminated', { cause: systemError('UND_ERR_SOCKET') }),
      'UND_ERR_SOCKET',
      false,
    ],
    ['no code', fetchFailed(undefined), undefined, false],
  ])('classifies %s', (_case, error, code, neverSent) => {
    expect(classifyNetworkFailure(error)).toEqual({ code, neverSent });
  });

  it('ignores an error that is not a TypeError', () => {
    expect(classifyNetworkFailure(new RangeError('bug'))).toBeUndefined();
  });
});
