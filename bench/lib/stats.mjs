/** Statistics shared by the benchmark suites. Inputs are plain arrays of numbers. */

/** Returns the value below which `p` percent of `values` fall (nearest-rank method). */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('percentile() needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(values, 50);
}

/** Formats a ratio such as 1.034 as `1.03×`. */
export function formatRatio(ratio) {
  return `${ratio.toFixed(2)}×`;
}
