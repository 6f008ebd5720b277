import { timeNs } from './cells.ts';
import type { Cell, OkCell, Results, SpeedupPoint } from './types.ts';

/**
 * Speedups between variants, from each cell's time (lib/cells.ts timeNs: the process-level estimate) and its 95% interval.
 *
 * Speedup of a variant over a baseline at one n: baseline time / variant time (both ns per call,
 * timeNs), so 2 means twice as fast. Its interval is built from the ends of the two cells' 95%
 * intervals, each the range another run would report (lib/process-interval.ts):
 * [baseline ci_low / variant ci_high, baseline ci_high / variant ci_low], the least and the most
 * favourable ratio the two intervals allow. Both intervals hold another run's figures together with
 * probability at least 1 - 0.05 - 0.05 = 90 % (Bonferroni, no independence assumed), so the ratio
 * interval holds another run's speedup at least that often; it is conservative, wider than a 95 %
 * interval of the ratio (`npm run bench -- calibrate` measures how often it holds).
 *
 * "Faster" means the intervals separate: variant ci_high < baseline ci_low, which is the same as
 * the ratio interval lying above 1.
 */

/** True for an `ok` cell with a usable time and interval: all > 0, so ratios and log axes are defined. */
export function isTimed(cell: Cell): cell is OkCell {
  return cell.status === 'ok' && timeNs(cell) > 0 && cell.ci_low_ns > 0 && cell.ci_high_ns > 0;
}

/** The speedup of `cell` over `baseline` with its interval (see the module comment). */
export function speedupOf(
  baseline: OkCell,
  cell: OkCell,
): Omit<SpeedupPoint, 'suite' | 'variant' | 'baseline' | 'n'> {
  const low = baseline.ci_low_ns / cell.ci_high_ns;
  return {
    speedup: timeNs(baseline) / timeNs(cell),
    speedup_low: low,
    speedup_high: baseline.ci_high_ns / cell.ci_low_ns,
    faster: low > 1,
  };
}

/** Timed cells of one suite, by variant and then by n. */
function timedBySuite(cells: readonly Cell[], suite: string): Map<string, Map<number, OkCell>> {
  const byVariant = new Map<string, Map<number, OkCell>>();
  for (const cell of cells) {
    if (cell.suite !== suite || !isTimed(cell)) continue;
    const own = byVariant.get(cell.variant) ?? new Map<number, OkCell>();
    own.set(cell.n, cell);
    byVariant.set(cell.variant, own);
  }
  return byVariant;
}

/** Speedups of every other variant over `baseline`, at every n where both were timed, per suite. */
export function speedupPoints(results: Results, baseline: string): SpeedupPoint[] {
  return results.suites.flatMap((info) => {
    const timed = timedBySuite(results.cells, info.id);
    const reference = timed.get(baseline);
    if (reference === undefined) return [];
    return info.variants
      .filter((variant) => variant !== baseline)
      .flatMap((variant) =>
        [...(timed.get(variant) ?? new Map<number, OkCell>())]
          .filter(([n]) => reference.has(n))
          .sort(([a], [b]) => a - b)
          .map(([n, cell]) => ({
            suite: info.id,
            variant,
            baseline,
            n,
            ...speedupOf(reference.get(n) as OkCell, cell),
          })),
      );
  });
}
