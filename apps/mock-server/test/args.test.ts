import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/args.js';

describe('parseCliArgs', () => {
  it('uses the defaults without arguments', () => {
    expect(parseCliArgs([], {})).toEqual({
      host: '127.0.0.1',
      port: 4010,
      spec: undefined,
      help: false,
    });
  });

  it('reads --host and --port', () => {
    expect(parseCliArgs(['--host', '0.0.0.0', '--port', '0'], {})).toMatchObject({
      host: '0.0.0.0',
      port: 0,
    });
  });

  it('reads the port from PULSE_MOCK_PORT', () => {
    expect(parseCliArgs([], { PULSE_MOCK_PORT: '4020' }).port).toBe(4020);
  });

  it('prefers --port over PULSE_MOCK_PORT', () => {
    expect(parseCliArgs(['--port', '4030'], { PULSE_MOCK_PORT: '4020' }).port).toBe(4030);
  });

  it('resolves --spec to an absolute path', () => {
    expect(parseCliArgs(['--spec', 'package.json'], {}).spec).toMatch(/^\/.*package\.json$/);
  });

  it.each([
    [['--port', 'abc'], /Invalid --port "abc".*0 to 65535/],
    [['--port', '70000'], /Invalid --port "70000"/],
    [['--port', '-1'], /--port/],
    [['--host', ''], /Invalid --host ""/],
    [['--spec', 'no-such-file.json'], /Invalid --spec "no-such-file.json".*omit --spec/],
    [['--verbose'], /--verbose.*--help/],
    [['extra'], /extra.*--help/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(UsageError);
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });

  it('rejects an invalid PULSE_MOCK_PORT', () => {
    expect(() => parseCliArgs([], { PULSE_MOCK_PORT: '99999' })).toThrow(
      /Invalid PULSE_MOCK_PORT "99999"/,
    );
  });
});
