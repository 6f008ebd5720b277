import { cellKey } from '../lib/cell-key.ts';
import { timeNs } from '../lib/cells.ts';
import { median } from '../lib/stats.ts';
import { isTimed } from '../lib/speedups.ts';
import type { Results } from '../lib/types.ts';

/**
 * memobench's figure for a cell against an outside timer's (mitata), for the same function in one
 * or more forms (the suite's own instance, the function as users write it at module level): does
 * the harness add or hide anything? The outside timer runs in several fresh processes; its figure
 * is the median of their per-process medians.
 */

/** One cell compared: memobench's figure and interval, the outside timer's per-process medians, their ratio. */
export interface TimerAgreement {
  suite: string;
  variant: string;
  n: number;
  /** Which form of the function the outside timer timed. */
  form: string;
  /** memobench's reported time (lib/cells.ts timeNs), ns per call, and its 95% interval. */
  memobench_ns: number;
  memobench_low_ns: number;
  memobench_high_ns: number;
  /** The outside timer's median time per call in each process, ns. */
  outside_process_ns: number[];
  /** Median of those, ns per call. */
  outside_ns: number;
  /** memobench_ns / outside_ns: 1 when both timers agree. */
  ratio: number;
}

/** The cells to compare, with the outside timer's per-process medians (ns per call) of each. */
export interface OutsideFigures {
  suite: string;
  variant: string;
  n: number;
  /** Which form of the function the outside timer timed. */
  form: string;
  process_ns: number[];
}

/** Each outside figure against memobench's tinybench cell of `results`; a cell memobench did not time is left out (listed in `missing`). */
export function agreements(
  results: Results,
  outside: readonly OutsideFigures[],
): { rows: TimerAgreement[]; missing: OutsideFigures[] } {
  const timed = new Map(results.cells.filter(isTimed).map((cell) => [cellKey(cell), cell]));
  const rows: TimerAgreement[] = [];
  const missing: OutsideFigures[] = [];
  for (const figures of outside) {
    const cell = timed.get(cellKey({ ...figures, runner: 'tinybench' }));
    if (cell === undefined) {
      missing.push(figures);
      continue;
    }
    const outsideNs = median(figures.process_ns);
    rows.push({
      suite: figures.suite,
      variant: figures.variant,
      n: figures.n,
      form: figures.form,
      memobench_ns: timeNs(cell),
      memobench_low_ns: cell.ci_low_ns,
      memobench_high_ns: cell.ci_high_ns,
      outside_process_ns: figures.process_ns,
      outside_ns: outsideNs,
      ratio: timeNs(cell) / outsideNs,
    });
  }
  return { rows, missing };
}
