import { INTERVAL_ALPHA } from './interval-constants.ts';
import { studentQuantileTwoSided } from './special.ts';
import { INTERVAL_BASES, type IntervalBasis, type ProcessInterval, type RatioInterval } from './types.ts';

/** Bases from the strongest to the weakest: a ratio is as good as the weaker of its two cells. */

/**
 * The ratio of two cells' estimates (numerator / denominator; a speedup when the denominator is
 * naive's or bottom-up's time at the same n) and the 95% prediction interval of the ratio another
 * run would report. The cells were measured in different processes, so their errors are
 * independent: on the log scale the prediction variances add. The degrees of freedom are the
 * smaller of the two (the conservative solution of the Behrens-Fisher problem): Welch-Satterthwaite's
 * approximation, which adds them when the variances are alike, assumes each variance is a
 * chi-square estimate, but with 2-3 processes a cell's variance is mostly the prior's, whose
 * heavy tail is what covers cells noisier than the run's typical one; with Welch-Satterthwaite,
 * ratios of TYPICAL_WORLD (test/process-simulation.ts) covered 87% at 2 and 3 processes, with the
 * smaller df 91% and 90%.
 */
export function ratioInterval(numerator: ProcessInterval, denominator: ProcessInterval): RatioInterval {
  const a = numerator.prediction_variance_log;
  const b = denominator.prediction_variance_log;
  const variance = a + b;
  const df = Math.min(numerator.df, denominator.df);
  const half = studentQuantileTwoSided(INTERVAL_ALPHA, df) * Math.sqrt(variance);
  const ratio = numerator.estimate_ns / denominator.estimate_ns;
  return {
    ratio,
    low: ratio * Math.exp(-half),
    high: ratio * Math.exp(half),
    half_width_pct: 100 * Math.expm1(half),
    basis: INTERVAL_BASES[
      Math.max(INTERVAL_BASES.indexOf(numerator.basis), INTERVAL_BASES.indexOf(denominator.basis))
    ] as IntervalBasis,
    df,
  };
}
