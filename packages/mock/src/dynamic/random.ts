/** Source of pseudo-random numbers that the same seed text always replays in the same order. */
export interface Random {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer from `min` to `max`, both included. */
  integer(min: number, max: number): number;
  /** Returns one item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Returns true with the given probability, from 0 to 1. */
  chance(probability: number): boolean;
}

/**
 * Creates a generator seeded from any text. It uses only 32-bit integer arithmetic (the cyrb128
 * hash to expand the seed, then the sfc32 generator), so a seed gives the same sequence on every
 * platform and Node version.
 */
export function createRandom(seedText: string): Random {
  const next = sfc32(...cyrb128(seedText));
  const integer = (min: number, max: number): number => {
    if (max <= min) {
      return min;
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    integer,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) {
        throw new RangeError('Random.pick needs at least one item.');
      }
      return items[integer(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
  };
}

// Small, well-mixed generator by Chris Doty-Humphrey, from the PractRand suite. Period 2^128.
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

// Hashes text into four 32-bit words, so that similar seeds ("1", "2") start far apart.
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
