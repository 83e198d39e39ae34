import type { Random } from './random.js';
import { pickWord } from './words.js';

// Generated moments fall between these dates, so that they read as recent records.
const EARLIEST_MS = Date.UTC(2020, 0, 1);
const LATEST_MS = Date.UTC(2026, 11, 31, 23, 59, 59);

type FormatGenerator = (random: Random) => string;

// Domains and addresses come from the ranges reserved for documentation: example.org
// (RFC 2606), 192.0.2.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849), so no value is real.
const STRING_FORMATS: Record<string, FormatGenerator> = {
  date: (random) => randomMoment(random).slice(0, 10),
  'date-time': randomMoment,
  time: (random) => randomMoment(random).slice(11),
  email: (random) => `${pickWord(random)}.${pickWord(random)}${random.integer(1, 99)}@example.org`,
  'idn-email': (random) => `${pickWord(random)}${random.integer(1, 99)}@example.org`,
  hostname: (random) => `${pickWord(random)}.example.org`,
  'idn-hostname': (random) => `${pickWord(random)}.example.org`,
  ipv4: (random) => `192.0.2.${random.integer(1, 254)}`,
  ipv6: (random) => `2001:db8::${random.integer(1, 0xffff).toString(16)}`,
  uri: randomUrl,
  url: randomUrl,
  iri: randomUrl,
  'uri-reference': randomUrl,
  'iri-reference': randomUrl,
  uuid: randomUuid,
  byte: (random) => Buffer.from(randomBytes(random, 12)).toString('base64'),
  password: (random) => `${pickWord(random)}-${random.integer(1000, 9999)}`,
};

/** Returns a generator of strings in `format`, or undefined for a format this module lacks. */
export function stringFormat(format: string | undefined): FormatGenerator | undefined {
  return format === undefined ? undefined : STRING_FORMATS[format];
}

/** Integer bounds that the OpenAPI formats int32 and int64 imply. */
export function integerFormatBounds(format: string | undefined): [number, number] | undefined {
  if (format === 'int32') {
    return [-(2 ** 31), 2 ** 31 - 1];
  }
  if (format === 'int64') {
    return [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  }
  return undefined;
}

function randomMoment(random: Random): string {
  const seconds = random.integer(EARLIEST_MS / 1000, LATEST_MS / 1000);
  // RFC 3339 date-time without fractional seconds, such as 2024-05-06T12:34:56Z.
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function randomUrl(random: Random): string {
  return `https://example.org/${pickWord(random)}/${random.integer(1, 9999)}`;
}

// A version 4 UUID (RFC 9562): random bits except the version nibble and the variant bits.
function randomUuid(random: Random): string {
  const bytes = randomBytes(random, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.integer(0, 255));
}
