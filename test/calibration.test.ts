import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrate, coverageOf } from '../checks/calibration.ts';
import type { Cell, Results } from '../lib/types.ts';
import { reportFixture } from './report-fixture.ts';

/** The fixture with every cell's median multiplied by `factor(variant, n)` (intervals moved with it). */
function scaled(results: Results, factor: (variant: string, n: number) => number): Results {
  const cells: Cell[] = results.cells.map((cell) => {
    if (cell.status !== 'ok') return cell;
    const f = factor(cell.variant, cell.n);
    return {
      ...cell,
      median_ns: cell.median_ns * f,
      ci_low_ns: cell.ci_low_ns * f,
      ci_high_ns: cell.ci_high_ns * f,
    };
  });
  return { ...results, cells };
}

describe('coverageOf()', () => {
  it('counts the figures of run B inside run A’s intervals, ends included', () => {
    const figures = coverageOf([
      { a: 100, low: 90, high: 110, b: 110 },
      { a: 100, low: 90, high: 110, b: 111 },
      { a: 100, low: 81, high: 121, b: 95 },
      { a: 100, low: 90, high: 110, b: 89 },
    ]);
    assert.equal(figures.compared, 4);
    assert.equal(figures.covered, 2);
    assert.equal(figures.coverage_pct, 50);
    // Half-widths sqrt(high/low) - 1: 10.55% three times, 22.2% once; the median is 10.55%.
    assert.ok(Math.abs(figures.median_half_width_pct - 100 * (Math.sqrt(110 / 90) - 1)) < 1e-9);
    // Drifts 10, 11, 5, 11 percent: median 10.5, 90th percentile 11.
    assert.ok(Math.abs(figures.median_drift_pct - 10.5) < 1e-9);
    assert.ok(Math.abs(figures.p90_drift_pct - 11) < 1e-9);
    assert.ok(Math.abs(figures.median_ratio - 1.025) < 1e-9);
  });

  it('is NaN, not zero, when nothing was compared', () => {
    const figures = coverageOf([]);
    assert.equal(figures.compared, 0);
    assert.ok(Number.isNaN(figures.coverage_pct));
    assert.ok(Number.isNaN(figures.median_drift_pct));
  });
});

describe('calibrate()', () => {
  it('covers every cell and speedup when run B equals run A', () => {
    const a = reportFixture();
    const result = calibrate(a, a, ['a.json', 'b.json']);
    assert.equal(result.time.compared, a.cells.filter((cell) => cell.status === 'ok').length);
    assert.equal(result.time.coverage_pct, 100);
    assert.equal(result.time.median_drift_pct, 0);
    for (const row of result.speedups) {
      assert.ok(row.compared > 0, row.label);
      assert.equal(row.coverage_pct, 100, row.label);
    }
    assert.deepEqual(
      result.time_by_suite.map((row) => row.label),
      [...new Set(result.time_by_suite.map((row) => row.label))],
    );
  });

  it('finds run B slower outside run A’s ±10% intervals, and speedups unmoved when every cell moved alike', () => {
    const a = reportFixture();
    const b = scaled(a, () => 1.2);
    const result = calibrate(a, b, ['a.json', 'b.json']);
    assert.equal(result.time.coverage_pct, 0);
    assert.ok(Math.abs(result.time.median_ratio - 1.2) < 1e-9);
    for (const row of result.speedups) assert.equal(row.coverage_pct, 100, row.label);
  });

  it('sees a speedup move when only the baseline moved', () => {
    const a = reportFixture();
    const b = scaled(a, (variant) => (variant === 'naive' ? 1.5 : 1));
    const result = calibrate(a, b, ['a.json', 'b.json']);
    const overNaive = result.speedups.find((row) => row.label === 'speedup over naive');
    const overBottomUp = result.speedups.find((row) => row.label === 'speedup over bottom-up');
    assert.equal(overNaive?.coverage_pct, 0);
    assert.ok(Math.abs((overNaive?.median_ratio ?? 0) - 1.5) < 1e-9);
    // Over bottom-up only naive's own speedup moved (to 1/1.5 of it): one variant in four.
    assert.ok(overBottomUp !== undefined && overBottomUp.coverage_pct < 100 && overBottomUp.coverage_pct > 0);
  });

  it('compares only cells timed in both runs', () => {
    const a = reportFixture();
    const b: Results = { ...a, cells: a.cells.filter((cell) => cell.variant !== 'dict') };
    const result = calibrate(a, b, ['a.json', 'b.json']);
    const dictCells = a.cells.filter((cell) => cell.variant === 'dict' && cell.status === 'ok').length;
    assert.equal(result.time.compared, a.cells.filter((cell) => cell.status === 'ok').length - dictCells);
  });
});
