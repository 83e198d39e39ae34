/** Renders a Markdown table from a header row and data rows of strings or numbers. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
