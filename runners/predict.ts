/** A measured point of a ladder: size and median time per call. */
export interface LadderPoint {
  n: number;
  /** Median time per call, ns. */
  median_ns: number;
}

/**
 * Predicts the time per call, ns, at size `n` from the last two measured points by a power law
 * t = c·n^k through them. For exponential growth this under-predicts, which is the safe side: a
 * size is only given up without running when even the power law says it is far over budget.
 * Returns undefined when fewer than two points are known or the points do not grow.
 */
export function predictCallNs(points: readonly LadderPoint[], n: number): number | undefined {
  const last = points.at(-1);
  const before = points.at(-2);
  if (last === undefined || before === undefined || last.n <= before.n) return undefined;
  if (!(before.median_ns > 0 && last.median_ns > before.median_ns)) return undefined;
  const exponent = Math.log(last.median_ns / before.median_ns) / Math.log(last.n / before.n);
  return last.median_ns * (n / last.n) ** exponent;
}
