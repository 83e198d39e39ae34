/** Renders a Markdown table from a header row and data rows of strings or numbers. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Returns a count with its noun, such as `1 round` or `3 rounds`. */
export function plural(count, noun, pluralNoun = `${noun}s`) {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
