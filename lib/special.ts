import digamma from '@stdlib/math-base-special-digamma';
import polygamma from '@stdlib/math-base-special-polygamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import studentCdf from '@stdlib/stats-base-dists-t-cdf';
import studentQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * The tails and quantiles the statistics of runs and checks need (process intervals, variance
 * priors, the comparisons), the digamma family of the priors, and limma's inverse trigamma,
 * on stdlib's special functions (maintained, and tested against reference values to double
 * precision). Each tail is taken from the lower end, where stdlib computes it directly:
 * 1 - cdf(|t|) would lose every digit of a p-value below 1e-16.
 *
 * Infinite degrees of freedom (an interval that rests on many samples of one process) take the
 * normal limit: stdlib's t CDF returns 0.5 and its quantile NaN there.
 */

/** P(Z <= z) for a standard normal Z. */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** The z with P(Z <= z) = p for a standard normal Z. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom. */
export function studentTwoSided(t: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return normalTwoSided(t);
  return Math.min(1, 2 * studentCdf(-Math.abs(t), df));
}

/** The t >= 0 with P(|T| >= t) = p, for Student's t with `df` degrees of freedom. */
export function studentQuantileTwoSided(p: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return -normalQuantile(p / 2, 0, 1);
  return -studentQuantile(p / 2, df);
}

/**
 * The y with ψ'(y) = x (x > 0), by limma's Newton iteration (Smyth 2004) from its starting point;
 * stdlib has trigamma but not its inverse.
 */
export function trigammaInverse(x: number): number {
  if (x > 1e7) return 1 / Math.sqrt(x);
  if (x < 1e-6) return 1 / x;
  let y = 0.5 + 1 / x;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(y);
    const step = (tri * (1 - tri / x)) / polygamma(2, y);
    y += step;
    if (-step / y < 1e-8) break;
  }
  return y;
}

/**
 * P(F(d1, d2) >= f): the upper tail of Fisher's F distribution (1 for f <= 0, NaN for NaN). As
 * 1 - CDF it is exact to about 1e-16 absolute, plenty for an outlier test at p = 0.01.
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  return 1 - fCdf(f, d1, d2);
}

/** ψ(x) and ψ'(x), stdlib's, for the variance priors. */
export { digamma, trigamma };
