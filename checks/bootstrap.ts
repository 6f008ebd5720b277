import betainc from '@stdlib/math-base-special-betainc';
import { createRng, hashSeed } from '../lib/random.ts';
import { quantile } from '../lib/stats.ts';

/** Bootstrap draws per interval: enough for the 2.5% and 97.5% quantiles to settle to well under 1%. */
export const BOOTSTRAP_DRAWS = 4000;

/**
 * medianBootstrapCdf by sample count, computed once: most cells of a run share one count (the
 * 1,000-sample cap), and a table costs n incomplete beta functions (~2 ms at n = 1,000, a third of
 * a cell's interval). At most 1,000 counts, so at most 4 MB.
 */
const cdfBySize = new Map<number, Float64Array>();

/**
 * The bootstrap distribution of a sample median, exactly (Efron 1982): resampling n values with
 * replacement from the sorted sample x(1..n), the resample's median (the order statistic of rank
 * m = ceil(n/2)) is at most x(k) exactly when at least m of the n draws fall among the k smallest,
 * so P(median* <= x(k)) = P(Binomial(n, k/n) >= m) = I_{k/n}(m, n - m + 1). No resampling loop is
 * needed, which keeps a run of hundreds of cells with 1,000 samples each to milliseconds.
 */
function medianBootstrapCdf(n: number): Float64Array {
  const known = cdfBySize.get(n);
  if (known !== undefined) return known;
  const m = Math.ceil(n / 2);
  const cdf = new Float64Array(n);
  for (let k = 1; k <= n; k++) cdf[k - 1] = betainc(k / n, m, n - m + 1);
  cdfBySize.set(n, cdf);
  return cdf;
}

/** The sorted value whose bootstrap CDF first reaches u (binary search). */
function draw(sorted: readonly number[], cdf: Float64Array, u: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cdf[mid] as number) >= u) high = mid;
    else low = mid + 1;
  }
  return sorted[low] as number;
}

/**
 * Percentile bootstrap interval of median(b) / median(a) at level 1 - alpha, each sample resampled
 * independently (medians drawn from their exact bootstrap distributions). Seeded from `key` (the
 * cell's name), so the same inputs always give the same interval.
 */
export function bootstrapRatioInterval(
  a: readonly number[],
  b: readonly number[],
  settings: { alpha: number; key: string; draws?: number },
): [number, number] {
  const { alpha, key, draws = BOOTSTRAP_DRAWS } = settings;
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  const cdfA = medianBootstrapCdf(sortedA.length);
  const cdfB = medianBootstrapCdf(sortedB.length);
  const rng = createRng(hashSeed(`bootstrap:${key}`));
  const ratios: number[] = [];
  for (let i = 0; i < draws; i++)
    ratios.push(draw(sortedB, cdfB, rng.next()) / draw(sortedA, cdfA, rng.next()));
  ratios.sort((x, y) => x - y);
  return [quantile(ratios, alpha / 2), quantile(ratios, 1 - alpha / 2)];
}
