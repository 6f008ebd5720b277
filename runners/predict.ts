/** A measured point of a ladder: size and median time per call. */
export interface LadderPoint {
  n: number;
  /** Median time per call, ns. */
  median_ns: number;
}

/** The earlier point of the fit is at most this fraction of the last point's n, so noise is not magnified. */
export const MIN_SPAN = 1 / 1.5;

/**
 * Predicts the time per call, ns, at size `n` by a power law t = c·n^k through the last measured
 * point and the latest earlier point at most 2/3 of its size. Two neighbouring sizes would turn a
 * little noise into a wild exponent (ν becomes ν^(ln σ / ln ρ) for steps ρ then σ); a wider span
 * keeps it honest. For exponential growth a power law under-predicts, which is the safe side: a
 * size is only given up without running when even this says it is far over budget. Returns
 * undefined when no such pair exists or the time did not grow over it.
 */
export function predictCallNs(points: readonly LadderPoint[], n: number): number | undefined {
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const before = points.findLast((point) => point.n <= last.n * MIN_SPAN);
  if (before === undefined || !(before.median_ns > 0 && last.median_ns > before.median_ns)) return undefined;
  const exponent = Math.log(last.median_ns / before.median_ns) / Math.log(last.n / before.n);
  return last.median_ns * (n / last.n) ** exponent;
}
