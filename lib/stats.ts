import type { TimeStats } from './types.ts';

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** The 97.5% quantile of the standard normal distribution. */
const Z_975 = 1.959964;

/** Student's t 95% critical value; beyond the table, the Cornish-Fisher expansion (error < 0.001). */
export function tCritical95(df: number): number {
  if (df < 1) return Number.NaN;
  const tabled = T_95[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_975;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** Quantile of sorted values, linear interpolation between order statistics (type 7, as tinybench). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  return low + ((sorted[upper] as number) - low) * (position - lower);
}

/** Median of values in any order (sorts a copy). */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}

/**
 * Distribution-free 95% confidence interval of the median from order statistics: the ranks
 * n/2 ± 1.96·√n/2 of the sorted sample (normal approximation to Binomial(n, 1/2)). With fewer than
 * 6 samples no interval reaches 95%, and the full range is returned.
 */
export function medianInterval(sorted: readonly number[]): [number, number] {
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  if (n < 6) return [sorted[0] as number, sorted[n - 1] as number];
  const half = (Z_975 * Math.sqrt(n)) / 2;
  const lowRank = Math.max(1, Math.floor(n / 2 - half));
  const highRank = Math.min(n, Math.ceil(n / 2 + half + 1));
  return [sorted[lowRank - 1] as number, sorted[highRank - 1] as number];
}

/** Summary statistics of per-call samples (ns). `batch` is recorded, not applied: samples are per call already. */
export function summarize(samplesNs: readonly number[], batch: number): TimeStats {
  const sorted = [...samplesNs].sort((x, y) => x - y);
  const n = sorted.length;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) : 0;
  const sd = Math.sqrt(variance);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((x) => Math.abs(x - median)).sort((x, y) => x - y);
  const [ciLow, ciHigh] = medianInterval(sorted);
  const rme = n > 1 && mean > 0 ? (100 * tCritical95(n - 1) * (sd / Math.sqrt(n))) / mean : 0;
  return {
    median_ns: median,
    mean_ns: mean,
    p75_ns: quantile(sorted, 0.75),
    p99_ns: quantile(sorted, 0.99),
    min_ns: sorted[0] as number,
    max_ns: sorted[n - 1] as number,
    sd_ns: sd,
    mad_ns: quantile(deviations, 0.5),
    ci_low_ns: ciLow,
    ci_high_ns: ciHigh,
    rme_pct: rme,
    samples: n,
    batch,
  };
}

/** An evenly spaced subsequence (time order kept) of at most `limit` samples, for storage. */
export function thin(samples: readonly number[], limit: number): number[] {
  if (samples.length <= limit) return [...samples];
  const step = samples.length / limit;
  return Array.from({ length: limit }, (_, i) => samples[Math.floor(i * step)] as number);
}
