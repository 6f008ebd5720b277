import {
  standardNormalCdf as normalCdf,
  standardNormalQuantile as normalQuantile,
  studentQuantileTwoSided,
} from '../lib/special.ts';
import type { SpendingFunction } from '../lib/types.ts';

/**
 * Two-sided group-sequential boundaries by the alpha-spending approach of Lan and DeMets (1983):
 * a test looked at K times spends its level alpha a little at each look, so that the chance of
 * crossing a boundary at ANY look, when nothing changed, is alpha; the looks need not be equally
 * spaced nor their number fixed in advance, only the most information (here: the rounds cap).
 *
 * Why this and not a confidence sequence: tier 2 looks after each ABBA block of rounds, a few times
 * (at most cap / 2), never continuously. A confidence sequence pays for infinitely many looks and
 * is much wider at 4-12 rounds; the spending boundaries pay only for the looks taken.
 *
 * The boundary c_k of look k solves P(|Z_1| < c_1, ..., |Z_{k-1}| < c_{k-1}, |Z_k| >= c_k) =
 * alpha(t_k) - alpha(t_{k-1}) for the z statistics of a Brownian motion observed at information
 * fractions t_1 < ... < t_k (Z_k = (Z_{k-1} sqrt(t_{k-1}) + N(0, t_k - t_{k-1})) / sqrt(t_k)),
 * by recursive numerical integration of the density of Z on the continuation region (Armitage,
 * McPherson and Rowe 1969; Jennison and Turnbull 2000, ch. 19), Simpson's rule on GRID_POINTS.
 * Checked against rpact 3.3.4 (test/fixtures/rpact-boundaries.R).
 */

/** Points of Simpson's rule across the continuation region (odd): boundaries to about 1e-6. */
export const GRID_POINTS = 401;

/** Bisection steps for a boundary between 0 and MAX_Z: the last step is below 1e-12. */
const BISECTION_STEPS = 60;

/** Beyond this z a two-sided tail is below 1e-200: no alpha that a gate spends needs more. */
const MAX_Z = 30;

/**
 * Cumulative alpha spent by information fraction t (0 < t <= 1), two-sided, alpha / 2 on each
 * side: the O'Brien-Fleming type, each side 2 - 2 Phi(z_{alpha/4} / sqrt(t)), spends almost nothing
 * early and keeps the last look close to a fixed-sample test; the Pocock type alpha ln(1 + (e - 1) t)
 * spends evenly. Each side spent by the one-sided function is the form of the published tables
 * (DeMets and Lan 1994: 4.877, 3.357, 2.680, 2.290, 2.031 for five equal looks at 0.05) and of rpact.
 */
export function spentAlpha(spending: SpendingFunction, alpha: number, t: number): number {
  if (t >= 1) return alpha;
  if (spending === 'obrien-fleming') {
    return 4 * normalCdf(normalQuantile(alpha / 4) / Math.sqrt(t));
  }
  return alpha * Math.log(1 + (Math.E - 1) * t);
}

/** A density of Z on a grid of the continuation region (-c, c), with Simpson weights. */
interface Density {
  z: Float64Array;
  /** density times the Simpson weight of each point: sums give integrals. */
  mass: Float64Array;
}

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

function grid(c: number, density: (z: number) => number): Density {
  const n = GRID_POINTS;
  const h = (2 * c) / (n - 1);
  const z = new Float64Array(n);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    z[i] = -c + i * h;
    const weight = i === 0 || i === n - 1 ? 1 : i % 2 === 1 ? 4 : 2;
    mass[i] = (weight * h * density(z[i] as number)) / 3;
  }
  return { z, mass };
}

/** P(|Z_k| >= c, still inside before) given the density of Z_{k-1} and the fractions. */
function crossing(previous: Density, tPrev: number, t: number, c: number): number {
  const shrink = Math.sqrt(tPrev / t);
  const sd = Math.sqrt((t - tPrev) / t);
  let total = 0;
  for (let i = 0; i < previous.z.length; i++) {
    const mean = (previous.z[i] as number) * shrink;
    total += (previous.mass[i] as number) * (normalCdf((-c - mean) / sd) + normalCdf((mean - c) / sd));
  }
  return total;
}

/** The c in (0, MAX_Z) where the decreasing `tail(c)` equals `target`, by bisection. */
function solve(tail: (c: number) => number, target: number): number {
  let low = 0;
  let high = MAX_Z;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = (low + high) / 2;
    if (tail(mid) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Boundaries already computed, by spending, alpha and fractions: a run asks for the same few. */
const known = new Map<string, number[]>();

/**
 * The z boundaries c_1..c_k of a two-sided level-alpha test looked at at the information fractions
 * `fractions` (ascending, in (0, 1]; 1 is the last possible look). A look that spends nothing
 * (alpha(t_k) = alpha(t_{k-1})) gets an infinite boundary.
 */
export function boundaries(
  spending: SpendingFunction,
  alpha: number,
  fractions: readonly number[],
): number[] {
  const key = `${spending}:${alpha}:${fractions.join(',')}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  fractions.forEach((t, k) => {
    if (!(t > 0 && t <= 1) || (k > 0 && !(t > (fractions[k - 1] as number))))
      throw new RangeError(`information fractions must rise within (0, 1]: ${fractions.join(', ')}`);
  });
  const out: number[] = [];
  let density: Density | null = null;
  let tPrev = 0;
  let spent = 0;
  for (const t of fractions) {
    const cumulative = spentAlpha(spending, alpha, t);
    const target = cumulative - spent;
    const from = density;
    let c: number;
    if (!(target > 0)) c = Number.POSITIVE_INFINITY;
    else if (from === null) c = -normalQuantile(target / 2);
    else c = solve((x) => crossing(from, tPrev, t, x), target);
    out.push(c);
    // The next look needs the density of Z_k on (-c_k, c_k); an infinite boundary is cut at MAX_Z.
    const limit = Math.min(c, MAX_Z);
    if (from === null) density = grid(limit, phi);
    else {
      const shrink = Math.sqrt(tPrev / t);
      const sd = Math.sqrt((t - tPrev) / t);
      density = grid(limit, (z) => {
        let sum = 0;
        for (let i = 0; i < from.z.length; i++)
          sum += (from.mass[i] as number) * phi((z - (from.z[i] as number) * shrink) / sd);
        return sum / sd;
      });
    }
    spent = cumulative;
    tPrev = t;
  }
  known.set(key, out);
  return out;
}

/**
 * The critical |t| of a look whose z boundary is `z` when the variance is estimated with `df`
 * degrees of freedom: the t quantile of the same two-sided nominal level (Jennison and Turnbull
 * 2000, section 11.3: close to exact error rates even with few degrees of freedom). An infinite z
 * (a look that spends nothing) has level 0, whose t quantile is infinite too.
 */
export function studentBoundary(z: number, df: number): number {
  return studentQuantileTwoSided(2 * normalCdf(-z), df);
}
