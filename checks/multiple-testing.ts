/**
 * Corrections for testing many cells at once. A run has hundreds of cells; at a 5% level per cell,
 * comparing two runs of identical code would flag a dozen of them. Both procedures return adjusted
 * p-values (compare each with alpha directly), in the order of the input.
 *
 * - Holm (1979) controls the family-wise error rate: the chance that even one flagged cell is a
 *   false alarm stays below alpha, whatever the dependence between cells (cells of one run share the
 *   machine's moods, so their tests are correlated). It is uniformly more powerful than Bonferroni.
 * - Benjamini-Hochberg (1995) controls the false discovery rate: the expected share of false alarms
 *   among the flagged cells. When nothing changed both give the same protection; when a change slows
 *   many cells, BH names more of them. Valid for independent or positively dependent tests.
 *
 * The default is Holm: a gate names cells one by one, and each named cell should be one to trust.
 */

import type { Correction } from '../lib/types.ts';

/** Holm's step-down adjusted p-values: max over the earlier ranks of (m - rank) * p, capped at 1. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Benjamini-Hochberg step-up adjusted p-values: min over the later ranks of m * p / rank, capped at 1. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = order[rank - 1] as { p: number; index: number };
    running = Math.min(running, (m * p) / rank);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

/** Adjusted p-values by the named procedure; NaN entries (no test) stay NaN and do not count in m. */
export function adjust(pValues: readonly number[], correction: Correction): number[] {
  const tested = pValues.map((p, index) => ({ p, index })).filter(({ p }) => !Number.isNaN(p));
  const method = correction === 'holm' ? holm : benjaminiHochberg;
  const adjusted = method(tested.map(({ p }) => p));
  const out = pValues.map(() => Number.NaN);
  tested.forEach(({ index }, k) => {
    out[index] = adjusted[k] as number;
  });
  return out;
}
