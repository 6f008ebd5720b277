import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../checks/compare.ts';
import { compareTimes } from '../checks/time-compare.ts';
import { DEFAULT_NOISE, syntheticPair } from './checks-synthetic.ts';

/**
 * Detection quality of the same-machine time comparison, on synthetic samples with seeded noise
 * (see checks-synthetic.ts for the model): the defaults are 5 processes per cell and run (ab
 * --rounds 5, or --repeat 5) and 1,000 samples per process, a 5% noise threshold, alpha 0.05 and
 * Holm's correction over a grid of 100 cells, 10% of them much noisier than the rest.
 */
const GRID = 100;
const changed = (verdict: string) => verdict === 'regressed' || verdict === 'improved';

/** Share of trials in which cell 0, slowed by `factor`, is flagged as regressed. */
function detectionRate(factor: number, trials: number, seed: number): number {
  let caught = 0;
  for (let trial = 0; trial < trials; trial++) {
    const { a, b } = syntheticPair({ cells: GRID, slowed: [0], factor, seed: seed + trial });
    if (compareTimes(a, b, DEFAULT_SETTINGS).cells[0]?.verdict === 'regressed') caught++;
  }
  return caught / trials;
}

describe('same-machine time comparison on synthetic samples', () => {
  it('assumes the defaults the commands use', () => {
    assert.equal(DEFAULT_NOISE.processes, 5);
    assert.equal(DEFAULT_NOISE.samples, 1000);
    assert.equal(DEFAULT_SETTINGS.threshold_pct, 5);
    assert.equal(DEFAULT_SETTINGS.alpha, 0.05);
    assert.equal(DEFAULT_SETTINGS.correction, 'holm');
  });

  it('raises at most 1% false alarms over grids of 100 identical cells', (t) => {
    const trials = 40;
    let flagged = 0;
    let runsWithAlarm = 0;
    for (let trial = 0; trial < trials; trial++) {
      const { a, b } = syntheticPair({ cells: GRID, slowed: [], factor: 1, seed: 1000 + trial });
      const alarms = compareTimes(a, b, DEFAULT_SETTINGS).cells.filter((cell) =>
        changed(cell.verdict),
      ).length;
      flagged += alarms;
      if (alarms > 0) runsWithAlarm++;
    }
    t.diagnostic(
      `${flagged} false alarms in ${trials * GRID} cells; ${runsWithAlarm} of ${trials} runs with any`,
    );
    assert.ok(flagged / (trials * GRID) <= 0.01, `${flagged} false alarms in ${trials * GRID} cells`);
    // Holm bounds the chance of any false alarm in a run by alpha; the threshold makes it rarer still.
    assert.ok(
      runsWithAlarm / trials <= DEFAULT_SETTINGS.alpha,
      `${runsWithAlarm} of ${trials} runs had an alarm`,
    );
  });

  it('flags a 10% slowdown of one cell among 100 in at least 95% of trials', (t) => {
    const rate = detectionRate(1.1, 60, 5000);
    t.diagnostic(`caught in ${(100 * rate).toFixed(0)}% of 60 trials`);
    assert.ok(rate >= 0.95, `caught in ${(100 * rate).toFixed(0)}% of trials`);
  });

  it('does not report a 2% slowdown (below the 5% noise threshold)', () => {
    assert.equal(detectionRate(1.02, 10, 9000), 0);
  });

  it('sweeps slowdowns from 2% to 20% (MEMOBENCH_SWEEP=1; prints the detection rate of each)', {
    skip: process.env.MEMOBENCH_SWEEP !== '1',
  }, (t) => {
    for (const pct of [2, 4, 6, 8, 10, 12, 15, 20]) {
      const rate = detectionRate(1 + pct / 100, 100, 20_000 + pct * 1000);
      t.diagnostic(`slowdown ${pct}%: caught in ${(100 * rate).toFixed(0)}% of 100 trials`);
    }
  });
});
