import { describe, expect, it } from 'vitest';
import { generateFromPattern, UnsupportedPatternError } from '../src/dynamic/pattern.js';
import { createRandom } from '../src/dynamic/random.js';

const SEEDS = Array.from({ length: 200 }, (_, index) => `seed-${index}`);

describe('generateFromPattern', () => {
  it.each([
    // The patterns of the bundled spec.
    '^[0-9]{10}$',
    '^[1-9][0-9]*x[1-9][0-9]*$',
    '^[0-9]{5}(-?[0-9]{4})?$',
    '^[A-Za-z][A-Za-z0-9_]*$',
    '^[A-Z]{2}$',
    '^[0-9]{3}[0-9A-Z]{6}X$',
    // Other syntax the generator supports.
    '^(id|firstName|lastName):([aA][sS][cC]|[dD][eE][sS][cC])$',
    '^\\d{3}-\\w+\\s\\S$',
    '^[^a-z]{2,4}\\.$',
    '^(?:ab|cd)+e?f*$',
    '^(?<year>\\d{4})-\\d\\d$',
    '^a.b$',
    '^[\\d\\-x]{3}$',
    '^\\x41\\u0042\\u{43}\\t$',
    '^[a-c]{2,}$',
    'abc',
    '^caf\u00e9$',
  ])('generates strings that match %s', (pattern) => {
    const regex = new RegExp(pattern, 'u');
    for (const seed of SEEDS) {
      const text = generateFromPattern(pattern, createRandom(seed));
      expect(regex.test(text), `${JSON.stringify(text)} for seed ${seed}`).toBe(true);
    }
  });

  it('varies the generated strings', () => {
    const texts = new Set(
      SEEDS.map((seed) => generateFromPattern('^[0-9]{10}$', createRandom(seed))),
    );

    expect(texts.size).toBe(SEEDS.length);
  });

  it('uses every alternative', () => {
    const texts = new Set(
      SEEDS.map((seed) => generateFromPattern('^(red|green|blue)$', createRandom(seed))),
    );

    expect(texts).toEqual(new Set(['red', 'green', 'blue']));
  });

  it('bounds open quantifiers', () => {
    for (const seed of SEEDS) {
      const text = generateFromPattern('^a+$', createRandom(seed));
      expect(text.length).toBeGreaterThanOrEqual(1);
      expect(text.length).toBeLessThanOrEqual(5);
    }
  });

  it.each([
    ['^(?=a)a$', /lookaround/],
    ['^(?!a)b$', /lookaround/],
    ['^(a)\\1$', /escape "\\1"/],
    ['^\\bword$', /escape "\\b"/],
    ['^\\p{L}$', /escape "\\p"/],
    ['^(ab$', /no closing "\)"/],
    ['^[ab$', /no closing "]"/],
    ['^ab)$', /unbalanced "\)"/],
    ['^*a$', /quantifier "\*"/],
    ['^a\\', /lone backslash/],
    ['^\\xZZ$', /not valid hexadecimal/],
  ])('rejects %s', (pattern, reason) => {
    const generate = () => generateFromPattern(pattern, createRandom('x'));

    expect(generate).toThrow(UnsupportedPatternError);
    expect(generate).toThrow(reason);
    expect(generate).toThrow(JSON.stringify(pattern));
  });
});
