import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTION_ENV, parseCliArgs, USAGE, UsageError } from '../src/cli/args.js';
import { FIXTURE_PATH } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pulse-mock-args-'));
const SEED_DATA = join(dir, 'seed.json');
writeFileSync(SEED_DATA, '{"contacts": []}');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('parseCliArgs', () => {
  it('uses the defaults without arguments', () => {
    expect(parseCliArgs([], {})).toEqual({
      host: '127.0.0.1',
      port: 4010,
      mode: 'static',
      seed: undefined,
      seedDataPath: undefined,
      spec: undefined,
      help: false,
    });
  });

  it('reads every flag', () => {
    const argv = [
      ...['--host', '0.0.0.0', '--port', '0', '--mode', 'stateful', '--seed', '42'],
      ...['--seed-data', SEED_DATA, '--spec', FIXTURE_PATH],
    ];

    expect(parseCliArgs(argv, {})).toEqual({
      host: '0.0.0.0',
      port: 0,
      mode: 'stateful',
      seed: '42',
      seedDataPath: SEED_DATA,
      spec: FIXTURE_PATH,
      help: false,
    });
  });

  it('reads every variable', () => {
    const env = {
      PULSE_MOCK_HOST: '::1',
      PULSE_MOCK_PORT: '4020',
      PULSE_MOCK_MODE: 'stateful',
      PULSE_MOCK_SEED: 'demo',
      PULSE_MOCK_SEED_DATA: SEED_DATA,
      PULSE_MOCK_SPEC: FIXTURE_PATH,
    };

    expect(parseCliArgs([], env)).toEqual({
      host: '::1',
      port: 4020,
      mode: 'stateful',
      seed: 'demo',
      seedDataPath: SEED_DATA,
      spec: FIXTURE_PATH,
      help: false,
    });
  });

  it('prefers flags over variables', () => {
    const settings = parseCliArgs(['--port', '4030', '--mode', 'dynamic', '--seed', 'flag'], {
      PULSE_MOCK_PORT: '4020',
      PULSE_MOCK_MODE: 'static',
      PULSE_MOCK_SEED: 'env',
    });

    expect(settings).toMatchObject({ port: 4030, mode: 'dynamic', seed: 'flag' });
  });

  it('ignores empty variables', () => {
    expect(parseCliArgs([], { PULSE_MOCK_PORT: '', PULSE_MOCK_MODE: '' })).toMatchObject({
      port: 4010,
      mode: 'static',
    });
  });

  it('resolves --spec to an absolute path', () => {
    expect(parseCliArgs(['--spec', 'package.json'], {}).spec).toMatch(/^\/.*package\.json$/);
  });

  it.each([['--help'], ['-h']])('reads %s', (flag) => {
    expect(parseCliArgs([flag], {}).help).toBe(true);
  });

  it.each([
    [['--port', 'abc'], /Invalid --port "abc".*0 to 65535/],
    [['--port', '70000'], /Invalid --port "70000"/],
    [['--port', '-1'], /--port/],
    [['--host', ''], /Invalid --host ""/],
    [['--host', 'local host'], /Invalid --host "local host"/],
    [['--mode', 'fast'], /Invalid --mode "fast": use static, dynamic, stateful/],
    [['--seed', ''], /Invalid --seed "": use an integer or text/],
    [['--seed', ' '], /Invalid --seed " "/],
    [['--seed', 'a\tb'], /without control characters/],
    [
      ['--seed-data', SEED_DATA],
      /--seed-data: seed data is only used in stateful mode, but the mode is static\. Add --mode stateful/,
    ],
    [['--mode', 'dynamic', '--seed-data', SEED_DATA], /the mode is dynamic/],
    [
      ['--mode', 'stateful', '--seed-data', 'missing.json'],
      /Invalid --seed-data "missing\.json": no file at .*missing\.json/,
    ],
    [
      ['--spec', 'no-such-file.json'],
      /Invalid --spec "no-such-file.json".*omit it to use the bundled spec/,
    ],
    [['--verbose'], /--verbose.*--help/],
    [['--port'], /--port.*--help/],
    [['extra'], /extra.*--help/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(UsageError);
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });

  it.each([
    [{ PULSE_MOCK_PORT: '99999' }, /Invalid PULSE_MOCK_PORT "99999"/],
    [{ PULSE_MOCK_HOST: ' ' }, /Invalid PULSE_MOCK_HOST " "/],
    [{ PULSE_MOCK_MODE: 'live' }, /Invalid PULSE_MOCK_MODE "live"/],
    [{ PULSE_MOCK_SEED: ' ' }, /Invalid PULSE_MOCK_SEED " "/],
    [
      { PULSE_MOCK_SEED_DATA: SEED_DATA },
      /Invalid PULSE_MOCK_SEED_DATA: seed data is only used in stateful mode/,
    ],
    [{ PULSE_MOCK_SPEC: 'nope.yaml' }, /Invalid PULSE_MOCK_SPEC "nope\.yaml"/],
  ])('rejects the variable %j', (env, message) => {
    expect(() => parseCliArgs([], env)).toThrow(UsageError);
    expect(() => parseCliArgs([], env)).toThrow(message);
  });

  it('lists every variable in the help', () => {
    for (const variable of Object.values(OPTION_ENV)) {
      expect(USAGE).toContain(variable);
    }
  });
});
