import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  fitPrior,
  logSummary,
  MAX_PRIOR_DF,
  MIN_PRIOR_CELLS,
  moderate,
  moderatedTest,
  OUTLIER_P,
  VARIANCE_FLOOR,
} from '../checks/moderated.ts';

const reference = <T>(file: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'reference', file), 'utf8')) as T;

/** limma 3.54's fitFDist and the robust fit transcribed on limma's functions (limma-fitfdist.R). */
interface FitReference {
  name: string;
  variances: number[];
  dfs: number[];
  limma: { variance: number; df: number | 'Infinity' };
  robust: { variance: number; df: number };
}
const FITS = reference<FitReference[]>('limma-fitfdist.json');

/** R's moderated t for given priors (moderated-t.R). */
interface TestReference {
  diff: number;
  variance: number;
  df: number;
  keptA: number;
  keptB: number;
  prior: { variance: number | 'NaN'; df: number };
  alpha: number;
  outlier: boolean;
  posterior: number;
  tDf: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}
const TESTS = reference<TestReference[]>('moderated-t.json');

const relative = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual / expected - 1) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} (relative) of ${expected}`,
  );

describe('fitPrior() against limma', () => {
  it('equals the robust fit written with limma’s functions on every reference set', () => {
    assert.equal(FITS.length, 4);
    for (const fit of FITS) {
      const prior = fitPrior(fit.variances, fit.dfs);
      relative(prior.variance, fit.robust.variance, 1e-9, `${fit.name} variance`);
      relative(prior.df, fit.robust.df, 1e-7, `${fit.name} df`);
    }
  });

  it('lands near limma’s own (non-robust) fitFDist where the cells are clean', () => {
    for (const fit of FITS.filter((f) => f.name.includes('simulated'))) {
      relative(fitPrior(fit.variances, fit.dfs).variance, fit.limma.variance, 0.02, fit.name);
    }
  });

  it('caps the degrees of freedom at MAX_PRIOR_DF, where limma would give infinity', () => {
    const identical = FITS.find((f) => f.name === 'identical variances') as FitReference;
    assert.equal(identical.limma.df, 'Infinity');
    assert.equal(fitPrior(identical.variances, identical.dfs).df, MAX_PRIOR_DF);
    assert.equal(MAX_PRIOR_DF, 30);
  });

  it('needs MIN_PRIOR_CELLS cells with degrees of freedom and a finite variance', () => {
    const twelve = FITS[0] as FitReference;
    assert.equal(MIN_PRIOR_CELLS, 10);
    const first = (count: number) => fitPrior(twelve.variances.slice(0, count), twelve.dfs.slice(0, count));
    assert.equal(first(MIN_PRIOR_CELLS - 1).df, 0);
    assert.ok(Number.isNaN(first(MIN_PRIOR_CELLS - 1).variance));
    assert.ok(first(MIN_PRIOR_CELLS).df > 0);
    // Cells without df or with no variance do not count, nor move the fit.
    const padded = fitPrior(
      [...twelve.variances, Number.NaN, 0.5, Number.POSITIVE_INFINITY],
      [...twelve.dfs, 4, 0, 4],
    );
    assert.deepEqual(padded, fitPrior(twelve.variances, twelve.dfs));
    assert.equal(
      fitPrior([...twelve.variances.slice(0, 9), Number.NaN], [...twelve.dfs.slice(0, 9), 4]).df,
      0,
    );
  });

  it('floors variances at VARIANCE_FLOOR before the fit', () => {
    const twelve = FITS[0] as FitReference;
    const zeros = twelve.variances.map((v, i) => (i < 3 ? 0 : v));
    const floored = twelve.variances.map((v, i) => (i < 3 ? VARIANCE_FLOOR : v));
    assert.deepEqual(fitPrior(zeros, twelve.dfs), fitPrior(floored, twelve.dfs));
    assert.ok(Number.isFinite(fitPrior(zeros, twelve.dfs).variance));
  });
});

describe('moderate()', () => {
  it('weights the cell’s variance and the prior’s by their degrees of freedom (R reference)', () => {
    for (const ref of TESTS) {
      const prior = {
        variance: ref.prior.variance === 'NaN' ? Number.NaN : ref.prior.variance,
        df: ref.prior.df,
      };
      const moderated = moderate(ref.variance, ref.df, prior);
      relative(moderated.variance, ref.posterior, 1e-12, 'posterior variance');
      assert.equal(moderated.df, ref.tDf);
      assert.equal(moderated.outlier, ref.outlier);
    }
  });

  it('sets a cell apart when its variance is beyond OUTLIER_P under the prior, and only then', () => {
    assert.equal(OUTLIER_P, 0.01);
    const prior = { variance: 0.0004, df: 12 };
    // F(4, 12) upper tail: 0.01 at F = 5.411951 (R: qf(0.99, 4, 12)).
    const at = (f: number) => moderate(0.0004 * f, 4, prior);
    assert.equal(at(5.4).outlier, false);
    assert.equal(at(5.43).outlier, true);
    assert.equal(at(5.43).df, 4);
    relative(at(5.43).variance, 0.0004 * 5.43, 1e-12, 'outlier variance');
    relative(at(5.4).variance, (12 * 0.0004 + 4 * 0.0004 * 5.4) / 16, 1e-12, 'moderated variance');
    // A small variance is never an outlier (one-sided).
    assert.equal(at(0.01).outlier, false);
  });

  it('floors the cell’s own variance at VARIANCE_FLOOR', () => {
    const moderated = moderate(0, 4, { variance: 0.0004, df: 0 });
    assert.equal(moderated.variance, VARIANCE_FLOOR);
    assert.equal(moderated.df, 4);
    assert.equal(moderate(0, 4, { variance: 0.0004, df: 4 }).variance, (0.0004 + VARIANCE_FLOOR) / 2);
  });

  it('gives a cell without degrees of freedom the prior alone, or nothing', () => {
    assert.deepEqual(moderate(Number.NaN, 0, { variance: 0.0004, df: 7 }), {
      variance: 0.0004,
      df: 7,
      outlier: false,
    });
    // A prior worth no degrees of freedom is no prior, whatever its variance.
    assert.ok(Number.isNaN(moderate(Number.NaN, 0, { variance: 0.0004, df: 0 }).variance));
    const none = moderate(Number.NaN, 0, { variance: Number.NaN, df: 0 });
    assert.ok(Number.isNaN(none.variance));
    assert.equal(none.df, 0);
    assert.equal(none.outlier, false);
  });
});

describe('moderatedTest()', () => {
  it('gives R’s t, p-value and interval for the moderated variance', () => {
    for (const ref of TESTS) {
      const prior = {
        variance: ref.prior.variance === 'NaN' ? Number.NaN : ref.prior.variance,
        df: ref.prior.df,
      };
      const test = moderatedTest(
        { diff: ref.diff, variance: ref.variance, df: ref.df, keptA: ref.keptA, keptB: ref.keptB },
        prior,
        ref.alpha,
      );
      relative(test.t, ref.t, 1e-12, 't');
      assert.equal(test.df, ref.tDf);
      assert.equal(test.outlier, ref.outlier);
      relative(test.p, ref.p, 1e-8, 'p');
      relative(test.ratio, Math.exp(ref.diff), 1e-15, 'ratio');
      relative(test.ciLow, ref.ciLow, 1e-10, 'ciLow');
      relative(test.ciHigh, ref.ciHigh, 1e-10, 'ciHigh');
    }
  });
});

describe('logSummary()', () => {
  it('gives the log ratio of geometric means and the pooled variance of the logs', () => {
    // Logs ln 100 + (-ln 1.1, 0, +ln 1.1) on both sides, B twice A: squares 2 (ln 1.1)^2 each, 4 df.
    const summary = logSummary([100, 110, 121], [242, 200, 220]);
    relative(summary.diff, Math.log(2), 1e-12, 'diff');
    relative(summary.variance, Math.log(1.1) ** 2, 1e-12, 'variance');
    assert.deepEqual([summary.df, summary.keptA, summary.keptB], [4, 3, 3]);
  });

  it('sets the slowest process aside from 4 on and inflates the variance for it, by the larger factor', () => {
    // A: 4 processes (kept 3, factor 1.314); B: 3 (factor 1). Kept logs as above.
    const summary = logSummary([100, 110, 121, 500], [200, 220, 242]);
    relative(summary.diff, Math.log(2), 1e-12, 'diff');
    relative(summary.variance, (1.314 * 4 * Math.log(1.1) ** 2) / 4, 1e-12, 'variance');
    assert.deepEqual([summary.df, summary.keptA, summary.keptB], [4, 3, 3]);
    const swapped = logSummary([200, 220, 242], [100, 110, 121, 500]);
    relative(swapped.variance, summary.variance, 1e-12, 'the larger factor, either side');
  });

  it('has no variance without degrees of freedom', () => {
    const summary = logSummary([100], [200]);
    assert.equal(summary.df, 0);
    assert.ok(Number.isNaN(summary.variance));
  });
});
