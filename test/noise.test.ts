import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell } from '../lib/types.ts';
import { noiseSentence, runNoise } from '../reports/noise.ts';
import { fixtureResults, okCell, skippedCell } from './helpers.ts';

/** A cell measured in `processes` processes with the given spreads (percent) and interval (ns). */
const spread = (
  n: number,
  processes: number,
  between: number,
  within: number,
  low: number,
  high: number,
): Cell => ({
  ...okCell('map', n, 100),
  processes,
  spread_between_pct: between,
  spread_within_pct: within,
  ci_low_ns: low,
  ci_high_ns: high,
});

describe('runNoise()', () => {
  it('takes medians over the cells timed in two or more processes only', () => {
    const results = fixtureResults([
      spread(1, 4, 10, 1, 100, 121),
      spread(2, 4, 30, 3, 100, 144),
      spread(3, 2, 20, 2, 100, 400),
      spread(4, 1, 99, 99, 1, 1e6),
      skippedCell('map', 5),
    ]);
    const noise = runNoise(results);
    assert.deepEqual([noise?.cells, noise?.between_pct, noise?.within_pct], [3, 20, 2]);
    // Half-widths sqrt(high / low) - 1: 10%, 20% and 100%; the one-process cell (a millionfold) is left out.
    assert.ok(Math.abs((noise?.half_width_pct ?? 0) - 20) < 1e-9);
    assert.equal(
      noiseSentence(noise),
      'Noise: in the median of the 3 cells timed in two or more processes, the process medians differed by 20.0% (spread_between_pct), the samples within one process by 2.0% (spread_within_pct); the median half-width of their 95% intervals for another run was ±20.0%.',
    );
  });

  it('says nothing for a run of one process per cell', () => {
    const noise = runNoise(fixtureResults([spread(1, 1, 0, 1, 99, 101)]));
    assert.equal(noise, null);
    assert.equal(noiseSentence(noise), undefined);
  });
});
