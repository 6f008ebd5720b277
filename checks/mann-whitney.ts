import { normalTwoSided } from '../lib/special.ts';

/** The result of a Mann-Whitney U test of two samples. */
export interface MannWhitneyResult {
  /** U of the second sample: how many (a, b) pairs have b > a, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  /** Whether p is exact (small samples without ties) or from the normal approximation. */
  exact: boolean;
}

/** Both samples at most this large and no ties: the exact distribution of U (a table of at most 11 x 11 x 121). */
const EXACT_LIMIT = 10;

/** Average ranks (1-based) of the pooled values, and the tie correction term sum(t^3 - t). */
function rank(values: readonly number[]): { ranks: number[]; ties: number } {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const ranks = new Array<number>(values.length);
  let ties = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { index: number }).index] = average;
    const t = end - start + 1;
    ties += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, ties };
}

/** P(U <= u) for samples of sizes m and n without ties, by counting arrangements (Mann & Whitney's recursion). */
function exactCdf(u: number, m: number, n: number): number {
  // ways[i][j][k]: orderings of i values of one sample and j of the other with U = k.
  const ways: number[][][] = [];
  for (let i = 0; i <= m; i++) {
    ways.push([]);
    for (let j = 0; j <= n; j++) {
      const row = new Array<number>(i * j + 1).fill(0);
      if (i === 0 || j === 0) row[0] = 1;
      else {
        const withI = ways[i - 1]?.[j] ?? [];
        const withJ = ways[i]?.[j - 1] ?? [];
        // The largest value belongs to the first sample (it beats all j others) or to the second.
        for (let k = 0; k <= i * j; k++) row[k] = (withI[k - j] ?? 0) + (withJ[k] ?? 0);
      }
      (ways[i] as number[][]).push(row);
    }
  }
  const row = ways[m]?.[n] ?? [];
  const total = row.reduce((sum, x) => sum + x, 0);
  let below = 0;
  for (let k = 0; k <= Math.floor(u); k++) below += row[k] ?? 0;
  return below / total;
}

/**
 * Mann-Whitney U test (Wilcoxon rank-sum): is one sample stochastically larger than the other?
 * Makes no assumption about the shape of the distributions, which suits timings (skewed, with
 * outliers). Exact for small samples without ties, else the normal approximation with the tie
 * correction and a continuity correction of 1/2.
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { u: Number.NaN, p: Number.NaN, exact: false };
  const { ranks, ties } = rank([...a, ...b]);
  const rankSumB = ranks.slice(m).reduce((sum, r) => sum + r, 0);
  const u = rankSumB - (n * (n + 1)) / 2;
  const mean = (m * n) / 2;
  if (m <= EXACT_LIMIT && n <= EXACT_LIMIT && ties === 0) {
    const lower = Math.min(u, m * n - u);
    return { u, p: Math.min(1, 2 * exactCdf(lower, m, n)), exact: true };
  }
  const total = m + n;
  const variance = ((m * n) / 12) * (total + 1 - ties / (total * (total - 1)));
  if (variance <= 0) return { u, p: 1, exact: false };
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { u, p: normalTwoSided(z), exact: false };
}
