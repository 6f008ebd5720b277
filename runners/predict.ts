/**
 * Predicted time per call at a size not run yet, for code that runs variants in its own process and
 * must not start a call that would take hours: in-process runs (`--isolate none`, runners/ladder.ts)
 * and the conformance test. A run with child processes never predicts: a size is over the budget
 * only from a measured call, under a deadline the parent enforces. A prediction only ever keeps a
 * call from starting, and the cell then says so (skip reason `predicted`); it is never reported as
 * a measurement.
 */
/** A measured point of a ladder: size and median time per call. */
export interface LadderPoint {
  n: number;
  /** Median time per call, ns. */
  median_ns: number;
}

/** The earlier point of the fit is at most this fraction of the last point's n, so noise is not magnified. */
export const MIN_SPAN = 1 / 1.5;

/** A power-law exponent that grows by more than this factor between two spans marks super-polynomial growth... */
export const ACCELERATION = 1.25;
/** ...when it is also steeper than this (no memoized variant here is worse than n^3; naive ones show 9 to 13). */
export const STEEPER_THAN = 3;

/** The latest point at most MIN_SPAN of `point`'s size, before it. */
function spanBefore(points: readonly LadderPoint[], point: LadderPoint): LadderPoint | undefined {
  return points.findLast((other) => other.n <= point.n * MIN_SPAN);
}

/** The power-law exponent of time over a span, or undefined when the time did not grow. */
function exponentOf(from: LadderPoint, to: LadderPoint): number | undefined {
  if (!(from.median_ns > 0 && to.median_ns > from.median_ns)) return undefined;
  return Math.log(to.median_ns / from.median_ns) / Math.log(to.n / from.n);
}

/**
 * Predicts the time per call, ns, at size `n` from the last measured point and the latest earlier
 * point at most 2/3 of its size. Two neighbouring sizes would turn a little noise into a wild
 * exponent; a wider span keeps it honest. The model is a power law t = c·n^k, unless the exponent
 * of the span before grew by more than ACCELERATION into this one and is steeper than cubic: then growth is exponential (as in
 * naive recursion, where a power law from n = 10..16 predicts seconds at n = 32 and the truth is
 * hours), and the prediction is t = c·r^n through the same two points. Returns undefined when no such
 * pair exists or the time did not grow over it. Cache effects can make a polynomial exponent rise a
 * little (1.0 to 1.3), so the switch also needs an exponent steeper than cubic.
 */
export function predictCallNs(points: readonly LadderPoint[], n: number): number | undefined {
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const before = spanBefore(points, last);
  if (before === undefined) return undefined;
  const exponent = exponentOf(before, last);
  if (exponent === undefined) return undefined;
  const earlier = spanBefore(points, before);
  const previous = earlier === undefined ? undefined : exponentOf(earlier, before);
  if (previous !== undefined && exponent > STEEPER_THAN && exponent > previous * ACCELERATION) {
    const perStep = (last.median_ns / before.median_ns) ** (1 / (last.n - before.n));
    return last.median_ns * perStep ** (n - last.n);
  }
  return last.median_ns * (n / last.n) ** exponent;
}
