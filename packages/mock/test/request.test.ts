import { describe, expect, it } from 'vitest';
import { parsePreferHeader, PreferHeaderError } from '../src/prefer.js';
import { parseQuery } from '../src/request.js';

describe('parseQuery', () => {
  it('keeps brackets in parameter names', () => {
    expect(parseQuery('?fields[]=firstName')).toEqual({ 'fields[]': 'firstName' });
  });

  it('decodes percent-encoded brackets', () => {
    expect(parseQuery('?sort%5B%5D=lastName%3Aasc')).toEqual({ 'sort[]': 'lastName:asc' });
  });

  it('collects a repeated name into an array', () => {
    expect(parseQuery('?sort[]=lastName:asc&sort[]=firstName:DESC&sort[]=id:asc')).toEqual({
      'sort[]': ['lastName:asc', 'firstName:DESC', 'id:asc'],
    });
  });

  it('keeps other names as single strings', () => {
    expect(parseQuery('?page=2&simpleSearch=a%40b.com')).toEqual({
      page: '2',
      simpleSearch: 'a@b.com',
    });
  });

  it('returns an empty object for no query', () => {
    expect(parseQuery('')).toEqual({});
  });
});

describe('parsePreferHeader', () => {
  it.each([
    [undefined, {}],
    ['code=404', { code: 404 }],
    ['example=emptyPage', { exampleKey: 'emptyPage' }],
    ['code=200, example="firstPage"', { code: 200, exampleKey: 'firstPage' }],
    ['code=200; dynamic=true', { code: 200, dynamic: true }],
    ['respond-async, wait=10', {}],
  ])('parses %j', (header, expected) => {
    expect(parsePreferHeader(header)).toEqual(expected);
  });

  it.each(['code=abc', 'code=99', 'code=600', 'code=', 'dynamic=yes', 'example='])(
    'rejects %j',
    (header) => {
      expect(() => parsePreferHeader(header)).toThrow(PreferHeaderError);
    },
  );
});
