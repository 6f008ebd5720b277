import { timeNs } from '../lib/cells.ts';
import { formatNs, formatRatioInterval } from '../lib/format.ts';
import { isTimed, speedupOf } from '../lib/speedups.ts';
import type { OkCell, Results } from '../lib/types.ts';

/** A derived variant and the hand-written one it is compared with, at one n. */
export interface SelfCostPair {
  /** The hand-written suite and variant (e.g. suites/fibonacci.ts's `map`). */
  hand: { suite: string; variant: string };
  /** The problem-file suite and its derived variant (e.g. examples/fibonacci.ts's `map-packed`). */
  derived: { suite: string; variant: string };
  n: number;
}

/** One compared pair: both times with their intervals, and derived over hand-written. */
export interface SelfCostRow extends SelfCostPair {
  hand_cell: OkCell | null;
  derived_cell: OkCell | null;
  /** Derived time over hand-written time (ns / ns, lib/cells.ts timeNs), and the interval from the ends of both intervals; null unless both were timed. */
  ratio: { ratio: number; low: number; high: number } | null;
}

/**
 * The cost of the `self` indirection, from a run's cells: per pair, the time in ns per call of the
 * hand-written and the derived variant at the same n, and derived / hand-written with the interval
 * the ends of both intervals allow (as speedups are computed, reports/crossover.ts).
 */
export function selfCostRows(results: Results, pairs: readonly SelfCostPair[]): SelfCostRow[] {
  const cell = (suite: string, variant: string, n: number) =>
    results.cells.find(
      (each): each is OkCell =>
        each.suite === suite && each.variant === variant && each.n === n && isTimed(each),
    ) ?? null;
  return pairs.map((pair) => {
    const hand = cell(pair.hand.suite, pair.hand.variant, pair.n);
    const derived = cell(pair.derived.suite, pair.derived.variant, pair.n);
    const ratio =
      hand === null || derived === null
        ? null
        : (({ speedup, speedup_low, speedup_high }) => ({
            ratio: speedup,
            low: speedup_low,
            high: speedup_high,
          }))(speedupOf(derived, hand));
    return { ...pair, hand_cell: hand, derived_cell: derived, ratio };
  });
}

/** A time per call (lib/cells.ts timeNs) with its interval, e.g. "1.23 µs (1.20 µs to 1.27 µs)", or why there is none. */
export function timeText(cell: OkCell | null): string {
  return cell === null
    ? 'not timed'
    : `${formatNs(timeNs(cell))} (${formatNs(cell.ci_low_ns)} to ${formatNs(cell.ci_high_ns)})`;
}

/** The ratio with its interval, or "-" when either side was not timed. */
export function ratioText(row: SelfCostRow): string {
  return row.ratio === null ? '-' : formatRatioInterval(row.ratio.ratio, row.ratio.low, row.ratio.high);
}
