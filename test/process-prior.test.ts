import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRIOR_MAX_DF, PRIOR_MIN_CELLS } from '../lib/interval-constants.ts';
import { fitProcessPrior, priorVarianceAt } from '../lib/process-prior.ts';
import { createRng } from '../lib/random.ts';
import type { ProcessSummary, Rng } from '../lib/types.ts';
import { gaussian } from './checks-synthetic.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

/** A chi-square draw with `df` degrees of freedom (integer df). */
const chiSquare = (rng: Rng, df: number) =>
  Array.from({ length: df }, () => gaussian(rng) ** 2).reduce((sum, x) => sum + x, 0);

/** A cell whose log process medians have true variance `variance`, seen through `df` degrees of freedom. */
function cell(rng: Rng, durationNs: number, variance: number, df: number): ProcessSummary {
  return {
    processes: df + 1,
    process_medians_ns: [],
    spread_between_pct: 0,
    spread_within_pct: 0,
    log_estimate: Math.log(durationNs),
    kept: df,
    variance_log: (variance * chiSquare(rng, df)) / df,
    df,
    within_variance_log: 0,
    resolution: 0,
  };
}

/** Durations log-uniform over [low, high], ns. */
const duration = (rng: Rng, low: number, high: number) => low * (high / low) ** rng.next();

describe('fitProcessPrior()', () => {
  it('recovers the scale and degrees of freedom of cells whose variances scatter like the model says', (t) => {
    const rng = createRng(7);
    // True variances: 0.03^2 × 8 / chi-square(8); each cell seen with 1, 2 or 4 degrees of freedom.
    const cells = Array.from({ length: 900 }, (_, i) =>
      cell(rng, duration(rng, 100, 1e6), (0.03 ** 2 * 8) / chiSquare(rng, 8), [1, 2, 4][i % 3] as number),
    );
    const prior = fitProcessPrior(cells);
    assert.ok(prior !== null);
    assert.equal(prior.cells, 900);
    t.diagnostic(
      `df ${prior.df.toFixed(1)}, sd ${prior.knots.map((knot) => Math.sqrt(knot.variance_log).toFixed(4)).join(' ')}`,
    );
    assert.ok(prior.df >= 4 && prior.df <= 16, `df ${prior.df}`);
    for (const knot of prior.knots) close(Math.sqrt(knot.variance_log), 0.03, 0.006);
  });

  it('gives cells that all share one spread a prior at its cap', () => {
    const rng = createRng(8);
    const cells = Array.from({ length: 400 }, () => cell(rng, duration(rng, 100, 1e6), 0.02 ** 2, 2));
    const prior = fitProcessPrior(cells);
    assert.ok(prior !== null && prior.df > PRIOR_MAX_DF / 2, `df ${prior?.df}`);
  });

  it('follows the spread along durations, which a single level would mistake for scatter', (t) => {
    const rng = createRng(9);
    const fast = Array.from({ length: 300 }, () => cell(rng, duration(rng, 100, 1000), 0.06 ** 2, 2));
    const slow = Array.from({ length: 300 }, () => cell(rng, duration(rng, 1e5, 1e6), 0.015 ** 2, 2));
    const prior = fitProcessPrior([...fast, ...slow]);
    assert.ok(prior !== null);
    const ratio = priorVarianceAt(prior, 300) / priorVarianceAt(prior, 3e5);
    t.diagnostic(`variance ratio ${ratio.toFixed(1)}, df ${prior.df.toFixed(1)}`);
    assert.ok(ratio > 10 && ratio < 25, `variance ratio ${ratio} (true 16)`);
    assert.ok(prior.df > 10, `df ${prior.df}`);
    // The same cells at one duration: the two spreads look like scatter around one level.
    const flat = fitProcessPrior([...fast, ...slow].map((summary) => ({ ...summary, log_estimate: 0 })));
    assert.ok(flat !== null && flat.df < prior.df / 2, `df ${flat?.df} without the trend`);
  });

  it('needs PRIOR_MIN_CELLS cells with two or more processes', () => {
    const rng = createRng(10);
    const few = Array.from({ length: PRIOR_MIN_CELLS - 1 }, () => cell(rng, 1000, 0.001, 2));
    const single = Array.from({ length: 50 }, () => ({
      ...cell(rng, 1000, 0.001, 1),
      variance_log: Number.NaN,
      df: 0,
    }));
    assert.equal(fitProcessPrior([...few, ...single]), null);
    assert.ok(fitProcessPrior([...few, cell(rng, 1000, 0.001, 2)]) !== null);
  });
});

describe('priorVarianceAt()', () => {
  it('interpolates between knots on log duration and log variance, and holds the end values beyond', () => {
    const prior = {
      knots: [
        { duration_ns: 100, variance_log: 1e-2 },
        { duration_ns: 10_000, variance_log: 1e-4 },
      ],
      df: 5,
      cells: 200,
    };
    close(priorVarianceAt(prior, 1000), 1e-3, 1e-15);
    close(priorVarianceAt(prior, 10), 1e-2, 1e-15);
    close(priorVarianceAt(prior, 1e6), 1e-4, 1e-15);
  });
});
