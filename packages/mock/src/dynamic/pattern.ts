import type { Random } from './random.js';

/** Pattern that the generator cannot turn into matching strings, with the reason. */
export class UnsupportedPatternError extends Error {
  override readonly name = 'UnsupportedPatternError';
}

// A parsed regular expression: alternatives of sequences of quantified atoms.
type Alternatives = Term[][];
interface Term {
  atom: Atom;
  min: number;
  max: number;
}
type Atom =
  | { kind: 'set'; ranges: CodeRange[]; negated: boolean }
  | { kind: 'group'; alternatives: Alternatives }
  | { kind: 'anchor' };
type CodeRange = [from: number, to: number];

// Repetitions added above the minimum of an open quantifier such as `*`, `+` or `{2,}`.
const OPEN_QUANTIFIER_EXTRA = 4;
const BRACE_QUANTIFIER = /^\{(\d+)(,)?(\d*)\}/;
// Negated sets and `.` draw from printable ASCII, so generated strings stay readable.
const PRINTABLE: CodeRange = [0x20, 0x7e];
const DIGITS: CodeRange[] = [[0x30, 0x39]];
const WORD: CodeRange[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: CodeRange[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
];
const CLASS_ESCAPES: Record<string, { ranges: CodeRange[]; negated: boolean }> = {
  d: { ranges: DIGITS, negated: false },
  D: { ranges: DIGITS, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
  s: { ranges: SPACE, negated: false },
  S: { ranges: SPACE, negated: true },
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

/**
 * Generates a string that the ECMAScript regular expression `pattern` matches, as JSON Schema's
 * `pattern` keyword requires. Supports literals, `.`, character classes and the escapes `\d \w
 * \s` (and their negations), groups, alternation, the quantifiers `? * + {n} {n,} {n,m}`, and
 * the anchors `^ $`. Throws UnsupportedPatternError for lookarounds, backreferences, word
 * boundaries and Unicode property escapes.
 */
export function generateFromPattern(pattern: string, random: Random): string {
  const alternatives = new PatternParser(pattern).parse();
  return generateAlternatives(alternatives, random);
}

function generateAlternatives(alternatives: Alternatives, random: Random): string {
  const sequence = random.pick(alternatives);
  let text = '';
  for (const term of sequence) {
    const count = random.integer(term.min, term.max);
    for (let i = 0; i < count; i++) {
      text += generateAtom(term.atom, random);
    }
  }
  return text;
}

function generateAtom(atom: Atom, random: Random): string {
  switch (atom.kind) {
    case 'anchor':
      return '';
    case 'group':
      return generateAlternatives(atom.alternatives, random);
    case 'set':
      return String.fromCodePoint(pickCodePoint(atom.ranges, atom.negated, random));
  }
}

function pickCodePoint(ranges: CodeRange[], negated: boolean, random: Random): number {
  const candidates = negated ? subtractRanges(PRINTABLE, ranges) : ranges;
  const total = candidates.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
  if (total === 0) {
    throw new UnsupportedPatternError('a character set matches no printable ASCII character');
  }
  let index = random.integer(0, total - 1);
  for (const [from, to] of candidates) {
    const size = to - from + 1;
    if (index < size) {
      return from + index;
    }
    index -= size;
  }
  throw new Error('unreachable: the index is below the total size of the ranges');
}

function subtractRanges(universe: CodeRange, excluded: CodeRange[]): CodeRange[] {
  let remaining: CodeRange[] = [universe];
  for (const [from, to] of excluded) {
    remaining = remaining.flatMap(([start, end]): CodeRange[] => {
      if (to < start || from > end) {
        return [[start, end]];
      }
      const parts: CodeRange[] = [];
      if (from > start) parts.push([start, from - 1]);
      if (to < end) parts.push([to + 1, end]);
      return parts;
    });
  }
  return remaining;
}

/** Recursive-descent parser for the subset of regular expression syntax listed above. */
class PatternParser {
  private position = 0;

  constructor(private readonly pattern: string) {}

  parse(): Alternatives {
    const alternatives = this.parseAlternatives();
    if (this.position < this.pattern.length) {
      this.fail(`unbalanced ")" at position ${this.position}`);
    }
    return alternatives;
  }

  private parseAlternatives(): Alternatives {
    const alternatives: Alternatives = [this.parseSequence()];
    while (this.peek() === '|') {
      this.position++;
      alternatives.push(this.parseSequence());
    }
    return alternatives;
  }

  private parseSequence(): Term[] {
    const terms: Term[] = [];
    while (this.position < this.pattern.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.parseAtom();
      const [min, max] = atom.kind === 'anchor' ? [1, 1] : this.parseQuantifier();
      terms.push({ atom, min, max });
    }
    return terms;
  }

  private parseAtom(): Atom {
    const char = this.pattern[this.position++] as string;
    switch (char) {
      case '^':
      case '$':
        return { kind: 'anchor' };
      case '.':
        // `.` matches anything but line terminators, and printable ASCII has none.
        return { kind: 'set', ranges: [PRINTABLE], negated: false };
      case '(':
        return this.parseGroup();
      case '[':
        return this.parseClass();
      case '\\':
        return this.parseEscape(false);
      case '*':
      case '+':
      case '?':
        return this.fail(`quantifier "${char}" at position ${this.position - 1} follows nothing`);
      default: {
        const codePoint = this.pattern.codePointAt(this.position - 1) as number;
        this.position += codePoint > 0xffff ? 1 : 0;
        return literal(codePoint);
      }
    }
  }

  private parseGroup(): Atom {
    if (this.peek() === '?') {
      const prefix = this.pattern.slice(this.position, this.position + 3);
      if (prefix.startsWith('?:')) {
        this.position += 2;
      } else if (prefix.startsWith('?<') && prefix !== '?<=' && prefix !== '?<!') {
        const end = this.pattern.indexOf('>', this.position);
        if (end === -1) this.fail('a named group has no closing ">"');
        this.position = end + 1;
      } else {
        this.fail(`lookaround "(${prefix}" is not supported`);
      }
    }
    const alternatives = this.parseAlternatives();
    if (this.pattern[this.position++] !== ')') {
      this.fail('a group has no closing ")"');
    }
    return { kind: 'group', alternatives };
  }

  private parseClass(): Atom {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const ranges: CodeRange[] = [];
    while (this.peek() !== ']') {
      if (this.position >= this.pattern.length) {
        this.fail('a character class has no closing "]"');
      }
      const start = this.parseClassMember();
      if (this.peek() === '-' && this.pattern[this.position + 1] !== ']' && start.single) {
        this.position++;
        const end = this.parseClassMember();
        if (!end.single) this.fail('a class range ends in a class escape');
        ranges.push([start.ranges[0]![0], end.ranges[0]![0]]);
      } else {
        ranges.push(...start.ranges);
      }
    }
    this.position++;
    return { kind: 'set', ranges, negated };
  }

  private parseClassMember(): { ranges: CodeRange[]; single: boolean } {
    const char = this.pattern[this.position++] as string;
    if (char !== '\\') {
      const codePoint = this.pattern.codePointAt(this.position - 1) as number;
      this.position += codePoint > 0xffff ? 1 : 0;
      return { ranges: [[codePoint, codePoint]], single: true };
    }
    const atom = this.parseEscape(true);
    if (atom.kind !== 'set') {
      return this.fail('unexpected escape inside a character class');
    }
    if (atom.negated) {
      return { ranges: subtractRanges(PRINTABLE, atom.ranges), single: false };
    }
    const [first] = atom.ranges;
    const single = atom.ranges.length === 1 && first !== undefined && first[0] === first[1];
    return { ranges: atom.ranges, single };
  }

  private parseEscape(inClass: boolean): Atom {
    const char = this.pattern[this.position++];
    if (char === undefined) {
      return this.fail('the pattern ends with a lone backslash');
    }
    const classEscape = CLASS_ESCAPES[char];
    if (classEscape !== undefined) {
      return { kind: 'set', ...classEscape };
    }
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) {
      return literal(control);
    }
    if (char === 'b' && inClass) {
      return literal(8);
    }
    if (char === 'x' || char === 'u') {
      return literal(this.parseHexEscape(char));
    }
    if (/[A-Za-z0-9]/.test(char)) {
      return this.fail(`the escape "\\${char}" is not supported`);
    }
    return literal(char.codePointAt(0) as number);
  }

  private parseHexEscape(kind: 'x' | 'u'): number {
    let digits: string;
    if (kind === 'u' && this.peek() === '{') {
      const end = this.pattern.indexOf('}', this.position);
      digits = this.pattern.slice(this.position + 1, end);
      this.position = end + 1;
    } else {
      const length = kind === 'x' ? 2 : 4;
      digits = this.pattern.slice(this.position, this.position + length);
      this.position += length;
    }
    if (!/^[0-9A-Fa-f]+$/.test(digits)) {
      this.fail(`the escape "\\${kind}${digits}" is not valid hexadecimal`);
    }
    return Number.parseInt(digits, 16);
  }

  private parseQuantifier(): [number, number] {
    const char = this.peek();
    let bounds: [number, number];
    if (char === '?') {
      bounds = [0, 1];
    } else if (char === '*') {
      bounds = [0, OPEN_QUANTIFIER_EXTRA];
    } else if (char === '+') {
      bounds = [1, 1 + OPEN_QUANTIFIER_EXTRA];
    } else if (char === '{' && BRACE_QUANTIFIER.test(this.pattern.slice(this.position))) {
      bounds = this.parseBraceQuantifier();
    } else {
      return [1, 1];
    }
    this.position++;
    // A lazy quantifier (`*?`) matches the same strings, so the suffix changes nothing here.
    if (this.peek() === '?') this.position++;
    return bounds;
  }

  // Reads `{n}`, `{n,}` or `{n,m}` and leaves the position on the closing brace.
  private parseBraceQuantifier(): [number, number] {
    const match = BRACE_QUANTIFIER.exec(this.pattern.slice(this.position)) as RegExpExecArray;
    const [text, minText, comma, maxText] = match;
    this.position += text.length - 1;
    const min = Number(minText);
    if (comma === undefined) {
      return [min, min];
    }
    return [min, maxText === '' ? min + OPEN_QUANTIFIER_EXTRA : Number(maxText)];
  }

  private peek(): string | undefined {
    return this.pattern[this.position];
  }

  private fail(reason: string): never {
    throw new UnsupportedPatternError(
      `the pattern ${JSON.stringify(this.pattern)} is not supported: ${reason}.`,
    );
  }
}

function literal(codePoint: number): Atom {
  return { kind: 'set', ranges: [[codePoint, codePoint]], negated: false };
}
