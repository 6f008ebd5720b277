/**
 * The centre of a cell measured in several processes: the mean of the log process medians (their
 * geometric mean), the slowest process set aside once there are enough. Shared by the same-machine
 * comparison (checks/moderated.ts) and the process-level interval of a run (process-interval.ts),
 * so that a run and a comparison of runs quote the same centre.
 */

/**
 * With this many processes or more, the slowest process of each run is set aside. Disturbed
 * processes are real and one-sided: in two ci runs of the same code on a shared machine, every
 * process median far from its siblings was slower (up to 2x: contention, an unlucky JIT decision),
 * never faster. One such process would inflate the cell's variance and hide a real slowdown, or
 * shift the mean and fake one. Trimming only the slow end keeps a genuinely noisy cell noisy (its
 * fast processes still spread), so it is not mistaken for a calm one. With 3 processes nothing is
 * trimmed (2 left would give a variance of 1 degree of freedom), which is why 5 is the default.
 * A run's own intervals, which borrow their variance from a prior over the run, trim from 2
 * (RUN_TRIM_FROM in interval-constants.ts).
 */
export const TRIM_FROM = 4;

/**
 * Var(mean of the r - 1 smallest of r normals) / (E[sample variance of those r - 1] / (r - 1)), by
 * Monte Carlo (10^6 draws per r; r = 3 for RUN_TRIM_FROM): the factor by which the naive standard error of a mean with the
 * maximum dropped must be inflated (the kept values are less spread than the population).
 */
const TRIM_INFLATION: Record<number, number> = {
  3: 1.33,
  4: 1.314,
  5: 1.293,
  6: 1.274,
  7: 1.256,
  8: 1.242,
  9: 1.224,
  10: 1.214,
  12: 1.2,
  16: 1.169,
};

/**
 * The inflation of the squared standard error of the trimmed mean of r processes (1 below
 * `trimFrom`; NaN for 2 trimmed to 1, which leaves no spread to inflate).
 */
export function trimInflation(r: number, trimFrom: number = TRIM_FROM): number {
  if (r < trimFrom) return 1;
  const known = Object.keys(TRIM_INFLATION)
    .map(Number)
    .filter((k) => k <= r);
  return known.length === 0 ? Number.NaN : (TRIM_INFLATION[Math.max(...known)] as number);
}

/** Processes an estimate from r processes rests on after trimming from `trimFrom` on. */
export function keptProcesses(r: number, trimFrom: number = TRIM_FROM): number {
  return r >= trimFrom ? r - 1 : r;
}

/** One run's log process medians after trimming: their mean, sum of squared deviations, count and inflation. */
export interface TrimmedLogMean {
  mean: number;
  squares: number;
  kept: number;
  /** trimInflation of the count before trimming. */
  factor: number;
}

/** One run's log process medians, the slowest set aside when there are `trimFrom` or more. */
export function trimmedLogMean(logs: readonly number[], trimFrom: number = TRIM_FROM): TrimmedLogMean {
  const sorted = [...logs].sort((x, y) => x - y);
  const kept = sorted.slice(0, keptProcesses(sorted.length, trimFrom));
  const mean = kept.reduce((sum, x) => sum + x, 0) / kept.length;
  const squares = kept.reduce((sum, x) => sum + (x - mean) ** 2, 0);
  return { mean, squares, kept: kept.length, factor: trimInflation(sorted.length, trimFrom) };
}

/** The geometric mean of process medians (ns), the slowest set aside from 4 on: the centre a run is compared by. */
export function trimmedGeometricMean(values: readonly number[]): number {
  return Math.exp(trimmedLogMean(values.map(Math.log)).mean);
}
