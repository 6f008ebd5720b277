import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OkCell } from '../lib/types.ts';
import {
  crossoverN,
  crossovers,
  crossoverText,
  isTimed,
  speedupOf,
  speedupPoints,
} from '../reports/crossover.ts';
import { ALPHA_CROSSOVERS, reportFixture, timedCell, untimedCell } from './report-fixture.ts';

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

describe('crossoverN()', () => {
  const at = (pairs: [number, boolean][]) => pairs.map(([n, faster]) => ({ n, faster }));

  it('is the first n of the final run of faster sizes', () => {
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, false],
          [3, true],
          [4, true],
        ]),
      ),
      3,
    );
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, true],
        ]),
      ),
      1,
    );
  });

  it('is null when the variant is not faster at the largest size, or nothing was compared', () => {
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, true],
          [3, false],
        ]),
      ),
      null,
    );
    assert.equal(crossoverN([]), null);
  });
});

describe('crossovers()', () => {
  const results = reportFixture();

  it('finds the crossover of every variant against naive in the fixture', () => {
    const found = Object.fromEntries(
      crossovers(results)
        .filter((c) => c.suite === 'alpha')
        .map((c) => [c.variant, c.crossover_n]),
    );
    assert.deepEqual(found, ALPHA_CROSSOVERS);
  });

  it('compares only sizes where both were timed, and says so in words', () => {
    const all = crossovers(results);
    const dict = all.find((c) => c.suite === 'alpha' && c.variant === 'dict')!;
    assert.deepEqual(dict.compared_n, [5, 10, 15, 20], 'naive was skipped at n = 40');
    assert.equal(crossoverText(dict), 'n = 10');
    const bottomUp = all.find((c) => c.suite === 'alpha' && c.variant === 'bottom-up')!;
    assert.equal(crossoverText(bottomUp), 'n = 5 (every size compared)');
    const closure = all.find((c) => c.suite === 'alpha' && c.variant === 'closure')!;
    assert.equal(crossoverText(closure), 'none measured');
  });

  it('reports nothing for a suite without naive cells', () => {
    const results = reportFixture();
    results.cells = results.cells.filter((cell) => cell.variant !== 'naive');
    assert.deepEqual(crossovers(results), []);
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
