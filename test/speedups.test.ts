import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTimed, speedupOf, speedupPoints } from '../lib/speedups.ts';
import type { OkCell } from '../lib/types.ts';
import { reportFixture, timedCell, untimedCell } from './report-fixture.ts';

const timed = (median: number, low: number, high: number): OkCell => ({
  ...timedCell('s', 'v', 1, median),
  ci_low_ns: low,
  ci_high_ns: high,
});

describe('speedupOf()', () => {
  it('divides the baseline median by the variant median and takes the interval from the CI ends', () => {
    const point = speedupOf(timed(1000, 900, 1200), timed(100, 80, 150));
    assert.equal(point.speedup, 10);
    assert.equal(point.speedup_low, 900 / 150);
    assert.equal(point.speedup_high, 1200 / 80);
    assert.equal(point.faster, true);
  });

  it('is not "faster" when the intervals overlap, even with a lower median', () => {
    const point = speedupOf(timed(100, 90, 110), timed(95, 85, 105));
    assert.ok(point.speedup > 1);
    assert.equal(point.faster, false);
  });
});

describe('speedupPoints()', () => {
  it('gives each variant’s speedup over a baseline at every common n, with its interval', () => {
    const points = speedupPoints(reportFixture(), 'bottom-up').filter((p) => p.suite === 'alpha');
    const dictAt40 = points.find((p) => p.variant === 'dict' && p.n === 40);
    assert.deepEqual(
      { speedup: dictAt40?.speedup, low: dictAt40?.speedup_low, high: dictAt40?.speedup_high },
      { speedup: 1, low: (2000 * 0.9) / (2000 * 1.1), high: (2000 * 1.1) / (2000 * 0.9) },
    );
    assert.equal(dictAt40?.faster, false);
    assert.ok(!points.some((p) => p.variant === 'bottom-up'), 'no speedup of the baseline over itself');
    assert.ok(!points.some((p) => p.variant === 'naive' && p.n === 40), 'naive was not timed at n = 40');
  });

  it('leaves out cells without a positive median or interval', () => {
    assert.equal(isTimed({ ...timedCell('s', 'v', 1, 10), ci_low_ns: 0 }), false);
    assert.equal(isTimed(untimedCell('s', 'v', 1, 'error')), false);
    assert.equal(isTimed(timedCell('s', 'v', 1, 10)), true);
  });
});
