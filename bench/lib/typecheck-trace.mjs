// Helpers that read where a `tsc` run spends its check time, from the files that
// `tsc --generateTrace DIR` writes. trace.json contains timed events with source positions, and
// types.json every type that the checker created, with the declaration it came from.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const TSC_TIMEOUT_MS = 5 * 60_000;

/** Type-checks the project in `projectDir` once with `--generateTrace traceDir`. */
export async function generateTrace(projectDir, traceDir) {
  await execFileAsync(process.execPath, [tsc, '-p', projectDir, '--generateTrace', traceDir], {
    timeout: TSC_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Returns the check time in ms that the trace records inside each source range of `file`,
 * given as `{ id, start, end }` character offsets. Only the outermost events inside a range
 * count, because nested events are part of their parent's duration. tsc records only events
 * above a minimum duration, so the sums are lower bounds.
 */
export async function checkTimeByRange(traceDir, file, ranges) {
  const events = JSON.parse(await readFile(path.join(traceDir, 'trace.json'), 'utf8'))
    .filter((event) => event.ph === 'X' && event.cat === 'check' && event.args?.path === file)
    .sort((a, b) => a.ts - b.ts);
  const totals = new Map(ranges.map((range) => [range.id, 0]));
  let outerEnd = -Infinity;
  for (const event of events) {
    // A node's `pos` includes the whitespace before it, so ranges start at the first token.
    const range = ranges.find(
      (candidate) => event.args.end > candidate.start && event.args.end <= candidate.end,
    );
    if (range === undefined || event.ts < outerEnd) continue;
    totals.set(range.id, totals.get(range.id) + event.dur / 1000);
    outerEnd = event.ts + event.dur;
  }
  return totals;
}

/**
 * Counts the types that the checker created per declaration, such as `Pick` in lib.es5.d.ts
 * or an anonymous object type in the client's declarations, and returns the `limit` largest
 * counts with file paths relative to `rootDir`. Type parameters are left out, because each
 * instantiation of a mapped type such as `Pick` also creates one for its key.
 */
export async function typesByDeclaration(traceDir, rootDir, limit) {
  const types = JSON.parse(await readFile(path.join(traceDir, 'types.json'), 'utf8'));
  const counts = new Map();
  for (const type of types) {
    const declaration = type.firstDeclaration?.path;
    const name = type.aliasSymbolName ?? type.symbolName;
    if (declaration === undefined || name === undefined) continue;
    if (type.flags?.includes('TypeParameter')) continue;
    const key = `${name}\u0000${declaration}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    total: types.length,
    top: [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, count]) => {
        const [name, declaration] = key.split('\u0000');
        return { name, file: path.relative(rootDir, declaration), count };
      }),
  };
}
