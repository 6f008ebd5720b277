import {
  digamma,
  fUpperTail,
  studentQuantileTwoSided,
  studentTwoSided,
  trigamma,
  trigammaInverse,
} from '../lib/special.ts';
import { median } from '../lib/stats.ts';
import { trimmedLogMean } from '../lib/trimmed-log-mean.ts';

/**
 * A t-test on the logs of the process medians whose variance borrows strength from all the cells
 * of the comparison (Smyth 2004, the "moderated t" of limma, built for thousands of parallel tests
 * with two or three replicates each, which is exactly a benchmark run repeated in 3 processes).
 *
 * Why not a plain test per cell: with 3 processes per side, a per-cell variance has 4 degrees of
 * freedom. A cell whose 6 processes happen to agree closely gets a tiny variance and a huge t, so a
 * plain t-test cries wolf, and to pass a multiple-testing correction over hundreds of cells its
 * critical value is so large (t > 8.6 at 4 df for p < 5e-4) that a 10% slowdown is rarely caught.
 * A rank test on 3 + 3 process medians cannot go below p = 0.1 at all. The moderated variance is a
 * weighted mean of the cell's own variance (d df) and a prior fitted to all cells (d0 df), and the
 * t statistic has d + d0 degrees of freedom.
 */

/** The prior of the cell variances: a scaled inverse chi-square with `df` degrees of freedom around `variance`. */
export interface VariancePrior {
  /** Typical variance of the log process medians within a cell (log units squared). */
  variance: number;
  /** How many degrees of freedom the prior is worth (0: no borrowing; capped at MAX_PRIOR_DF). */
  df: number;
}

/** Fewest cells with a variance for a prior to be fitted; below it, each cell stands alone (df 0). */
export const MIN_PRIOR_CELLS = 10;

/**
 * The prior never counts for more than this many degrees of freedom, so that a cell's own spread
 * always keeps some weight (limma lets it grow without bound).
 */
export const MAX_PRIOR_DF = 30;

/**
 * A cell whose variance is this improbable under the prior (upper tail of F(d, d0)) is judged by
 * its own variance alone (limma's robust mode does the same more smoothly). A run mixes calm cells
 * with a few bimodal ones (here: closure variants, 10-40% between processes); shrinking those
 * towards the calm majority would turn their noise into false alarms.
 */
export const OUTLIER_P = 0.01;

/**
 * Process medians closer than this (relative, ~0.1%) are not resolved: timer granularity and
 * batch rounding make identical medians common for fast cells. A zero variance would also make
 * log(variance) infinite in the prior fit.
 */
export const VARIANCE_FLOOR = 1e-3 ** 2;

/**
 * Fits the prior by limma's method of moments on log variances (fitFDist): E[log s^2] and
 * Var[log s^2] of a scaled chi-square are known in terms of digamma and trigamma. Robust version:
 * the centre is the median (shifted by the known median - mean gap of log chi-square) and the
 * spread comes from the median absolute deviation, so that the bimodal cells, far in the upper
 * tail, do not inflate the prior; they are then set apart by OUTLIER_P.
 */
export function fitPrior(variances: readonly number[], dfs: readonly number[]): VariancePrior {
  const usable = variances
    .map((variance, index) => ({ variance: Math.max(variance, VARIANCE_FLOOR), df: dfs[index] as number }))
    .filter(({ variance, df }) => df > 0 && Number.isFinite(variance));
  if (usable.length < MIN_PRIOR_CELLS) return { variance: Number.NaN, df: 0 };
  const e = usable.map(({ variance, df }) => Math.log(variance) - digamma(df / 2) + Math.log(df / 2));
  const typicalDf = median(usable.map(({ df }) => df));
  // Median of chi-square(d)/d by Wilson-Hilferty; its log minus the mean of the log is the gap.
  const chiMedian = (1 - 2 / (9 * typicalDf)) ** 3;
  const gap = Math.log(chiMedian) - (digamma(typicalDf / 2) - Math.log(typicalDf / 2));
  const middle = median(e);
  const centre = middle - gap;
  const mad = median(e.map((x) => Math.abs(x - middle)));
  const spread = (1.4826 * mad) ** 2;
  const excess = spread - usable.reduce((sum, { df }) => sum + trigamma(df / 2), 0) / usable.length;
  if (excess <= 0) return { variance: Math.exp(centre), df: MAX_PRIOR_DF };
  const df = Math.min(2 * trigammaInverse(excess), MAX_PRIOR_DF);
  return { variance: Math.exp(centre + digamma(df / 2) - Math.log(df / 2)), df };
}

/** The per-cell ingredients of the test, on the log scale. */
export interface LogSummary {
  /** Mean of log b minus that of log a (after trimming): the log of the ratio of geometric means. */
  diff: number;
  /**
   * Pooled variance such that the standard error of `diff` is sqrt(variance * (1/keptA + 1/keptB)):
   * the pooled two-sample variance, inflated for the trimming (see TRIM_INFLATION).
   */
  variance: number;
  /** Its degrees of freedom, keptA + keptB - 2. */
  df: number;
  /** Processes kept after trimming, per run. */
  keptA: number;
  keptB: number;
}

/** Summarizes two sets of process medians (ns, all > 0) on the log scale. */
export function logSummary(a: readonly number[], b: readonly number[]): LogSummary {
  const ta = trimmedLogMean(a.map(Math.log));
  const tb = trimmedLogMean(b.map(Math.log));
  const df = ta.kept + tb.kept - 2;
  // Both runs usually have the same count; with different counts the larger factor is the safe one.
  const factor = Math.max(ta.factor, tb.factor);
  // One process a side: no squares and no degrees of freedom, and 0 / 0 is the NaN that says so.
  const variance = (factor * (ta.squares + tb.squares)) / df;
  return { diff: tb.mean - ta.mean, variance, df, keptA: ta.kept, keptB: tb.kept };
}

/** The moderated test of one cell: two-sided p-value and a confidence interval of the ratio. */
export interface ModeratedTest {
  t: number;
  /** True when the cell's own variance was an outlier under the prior and was used alone. */
  outlier: boolean;
  df: number;
  p: number;
  /** exp(diff): ratio of the (trimmed) geometric means of the process medians, B / A. */
  ratio: number;
  ciLow: number;
  ciHigh: number;
}

/** A cell's variance moderated by the prior, with the degrees of freedom it is worth. */
export interface ModeratedVariance {
  /** (d0 s0^2 + d s^2) / (d0 + d), log units squared; NaN when neither the cell nor a prior has any. */
  variance: number;
  /** d0 + d (0: nothing to test with). */
  df: number;
  /** True when the cell's own variance was an outlier under the prior and was used alone. */
  outlier: boolean;
}

/**
 * A cell's own variance (`df` degrees of freedom; floored at VARIANCE_FLOOR) moderated by the prior:
 * the weighted mean of both, unless the cell is an outlier under the prior (OUTLIER_P). A cell
 * without degrees of freedom of its own takes the prior's variance alone.
 */
export function moderate(variance: number, df: number, prior: VariancePrior): ModeratedVariance {
  if (!(df > 0)) {
    return prior.df > 0
      ? { variance: prior.variance, df: prior.df, outlier: false }
      : { variance: Number.NaN, df: 0, outlier: false };
  }
  const own = Math.max(variance, VARIANCE_FLOOR);
  const outlier = prior.df > 0 && fUpperTail(own / prior.variance, df, prior.df) < OUTLIER_P;
  const priorDf = outlier ? 0 : prior.df;
  return {
    variance: priorDf > 0 ? (priorDf * prior.variance + df * own) / (priorDf + df) : own,
    df: priorDf + df,
    outlier,
  };
}

/** The moderated t-test of one cell under `prior`; the interval has level 1 - alpha (not adjusted). */
export function moderatedTest(cell: LogSummary, prior: VariancePrior, alpha: number): ModeratedTest {
  const { variance, df, outlier } = moderate(cell.variance, cell.df, prior);
  const se = Math.sqrt(variance * (1 / cell.keptA + 1 / cell.keptB));
  const t = cell.diff / se;
  const half = studentQuantileTwoSided(alpha, df) * se;
  return {
    t,
    outlier,
    df,
    p: studentTwoSided(t, df),
    ratio: Math.exp(cell.diff),
    ciLow: Math.exp(cell.diff - half),
    ciHigh: Math.exp(cell.diff + half),
  };
}
