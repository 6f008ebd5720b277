import { cellKey, ladderKey } from '../lib/cell-key.ts';
import { median } from '../lib/stats.ts';
import type { Cell, Results, RunnerName } from '../lib/types.ts';
import type { RelativeVariant } from './types.ts';

/**
 * The default tolerance of the cross-machine check: a variant's time relative to the other
 * variants of its suite may move by this factor (either way) before it counts. Wide on purpose:
 * the ci profile's cells are the smallest sizes (calls of tens of ns to a few µs), where a whole
 * process runs faster or slower by its JIT decisions. Measured on one 2-core machine, comparing
 * two ci runs of the same code (206 suite x variant pairs, npm memoizers included): with 1
 * process per cell the pairs moved by x1.22 in the median, x1.96 at the 95th percentile, x2.29 at
 * the 99th and x2.53 at most; with 3 processes per cell x1.10, x1.75, x1.95 and x2.25. A x2
 * tolerance failed unchanged code (9 pairs beyond it), hence x3. Another CPU or V8 shifts relative
 * costs further. It catches a variant that became 3x slower than its neighbours or worse (a lost
 * cache is 10x to 10,000x); smaller time regressions need ab.
 */
export const RELATIVE_TOLERANCE = 3;

/** A robust centre of a timed cell, ns per call: median of the process medians, else the median. */
function centre(cell: Cell): number | undefined {
  if (cell.status !== 'ok') return undefined;
  const medians = cell.process_medians_ns ?? [];
  const value = medians.length >= 2 ? median(medians) : cell.median_ns;
  return value > 0 ? value : undefined;
}

/**
 * Machine-independent time figures: per suite, size and runner, each variant's time over the
 * geometric mean of the other variants' times measured in the same run (a slowdown of bottom-up
 * itself would be invisible against bottom-up alone). Only variants timed at that size in both
 * runs take part, so both runs divide by the same set. Per suite x variant, the log ratios are
 * averaged over the sizes: a change of code usually shows at every size, noise does not.
 */
export function compareRelative(a: Results, b: Results, tolerance: number): RelativeVariant[] {
  const cellsB = new Map(b.cells.map((cell) => [cellKey(cell), cell]));
  // group: suite/runner/n -> variant -> [time A, time B]
  const groups = new Map<string, Map<string, [number, number]>>();
  for (const cellA of a.cells) {
    const cellB = cellsB.get(cellKey(cellA));
    const timeA = centre(cellA);
    const timeB = cellB === undefined ? undefined : centre(cellB);
    if (timeA === undefined || timeB === undefined) continue;
    const key = `${cellA.suite}\u0000${cellA.runner}\u0000${cellA.n}`;
    const group = groups.get(key) ?? new Map<string, [number, number]>();
    group.set(cellA.variant, [timeA, timeB]);
    groups.set(key, group);
  }
  const perVariant = new Map<
    string,
    { suite: string; runner: string; variant: string; logs: [number, number][]; sizes: number[] }
  >();
  for (const [key, group] of groups) {
    if (group.size < 2) continue;
    const [suite, runner, n] = key.split('\u0000') as [string, RunnerName, string];
    const logs = new Map(
      [...group].map(([variant, [x, y]]) => [variant, [Math.log(x), Math.log(y)] as const]),
    );
    const sums = [...logs.values()].reduce((sum, [x, y]) => [sum[0] + x, sum[1] + y], [0, 0]);
    for (const [variant, [x, y]] of logs) {
      const others = group.size - 1;
      const relA = x - (sums[0] - x) / others;
      const relB = y - (sums[1] - y) / others;
      const id = ladderKey({ suite, variant, runner });
      const entry = perVariant.get(id) ?? { suite, runner, variant, logs: [], sizes: [] };
      entry.logs.push([relA, relB]);
      entry.sizes.push(Number(n));
      perVariant.set(id, entry);
    }
  }
  return [...perVariant.values()].map(({ suite, runner, variant, logs, sizes }) => {
    const meanA = logs.reduce((sum, [x]) => sum + x, 0) / logs.length;
    const meanB = logs.reduce((sum, [, y]) => sum + y, 0) / logs.length;
    const factor = Math.exp(meanB - meanA);
    const verdict = factor > tolerance ? 'regressed' : factor < 1 / tolerance ? 'improved' : 'unchanged';
    return {
      suite,
      variant,
      runner,
      sizes: sizes.sort((x, y) => x - y),
      relative_a: Math.exp(meanA),
      relative_b: Math.exp(meanB),
      factor,
      verdict,
    };
  });
}
