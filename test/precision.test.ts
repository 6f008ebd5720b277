import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ladderSettled, processHalfWidthPct } from '../runners/precision.ts';

const settings = { min_processes: 3, max_processes: 6, target_half_width_pct: 2 };

describe('processHalfWidthPct()', () => {
  it('is the upper half of a t interval on the logs of the process medians, percent', () => {
    // logs ln 100 ± a with a = ln 1.01: sd = a√2, k = 2, t(1) = 12.706: t·sd/√k = 12.706 a.
    const expected = 100 * (Math.exp(12.706 * Math.log(1.01)) - 1);
    assert.ok(Math.abs(processHalfWidthPct([100 / 1.01, 100 * 1.01]) - expected) < 1e-9);
    assert.equal(processHalfWidthPct([5, 5, 5]), 0);
  });

  it('narrows as processes agree or add up, and does not depend on the unit', () => {
    const spread = [98, 100, 102];
    const wider = [90, 100, 110];
    assert.ok(processHalfWidthPct(spread) < processHalfWidthPct(wider));
    assert.ok(processHalfWidthPct([...spread, ...spread]) < processHalfWidthPct(spread));
    assert.ok(
      Math.abs(processHalfWidthPct(spread.map((x) => x * 1000)) - processHalfWidthPct(spread)) < 1e-9,
    );
  });

  it('has no interval from one process or from a median that is not positive', () => {
    assert.equal(processHalfWidthPct([100]), Number.POSITIVE_INFINITY);
    assert.equal(processHalfWidthPct([]), Number.POSITIVE_INFINITY);
    assert.equal(processHalfWidthPct([100, 0, 100]), Number.POSITIVE_INFINITY);
  });
});

describe('ladderSettled()', () => {
  const precise = [100, 100.1, 99.9];
  const loose = [90, 100, 110];

  it('never settles below the fewest processes, even when precise', () => {
    assert.equal(ladderSettled([precise.slice(0, 2)], 2, settings), false);
  });

  it('settles from the fewest processes on once every size is within the target', () => {
    assert.equal(ladderSettled([precise, precise], 3, settings), true);
    assert.equal(ladderSettled([precise, loose], 3, settings), false, 'one loose size keeps it going');
  });

  it('always settles at the most processes', () => {
    assert.equal(ladderSettled([loose], 6, settings), true);
  });

  it('counts a size that failed in some process by the medians it has', () => {
    assert.equal(
      ladderSettled([[100, 101]], 3, settings),
      false,
      'two medians 1% apart: t(1) makes it ±6.5%',
    );
  });

  it('settles a ladder with no timed size once it ran, and never before', () => {
    assert.equal(ladderSettled([], 1, settings), true);
    assert.equal(ladderSettled([], 0, settings), false);
  });

  it('without a target (runs from before rounds) settles only at the most processes', () => {
    const fixed = { ...settings, target_half_width_pct: null };
    assert.equal(ladderSettled([precise], 3, fixed), false);
    assert.equal(ladderSettled([precise], 6, fixed), true);
  });
});
