import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/dynamic/random.js';

function sequence(seed: string, length = 20): number[] {
  const random = createRandom(seed);
  return Array.from({ length }, () => random.next());
}

describe('createRandom', () => {
  it('replays the same sequence for a seed', () => {
    expect(sequence('pulse')).toEqual(sequence('pulse'));
  });

  it('gives different sequences for near seeds', () => {
    expect(sequence('1')).not.toEqual(sequence('2'));
    expect(sequence('a')[0]).not.toBe(sequence('b')[0]);
  });

  it('keeps fixed values for a seed', () => {
    // Pinned, so that a change to the hash or the generator, which changes every seeded body,
    // fails here first and can be noted for users who stored bodies.
    expect(createRandom('pulse').next().toFixed(8)).toBe('0.26467147');
    expect(createRandom('42').integer(1, 1_000_000)).toBe(878688);
  });

  it('returns floats in [0, 1)', () => {
    for (const value of sequence('range', 5000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('reaches both integer bounds and nothing outside', () => {
    const random = createRandom('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.integer(3, 7));

    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('returns min when the range is empty', () => {
    expect(createRandom('x').integer(5, 5)).toBe(5);
    expect(createRandom('x').integer(5, 4)).toBe(5);
  });

  it('picks every item of a list', () => {
    const random = createRandom('pick');
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(random.pick(['a', 'b', 'c']));

    expect(seen).toEqual(new Set(['a', 'b', 'c']));
  });

  it('rejects picking from an empty list', () => {
    expect(() => createRandom('x').pick([])).toThrow(RangeError);
  });

  it('draws chance near its probability', () => {
    const random = createRandom('chance');
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (random.chance(0.8)) hits++;

    expect(hits).toBeGreaterThan(7700);
    expect(hits).toBeLessThan(8300);
  });
});
