import { cellKey } from '../lib/cell-key.ts';
import { timeNs } from '../lib/cells.ts';
import { median, quantile } from '../lib/stats.ts';
import { isTimed, speedupPoints } from '../lib/speedups.ts';
import type { Calibration, CoverageFigures, CoverageRow, Results, SpeedupPoint } from '../lib/types.ts';

/**
 * Calibration of a run's intervals against a second run of the same code: a 95% interval that
 * predicts the next run holds the second run's figure about 95% of the time. A run whose intervals
 * are too narrow shows it here, however plausible each interval looks on its own.
 */

/** The baselines of the speedups calibrated: what the reports quote speedups over. */
export const CALIBRATED_BASELINES = ['naive', 'bottom-up'] as const;

/** One figure of run A with its interval, and the same figure in run B. */
interface Pair {
  /** Run A's figure and its 95% interval (same unit as `b`). */
  a: number;
  low: number;
  high: number;
  /** Run B's figure. */
  b: number;
}

/** The coverage figures of a set of pairs (see CoverageFigures). */
export function coverageOf(pairs: readonly Pair[]): CoverageFigures {
  const sorted = (values: number[]) => values.sort((x, y) => x - y);
  const drifts = sorted(pairs.map((pair) => 100 * Math.abs(pair.b / pair.a - 1)));
  const covered = pairs.filter((pair) => pair.b >= pair.low && pair.b <= pair.high).length;
  return {
    compared: pairs.length,
    covered,
    coverage_pct: (100 * covered) / pairs.length,
    median_half_width_pct: median(pairs.map((pair) => 100 * (Math.sqrt(pair.high / pair.low) - 1))),
    median_drift_pct: median(drifts),
    p90_drift_pct: quantile(drifts, 0.9),
    median_ratio: median(pairs.map((pair) => pair.b / pair.a)),
  };
}

/** Cells timed in both runs, as pairs of run A's time (timeNs) and interval with run B's time, with their suite. */
function timePairs(a: Results, b: Results): { suite: string; pair: Pair }[] {
  const inB = new Map(b.cells.filter(isTimed).map((cell) => [cellKey(cell), cell]));
  return a.cells.filter(isTimed).flatMap((cell) => {
    const other = inB.get(cellKey(cell));
    if (other === undefined) return [];
    return [
      {
        suite: cell.suite,
        pair: { a: timeNs(cell), low: cell.ci_low_ns, high: cell.ci_high_ns, b: timeNs(other) },
      },
    ];
  });
}

/** Speedup points over `baseline` present in both runs, as pairs. */
function speedupPairs(a: Results, b: Results, baseline: string): Pair[] {
  const key = (point: SpeedupPoint) => `${point.suite}\0${point.variant}\0${point.n}`;
  const inB = new Map(speedupPoints(b, baseline).map((point) => [key(point), point]));
  return speedupPoints(a, baseline).flatMap((point) => {
    const other = inB.get(key(point));
    if (other === undefined) return [];
    return [{ a: point.speedup, low: point.speedup_low, high: point.speedup_high, b: other.speedup }];
  });
}

/** How run B's times and speedups fall against run A's intervals (see Calibration). */
export function calibrate(a: Results, b: Results, runs: [string, string]): Calibration {
  const times = timePairs(a, b);
  const row = (label: string, pairs: readonly Pair[]): CoverageRow => ({ label, ...coverageOf(pairs) });
  return {
    runs,
    time: row(
      'time per call, all suites',
      times.map((each) => each.pair),
    ),
    speedups: CALIBRATED_BASELINES.map((baseline) =>
      row(`speedup over ${baseline}`, speedupPairs(a, b, baseline)),
    ),
    time_by_suite: a.suites
      .map((info) =>
        row(
          info.id,
          times.filter((each) => each.suite === info.id).map((each) => each.pair),
        ),
      )
      .filter((each) => each.compared > 0),
  };
}
