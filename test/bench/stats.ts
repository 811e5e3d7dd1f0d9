/**
 * What every benchmark shares: the `--quick` switch (reduced sizes and fewer runs, for CI, so a broken
 * benchmark is noticed without paying for the full sizes) and the statistics the figures are reported with
 * (median of the runs after a warm-up; nearest-rank percentiles of latency samples).
 * Pure: no Node built-ins, so the browser bench entry can use it too.
 */

/** Reduced sizes and fewer runs: `npm run bench -- --quick`. */
export type BenchMode = 'full' | 'quick';

export function modeFromArgs(args: readonly string[]): BenchMode {
  return args.includes('--quick') ? 'quick' : 'full';
}

/** Median (upper median for an even count: a slow run is never averaged away). NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Runs `once` `warmups` times unmeasured, then `runs` times; returns every measured result. */
export async function repeat<T>(
  runs: number,
  warmups: number,
  once: (index: number) => Promise<T>,
): Promise<T[]> {
  for (let i = 0; i < warmups; i += 1) await once(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(i));
  return results;
}
