import logGamma from '@stdlib/math-base-special-gammaln';
import { PRIOR_BAND_CELLS, PRIOR_MAX_DF, PRIOR_MIN_CELLS, PRIOR_MIN_DF } from './interval-constants.ts';
import { median } from './stats.ts';
import type { ProcessPrior, ProcessSummary } from './types.ts';

/**
 * The run-wide prior of the spread between processes (Smyth 2004's empirical Bayes, as in
 * checks/moderated.ts, with limma-trend's dependence on the cell's level). Every cell's sample
 * variance s^2 of its log process medians, with d degrees of freedom, is taken as
 * s0^2(duration) times an F(d, d0) variable: its true variance scatters around a typical value
 * for its duration like a scaled inverse chi-square with d0 degrees of freedom.
 *
 * How it is fitted, and why not like checks/moderated.ts: the shape of s0^2 over durations is the
 * median log variance in bands of PRIOR_BAND_CELLS cells (robust, so bimodal cells do not pull
 * it), then its level and d0 are fitted by maximum likelihood of F(d, d0), which handles cells with
 * different process counts exactly. limma's moment fit reads the spread of log s^2 from its median
 * absolute deviation assuming a near-normal log variance; with 2 processes (d = 1) log s^2 is far
 * from normal (its own spread, 2.2, hides the cells' differences). In TYPICAL_WORLD
 * (test/process-simulation.ts), whose cells' spreads differ by e^±0.6, that fit gave d0 = 28 with
 * 2 processes (the likelihood: 1.4) and covered 90% of another run's estimates (this fit: 96%).
 */

/** The median of chi-square(d) / d (Wilson-Hilferty); its log centres log s^2 on log sigma^2. */
function chiSquareMedian(df: number): number {
  return (1 - 2 / (9 * df)) ** 3;
}

/** The prior's typical variance at a duration: knots interpolated on log duration, constant beyond them. */
export function priorVarianceAt(prior: ProcessPrior, durationNs: number): number {
  const x = Math.log(durationNs);
  const knots = prior.knots.map((knot) => ({
    x: Math.log(knot.duration_ns),
    y: Math.log(knot.variance_log),
  }));
  const first = knots[0] as { x: number; y: number };
  if (x <= first.x) return Math.exp(first.y);
  for (let i = 1; i < knots.length; i++) {
    const right = knots[i] as { x: number; y: number };
    if (x <= right.x) {
      const left = knots[i - 1] as { x: number; y: number };
      return Math.exp(left.y + ((right.y - left.y) * (x - left.x)) / (right.x - left.x));
    }
  }
  return Math.exp((knots.at(-1) as { x: number; y: number }).y);
}

/** Maximum of a unimodal function on [low, high] by golden-section search. */
function argmax(f: (x: number) => number, low: number, high: number, steps: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Golden-section steps per search: the bracket shrinks to 0.618^25 ~ 6e-6 of its width. */
const SEARCH_STEPS = 25;
/** The level of the prior is searched within e^±3 of the band medians (they are its median-unbiased estimate). */
const LEVEL_RANGE = 3;

/**
 * Fits the prior to the cells of a run (their summaries, any process counts); null when fewer
 * than PRIOR_MIN_CELLS cells have two or more processes.
 */
export function fitProcessPrior(summaries: readonly ProcessSummary[]): ProcessPrior | null {
  const cells = summaries
    .filter((summary) => summary.df >= 1 && Number.isFinite(summary.log_estimate))
    .map((summary) => ({ x: summary.log_estimate, df: summary.df, variance: summary.variance_log }))
    .sort((a, b) => a.x - b.x);
  if (cells.length < PRIOR_MIN_CELLS) return null;

  const bandCount = Math.max(1, Math.floor(cells.length / PRIOR_BAND_CELLS));
  const knots = Array.from({ length: bandCount }, (_, band) => {
    const members = cells.slice(
      Math.floor((band * cells.length) / bandCount),
      Math.floor(((band + 1) * cells.length) / bandCount),
    );
    return {
      x: median(members.map((cell) => cell.x)),
      y: median(members.map((cell) => Math.log(cell.variance / chiSquareMedian(cell.df)))),
    };
  });
  const shape: ProcessPrior = {
    knots: knots.map((knot) => ({ duration_ns: Math.exp(knot.x), variance_log: Math.exp(knot.y) })),
    df: 0,
    cells: cells.length,
  };
  const logBase = cells.map((cell) => Math.log(priorVarianceAt(shape, Math.exp(cell.x))));
  const logVariance = cells.map((cell) => Math.log(cell.variance));

  // log density of s^2 = v F(d, d0): c(d, d0) + (d/2 - 1) log y - (d + d0)/2 log(d y + d0) - log v, y = s^2 / v.
  const logLikelihood = (level: number, d0: number): number => {
    const constants = new Map<number, number>();
    let sum = 0;
    cells.forEach((cell, index) => {
      const d = cell.df;
      let c = constants.get(d);
      if (c === undefined) {
        c =
          (d / 2) * Math.log(d) +
          (d0 / 2) * Math.log(d0) +
          logGamma((d + d0) / 2) -
          logGamma(d / 2) -
          logGamma(d0 / 2);
        constants.set(d, c);
      }
      const logV = (logBase[index] as number) + level;
      const logY = (logVariance[index] as number) - logV;
      sum += c + (d / 2 - 1) * logY - ((d + d0) / 2) * Math.log(d * Math.exp(logY) + d0) - logV;
    });
    return sum;
  };
  const bestLevel = (d0: number) =>
    argmax((level) => logLikelihood(level, d0), -LEVEL_RANGE, LEVEL_RANGE, SEARCH_STEPS);
  const df = Math.exp(
    argmax(
      (logD0) => logLikelihood(bestLevel(Math.exp(logD0)), Math.exp(logD0)),
      Math.log(PRIOR_MIN_DF),
      Math.log(PRIOR_MAX_DF),
      SEARCH_STEPS,
    ),
  );
  const level = bestLevel(df);
  return {
    knots: knots.map((knot) => ({ duration_ns: Math.exp(knot.x), variance_log: Math.exp(knot.y + level) })),
    df,
    cells: cells.length,
  };
}
