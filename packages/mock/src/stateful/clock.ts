/**
 * Source of the timestamps that the engine writes into `createdAt` and `updatedAt`. The engine
 * ticks it once per request, so every timestamp that one request writes is the same moment.
 */
export interface Clock {
  /** Moves the clock to the moment of a new request. */
  tick(): void;
  /** Returns the moment of the current request as an RFC 3339 date-time in UTC, to the second. */
  now(): string;
}

// A seeded clock starts somewhere in 2026, the year of the spec's examples.
const SEEDED_EPOCH_MS = Date.UTC(2026, 0, 1);
const SECONDS_PER_YEAR = 365 * 24 * 60 * 60;

/**
 * Returns the system clock, or with a seed a clock that makes the engine reproducible. A seeded
 * clock starts at an instant derived from the seed and moves one second forward on every tick,
 * so the same seed and the same requests give the same timestamps.
 */
export function createClock(seed: string | number | undefined): Clock {
  if (seed === undefined) {
    let current = Date.now();
    return { tick: () => void (current = Date.now()), now: () => formatMoment(current) };
  }
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string') {
    throw new TypeError(
      `Invalid seed ${String(seed)}: expected a string or a finite number. ` +
        'Pass a value such as 42 or "demo", or leave the seed out to use the system clock.',
    );
  }
  let current = SEEDED_EPOCH_MS + (hashSeed(String(seed)) % SECONDS_PER_YEAR) * 1000;
  return { tick: () => void (current += 1000), now: () => formatMoment(current) };
}

function formatMoment(milliseconds: number): string {
  // Whole seconds, as the API's own timestamps are written.
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** FNV-1a, 32 bits: a stable hash, so a seed means the same instant on every platform. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
