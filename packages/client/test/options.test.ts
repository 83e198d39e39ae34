import { describe, expect, it } from 'vitest';
import { createPulseClient, PulseOptionsError, type PulseClientOptions } from '../src/index.js';

const apiToken = '0b7c7a8e-3f1d-4c52-9a61-2f4e8d9c1b30';
const accountId = '6d2f1e4a-9b8c-4d7e-a1f0-3c5b7e9d2a14';

function optionsError(options: unknown): PulseOptionsError {
  try {
    createPulseClient(options as PulseClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(PulseOptionsError);
    return error as PulseOptionsError;
  }
  throw new Error('createPulseClient accepted invalid options');
}

describe('createPulseClient options', () => {
  it.each([
    ['missing apiToken', { accountId }, 'apiToken', /Missing apiToken/],
    ['empty apiToken', { accountId, apiToken: '' }, 'apiToken', /Missing apiToken/],
    ['non-string apiToken', { accountId, apiToken: 42 }, 'apiToken', /expected a string/],
    [
      'apiToken with prefix',
      { accountId, apiToken: `API-TOKEN ${apiToken}` },
      'apiToken',
      /Pass the token alone/,
    ],
    ['truncated apiToken', { accountId, apiToken: apiToken.slice(0, 30) }, 'apiToken', /UUID/],
    ['blank apiToken', { accountId, apiToken: ' \n' }, 'apiToken', /Missing apiToken/],
    [
      'apiToken with a trailing newline',
      { accountId, apiToken: `${apiToken}\n` },
      'apiToken',
      /whitespace at the end, such as a trailing newline\. Trim it/,
    ],
    [
      'apiToken with a leading space',
      { accountId, apiToken: ` ${apiToken}` },
      'apiToken',
      /whitespace at the start\. Trim it/,
    ],
    [
      'apiToken with a space inside',
      { accountId, apiToken: apiToken.replace('-', '- ') },
      'apiToken',
      /whitespace inside the value/,
    ],
    [
      'accountId with surrounding whitespace',
      { apiToken, accountId: `\t${accountId} \r\n` },
      'accountId',
      /whitespace at the start and the end\. Trim it/,
    ],
    ['missing accountId', { apiToken }, 'accountId', /Missing accountId/],
    ['malformed accountId', { apiToken, accountId: 'acme' }, 'accountId', /UUID/],
    ['unknown environment', { apiToken, accountId, environment: 'dev' }, 'environment', /"dev"/],
    [
      'environment with baseUrl',
      { apiToken, accountId, environment: 'staging', baseUrl: 'http://127.0.0.1:4010' },
      'baseUrl',
      /either environment or baseUrl/,
    ],
    ['relative baseUrl', { apiToken, accountId, baseUrl: '/api' }, 'baseUrl', /absolute URL/],
    [
      'ftp baseUrl',
      { apiToken, accountId, baseUrl: 'ftp://example.org' },
      'baseUrl',
      /http or https/,
    ],
    [
      'baseUrl with query',
      { apiToken, accountId, baseUrl: 'http://127.0.0.1:4010/?token=1' },
      'baseUrl',
      /remove the query/,
    ],
    [
      'fetch not a function',
      { apiToken, accountId, fetch: 'fetch' },
      'fetch',
      /expected a function/,
    ],
  ])('rejects %s', (_case, options, option, message) => {
    const error = optionsError(options);
    expect(error.option).toBe(option);
    expect(error.message).toMatch(message);
  });

  it('rejects a missing options object', () => {
    expect(optionsError(undefined).option).toBe('options');
  });

  it.each([
    ['apiToken', { accountId, apiToken: `${apiToken}-extra` }],
    ['apiToken', { accountId, apiToken: `API-TOKEN ${apiToken}` }],
    ['accountId', { apiToken, accountId: `${accountId}x` }],
    ['apiToken', { accountId, apiToken: `${apiToken}\n` }],
    ['accountId', { apiToken, accountId: ` ${accountId}` }],
    ['baseUrl', { apiToken, accountId, baseUrl: `http://127.0.0.1:4010/?token=${apiToken}` }],
    ['baseUrl', { apiToken, accountId, baseUrl: `http://user:${apiToken}@127.0.0.1:4010` }],
    ['baseUrl', { apiToken, accountId, baseUrl: `ftp://x/?token=${apiToken}` }],
    ['baseUrl', { apiToken, accountId, baseUrl: `127.0.0.1/${apiToken}` }],
  ])('keeps the secret out of the %s message', (_option, options) => {
    const error = optionsError(options);
    expect(error.message).not.toContain(apiToken);
    expect(error.message).not.toContain(accountId);
  });

  it('accepts upper-case UUIDs', () => {
    expect(() =>
      createPulseClient({ apiToken: apiToken.toUpperCase(), accountId: accountId.toUpperCase() }),
    ).not.toThrow();
  });

  it('does not blame the copy for whitespace', () => {
    const error = optionsError({ accountId, apiToken: `${apiToken}\n` });

    expect(error.message).not.toMatch(/whole token was copied/);
  });
});
