import { describe, expect, it } from 'vitest';
import { parseServeOptions, UsageError } from '../src/options.mjs';

describe('parseServeOptions', () => {
  it.each([
    ['no arguments', [], {}, { host: '127.0.0.1', port: 8080, help: false }],
    ['--port', ['--port', '9000'], {}, { host: '127.0.0.1', port: 9000, help: false }],
    ['--port=', ['--port=9001'], {}, { host: '127.0.0.1', port: 9001, help: false }],
    [
      'PULSE_DOCS_PORT',
      [],
      { PULSE_DOCS_PORT: '9002' },
      { host: '127.0.0.1', port: 9002, help: false },
    ],
    [
      '--port over env',
      ['--port', '9003'],
      { PULSE_DOCS_PORT: '9004' },
      { host: '127.0.0.1', port: 9003, help: false },
    ],
    ['empty env', [], { PULSE_DOCS_PORT: '' }, { host: '127.0.0.1', port: 8080, help: false }],
    ['port 0', ['--port', '0'], {}, { host: '127.0.0.1', port: 0, help: false }],
    ['IPv6 host', ['--host', '::1'], {}, { host: '::1', port: 8080, help: false }],
    ['localhost', ['--host', 'localhost'], {}, { host: 'localhost', port: 8080, help: false }],
    ['--help', ['--help'], {}, { host: '127.0.0.1', port: 8080, help: true }],
    ['-h', ['-h'], {}, { host: '127.0.0.1', port: 8080, help: true }],
  ])('parses %s', (_name, argv, env, expected) => {
    expect(parseServeOptions(argv, env)).toEqual(expected);
  });

  it.each([
    [
      'non-numeric port',
      ['--port', 'abc'],
      {},
      /Invalid --port "abc": use an integer from 0 to 65535/,
    ],
    ['port above 65535', ['--port', '70000'], {}, /Invalid --port "70000"/],
    ['negative port', ['--port=-1'], {}, /Invalid --port "-1"/],
    ['fractional port', ['--port', '80.5'], {}, /Invalid --port "80.5"/],
    ['bad env port', [], { PULSE_DOCS_PORT: 'x' }, /Invalid PULSE_DOCS_PORT "x"/],
    [
      'host name',
      ['--host', 'docs.example.com'],
      {},
      /Invalid --host "docs.example.com": pass an IP address/,
    ],
    ['missing value', ['--port'], {}, /Run with --help/],
    ['unknown option', ['--verbose'], {}, /Unknown option '--verbose'.*Run with --help/],
    ['positional', ['dist'], {}, /Run with --help/],
  ])('rejects %s', (_name, argv, env, message) => {
    expect(() => parseServeOptions(argv, env)).toThrow(UsageError);
    expect(() => parseServeOptions(argv, env)).toThrow(message);
  });
});
