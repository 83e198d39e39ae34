import type { Random } from './random.js';

// Placeholder words in the style of lorem ipsum, so that generated text is plainly not real data.
const WORDS = [
  'alpha',
  'amet',
  'aurora',
  'beta',
  'calla',
  'cedar',
  'delta',
  'dolor',
  'ember',
  'fern',
  'gamma',
  'harbor',
  'iris',
  'juniper',
  'kappa',
  'lorem',
  'lumen',
  'maple',
  'nova',
  'olive',
  'omega',
  'pine',
  'quartz',
  'river',
  'sigma',
  'tango',
  'umber',
  'vega',
  'willow',
] as const;

// Most generated strings have one to three words, like a name or a short label.
const MAX_WORDS = 3;

/** Returns one lower-case placeholder word. */
export function pickWord(random: Random): string {
  return random.pick(WORDS);
}

/**
 * Returns placeholder words whose length in code points is between `minLength` and `maxLength`.
 * Words are ASCII, so the length in code points equals the length in UTF-16 units.
 */
export function placeholderText(random: Random, minLength: number, maxLength: number): string {
  const words = Array.from({ length: random.integer(1, MAX_WORDS) }, () => pickWord(random));
  let text = words.join(' ');
  while (text.length < minLength) {
    text += ` ${pickWord(random)}`;
  }
  text = text.slice(0, maxLength);
  // A cut at maxLength can end on a space, which becomes a letter so that no text ends blank.
  return text.endsWith(' ') ? `${text.slice(0, -1)}x` : text;
}
