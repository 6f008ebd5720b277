import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ladderSettled, runPrior } from '../runners/precision.ts';

const settings = { min_processes: 3, max_processes: 6, target_half_width_pct: 5 };

/** One process's samples around `median` ns (±0.5%). */
const around = (median: number) =>
  Array.from({ length: 20 }, (_, i) => median * (1 + ((i % 5) - 2) * 0.0025));
/** A size timed by processes with these medians. */
const size = (...medians: number[]) => medians.map(around);

describe('ladderSettled()', () => {
  const precise = size(100, 100.2, 99.9, 100.1);
  const loose = size(80, 100, 125, 90);

  it('never settles below the fewest processes, even when precise', () => {
    assert.equal(ladderSettled([precise.slice(0, 2)], 2, settings, null), false);
  });

  it('settles from the fewest processes on once every size’s prediction interval is within the target', () => {
    assert.equal(ladderSettled([precise, precise], 4, settings, null), true);
    assert.equal(ladderSettled([precise, loose], 4, settings, null), false, 'one loose size keeps it going');
  });

  it('always settles at the most processes', () => {
    assert.equal(ladderSettled([loose], 6, settings, null), true);
  });

  it('does not let a size that no process timed hold the others back', () => {
    assert.equal(ladderSettled([precise, []], 4, settings, null), true);
  });

  it('settles a ladder with no timed size once it ran, and never before', () => {
    assert.equal(ladderSettled([], 1, settings, null), true);
    assert.equal(ladderSettled([], 0, settings, null), false);
  });

  it('without a target (runs from before rounds) settles only at the most processes', () => {
    const fixed = { ...settings, target_half_width_pct: null };
    assert.equal(ladderSettled([precise], 4, fixed, null), false);
    assert.equal(ladderSettled([precise], 6, fixed, null), true);
  });

  it('judges a cell by the run’s prior: three agreeing processes are not precise in a run whose processes differ', () => {
    // 40 cells whose processes differ by about 8%: the run's prior says processes spread that much.
    const noisy = Array.from({ length: 40 }, (_, i) => size(100 + i, (100 + i) * 1.08, (100 + i) * 0.93));
    const prior = runPrior(noisy);
    assert.ok(prior !== null);
    const calm = size(100, 100.1, 100.05);
    assert.equal(ladderSettled([calm], 3, settings, null), true, 'alone, the cell looks precise');
    assert.equal(ladderSettled([calm], 3, settings, prior), false, 'the run knows processes differ more');
  });
});

describe('runPrior()', () => {
  it('needs cells of two processes or more, and enough of them', () => {
    assert.equal(runPrior([size(100), size(200)]), null);
    assert.equal(runPrior(Array.from({ length: 5 }, () => size(100, 101))), null);
  });
});
