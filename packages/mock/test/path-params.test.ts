import { describe, expect, it } from 'vitest';
import { extractPathParams } from '../src/path-params.js';

describe('extractPathParams', () => {
  it.each([
    ['/contacts/{id}', '/contacts/42', { id: '42' }],
    ['/contacts/{contactId}/emails/{id}', '/contacts/5/emails/9', { contactId: '5', id: '9' }],
    ['/forms/{uuid}/submit', '/forms/3f6c2a1e-8b4d/submit', { uuid: '3f6c2a1e-8b4d' }],
    ['/files/{name}.json', '/files/report.json', { name: 'report' }],
    ['/search/{term}', '/search/caf%C3%A9%20au%20lait', { term: 'café au lait' }],
    ['/search/{term}', '/search/a%2Fb', { term: 'a/b' }],
    ['/search/{term}', '/search/100%', { term: '100%' }],
    ['/contacts', '/contacts', {}],
    ['/contacts/{id}', '/contacts/42/extra', {}],
    ['/a.b/{id}', '/aXb/1', {}],
  ])('reads %s from %s', (template, path, expected) => {
    expect(extractPathParams(template, path)).toEqual(expected);
  });
});
