import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processInterval, summarizeProcesses } from '../lib/process-interval.ts';
import { ratioInterval } from '../lib/ratio-interval.ts';
import { studentQuantileTwoSided } from '../lib/special.ts';
import { median } from '../lib/stats.ts';
import type { ProcessInterval } from '../lib/types.ts';
import {
  coverage,
  pooledInterval,
  runIntervals,
  simulatedCells,
  simulatedRun,
  TYPICAL_WORLD,
} from './process-simulation.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

const prior = { knots: [{ duration_ns: 1000, variance_log: 0.03 ** 2 }], df: 6, cells: 100 };

describe('ratioInterval()', () => {
  it('adds the two prediction variances on the log scale, with the smaller degrees of freedom', () => {
    const variant = processInterval(summarizeProcesses([[10], [11], [10.5]]), null);
    const naive = processInterval(summarizeProcesses([[1000], [1040], [990], [1010]]), prior);
    const ratio = ratioInterval(variant, naive);
    close(ratio.ratio, variant.estimate_ns / naive.estimate_ns, 1e-12);
    assert.equal(ratio.df, Math.min(variant.df, naive.df));
    const half =
      studentQuantileTwoSided(0.05, ratio.df) *
      Math.sqrt(variant.prediction_variance_log + naive.prediction_variance_log);
    close(Math.log(ratio.high / ratio.ratio), half, 1e-9);
    close(Math.log(ratio.ratio / ratio.low), half, 1e-9);
    close(ratio.half_width_pct, 100 * Math.expm1(half), 1e-9);
    assert.equal(ratio.basis, 'processes');
  });

  it('is only as good as the weaker of its two cells', () => {
    const processes = processInterval(summarizeProcesses([[10], [11]]), null);
    const withPrior = processInterval(summarizeProcesses([[10, 10.1, 9.9]]), prior);
    const alone = processInterval(summarizeProcesses([[10, 10.1, 9.9]]), null);
    assert.equal(ratioInterval(processes, withPrior).basis, 'prior');
    assert.equal(ratioInterval(withPrior, alone).basis, 'within-process');
    assert.equal(ratioInterval(alone, alone).df, Number.POSITIVE_INFINITY);
  });
});

/** Ratios of neighbouring cells (0/1, 2/3, ...) of one run, as speedups between variants measured in different processes. */
const ratios = (intervals: readonly ProcessInterval[]) =>
  intervals.flatMap((interval, index) =>
    index % 2 === 0 && intervals[index + 1] !== undefined
      ? [ratioInterval(interval, intervals[index + 1] as ProcessInterval)]
      : [],
  );

describe('ratioInterval() on simulated runs', () => {
  for (const processes of [2, 3, 5, 8]) {
    it(`covers another run's ratio in at least 90% of pairs with ${processes} processes per cell`, (t) => {
      const cells = simulatedCells(TYPICAL_WORLD, 300, 40 + processes);
      const a = ratios(runIntervals(simulatedRun(TYPICAL_WORLD, cells, processes, 1)));
      const b = ratios(runIntervals(simulatedRun(TYPICAL_WORLD, cells, processes, 2)));
      const share = coverage(
        a,
        b.map((ratio) => ratio.ratio),
      );
      t.diagnostic(
        `coverage ${(100 * share).toFixed(1)}%, median half-width ${median(a.map((ratio) => ratio.half_width_pct)).toFixed(2)}%`,
      );
      assert.ok(share >= 0.9, `coverage ${share}`);
    });
  }

  it('fails where the ends of two pooled-sample intervals fail (the README speedups): under half', () => {
    const cells = simulatedCells(TYPICAL_WORLD, 300, 50);
    const [a, b] = [1, 2].map((seed) => simulatedRun(TYPICAL_WORLD, cells, 3, seed).map(pooledInterval));
    const pairs = (run: ReturnType<typeof pooledInterval>[]) =>
      run.flatMap((cell, index) => {
        const other = run[index + 1];
        return index % 2 === 0 && other !== undefined
          ? [
              {
                ratio: cell.estimate / other.estimate,
                low: cell.low / other.high,
                high: cell.high / other.low,
              },
            ]
          : [];
      });
    const share = coverage(
      pairs(a as ReturnType<typeof pooledInterval>[]),
      pairs(b as ReturnType<typeof pooledInterval>[]).map((pair) => pair.ratio),
    );
    assert.ok(share < 0.5, `coverage ${share}`);
  });
});
