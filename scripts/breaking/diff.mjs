// A line diff in the unified format of `diff -u`, computed with Myers' O(ND) algorithm
// (E. Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1, 1986).

// The trace of the algorithm needs about D² integers for D edited lines, so 3,000 edits keep
// it near 36 MB.
const maxEdits = 3000;

/**
 * Returns a unified diff of two texts, with `context` unchanged lines around each change, or
 * an empty string when the texts are equal. The texts are split on `\n`, and a final newline
 * ends the last line rather than starting an empty one.
 * NOTE: a text without a final newline gets no "\ No newline at end of file" marker.
 */
export function unifiedDiff(
  oldText,
  newText,
  { oldLabel = 'a', newLabel = 'b', context = 3 } = {},
) {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const edits = diffLines(oldLines, newLines);
  if (edits.every(({ type }) => type === ' ')) return '';

  const hunks = groupHunks(edits, context).map(formatHunk);
  return `--- ${oldLabel}\n+++ ${newLabel}\n${hunks.join('')}`;
}

/**
 * Returns the edit script that turns `oldLines` into `newLines`, as `{ type, line }` with type
 * ' ' (kept), '-' (deleted) or '+' (inserted). The script is minimal unless more than
 * maxEdits lines differ between the common start and end, in which case those middle lines
 * are all deleted and inserted.
 */
export function diffLines(oldLines, newLines) {
  let start = 0;
  while (
    start < oldLines.length &&
    start < newLines.length &&
    oldLines[start] === newLines[start]
  ) {
    start++;
  }
  let oldEnd = oldLines.length;
  let newEnd = newLines.length;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === newLines[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }

  const oldMiddle = oldLines.slice(start, oldEnd);
  const newMiddle = newLines.slice(start, newEnd);
  const middle = myers(oldMiddle, newMiddle) ?? [
    ...oldMiddle.map((line) => ({ type: '-', line })),
    ...newMiddle.map((line) => ({ type: '+', line })),
  ];
  return [
    ...oldLines.slice(0, start).map((line) => ({ type: ' ', line })),
    ...middle,
    ...oldLines.slice(oldEnd).map((line) => ({ type: ' ', line })),
  ];
}

// Returns the minimal edit script, or undefined when it needs more than maxEdits edits.
function myers(a, b) {
  const trace = [];
  for (let d = 0; d <= Math.min(a.length + b.length, maxEdits); d++) {
    // current[k + d] is the furthest x reached on diagonal k = x - y with d edits.
    const previous = trace[d - 1];
    const current = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1])) {
        x = previous[k + 1 + d - 1];
      } else {
        x = previous[k - 1 + d - 1] + 1;
      }
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      current[k + d] = x;
      if (x >= a.length && y >= b.length) {
        trace.push(current);
        return backtrack(trace, a, b);
      }
    }
    trace.push(current);
  }
  return undefined;
}

function backtrack(trace, a, b) {
  const edits = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1];
    const k = x - y;
    const insertion = k === -d || (k !== d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]);
    const previousK = insertion ? k + 1 : k - 1;
    const previousX = previous[previousK + d - 1];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push({ type: ' ', line: a[--x] });
      y--;
    }
    if (insertion) edits.push({ type: '+', line: b[--y] });
    else edits.push({ type: '-', line: a[--x] });
  }
  while (x > 0) {
    edits.push({ type: ' ', line: a[--x] });
    y--;
  }
  return edits.reverse();
}

// Groups the edits into hunks: each change with up to `context` kept lines on either side,
// and changes closer than twice that in one hunk.
function groupHunks(edits, context) {
  const hunks = [];
  let oldLine = 1;
  let newLine = 1;
  let hunk;
  let keptSinceChange = 0;

  edits.forEach((edit, index) => {
    if (edit.type !== ' ') {
      if (hunk === undefined) {
        const leading = edits.slice(Math.max(0, index - context), index);
        hunk = {
          oldStart: oldLine - leading.length,
          newStart: newLine - leading.length,
          edits: [...leading],
        };
        hunks.push(hunk);
      }
      hunk.edits.push(edit);
      keptSinceChange = 0;
    } else if (hunk !== undefined) {
      keptSinceChange++;
      const nextChange = edits.findIndex((next, position) => position > index && next.type !== ' ');
      const nearNextChange = nextChange !== -1 && nextChange - index <= context;
      if (keptSinceChange <= context || nearNextChange) hunk.edits.push(edit);
      else hunk = undefined;
    }
    if (edit.type !== '+') oldLine++;
    if (edit.type !== '-') newLine++;
  });
  return hunks;
}

function formatHunk({ oldStart, newStart, edits }) {
  const oldCount = edits.filter(({ type }) => type !== '+').length;
  const newCount = edits.filter(({ type }) => type !== '-').length;
  const header = `@@ -${formatRange(oldStart, oldCount)} +${formatRange(newStart, newCount)} @@\n`;
  return header + edits.map(({ type, line }) => `${type}${line}\n`).join('');
}

// Ranges are written as `diff -u` writes them: an empty range names the line before it, and
// a range of one line has no count.
function formatRange(start, count) {
  if (count === 0) return `${start - 1},0`;
  if (count === 1) return `${start}`;
  return `${start},${count}`;
}

function splitLines(text) {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
