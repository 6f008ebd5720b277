import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  keptProcesses,
  TRIM_FROM,
  trimInflation,
  trimmedGeometricMean,
  trimmedLogMean,
} from '../lib/trimmed-log-mean.ts';

describe('trimmedLogMean()', () => {
  it('keeps every process below TRIM_FROM and sets the slowest aside from it on', () => {
    assert.equal(TRIM_FROM, 4);
    const three = trimmedLogMean([0, 1, 5]);
    assert.deepEqual([three.mean, three.kept, three.factor], [2, 3, 1]);
    const four = trimmedLogMean([5, 0, 1, 2]);
    assert.deepEqual([four.mean, four.kept, four.squares], [1, 3, 2]);
    assert.equal(four.factor, trimInflation(4));
  });

  it('trims from another count when asked (a run trims from 3)', () => {
    const three = trimmedLogMean([0, 1, 5], 3);
    assert.deepEqual([three.mean, three.kept, three.factor], [0.5, 2, trimInflation(3, 3)]);
    assert.ok(trimInflation(3, 3) > trimInflation(4));
    assert.equal(keptProcesses(3, 3), 2);
  });

  it('inflates by the largest tabled count not above r', () => {
    assert.equal(trimInflation(3), 1);
    assert.equal(trimInflation(11), trimInflation(10));
    assert.ok(trimInflation(4) > trimInflation(16));
    assert.deepEqual(
      [1, 3, 4, 8].map((r) => keptProcesses(r)),
      [1, 3, 3, 7],
    );
  });
});

describe('trimmedGeometricMean()', () => {
  it('is the geometric mean of the process medians without the slowest of four', () => {
    assert.ok(Math.abs(trimmedGeometricMean([100, 400, 200, 10_000]) - 200) < 1e-9);
    assert.ok(Math.abs(trimmedGeometricMean([100, 400]) - 200) < 1e-9);
  });
});
