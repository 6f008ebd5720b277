import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapRatioInterval } from '../checks/bootstrap.ts';
import { mannWhitney } from '../checks/mann-whitney.ts';
import { fitPrior, logSummary, moderatedTest, VARIANCE_FLOOR } from '../checks/moderated.ts';
import { adjust, benjaminiHochberg, holm } from '../checks/multiple-testing.ts';
import { createRng } from '../lib/random.ts';
import {
  digamma,
  fUpperTail,
  incompleteBeta,
  studentQuantileTwoSided,
  studentTwoSided,
  trigamma,
  trigammaInverse,
} from '../lib/special.ts';
import { gaussian } from './checks-synthetic.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('special functions', () => {
  it('match published values', () => {
    close(incompleteBeta(0.3, 2, 3), 0.3483, 1e-10);
    close(studentTwoSided(2.776445, 4), 0.05, 1e-6);
    close(studentTwoSided(12.7062, 1), 0.05, 1e-5);
    close(studentQuantileTwoSided(0.05, 10), 2.228139, 1e-5);
    close(studentQuantileTwoSided(0.05, Number.POSITIVE_INFINITY), 1.959964, 1e-5);
    close(digamma(1), -0.5772156649, 1e-9);
    close(trigamma(1), Math.PI ** 2 / 6, 1e-9);
    close(trigammaInverse(trigamma(3.7)), 3.7, 1e-8);
    close(fUpperTail(4.018, 4, 30), 0.01, 1e-4);
  });
});

describe('mannWhitney()', () => {
  it('is exact for small samples without ties', () => {
    assert.deepEqual(mannWhitney([1, 2, 3], [4, 5, 6]), { u: 9, p: 0.1, exact: true });
    close(mannWhitney([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]).p, 2 / 12870, 1e-12);
  });

  it('uses the tie-corrected normal approximation otherwise (R: wilcox.test(x, y) gives W = 58, p = 0.1329)', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = mannWhitney(x, y);
    assert.equal(result.u, 9 * 9 - 58);
    close(result.p, 0.1329, 5e-4);
    assert.equal(result.exact, false);
  });
});

describe('multiple-testing corrections', () => {
  it('Holm multiplies the k-th smallest p by m - k + 1 and keeps the order', () => {
    assert.deepEqual(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02]);
  });

  it('Benjamini-Hochberg multiplies by m / rank and takes the running minimum from the top', () => {
    assert.deepEqual(benjaminiHochberg([0.01, 0.04, 0.03, 0.005]), [0.02, 0.04, 0.04, 0.02]);
  });

  it('leaves untested cells (NaN) out of the count', () => {
    const adjusted = adjust([0.01, Number.NaN, 0.02], 'holm');
    assert.deepEqual(adjusted.slice(0, 1), [0.02]);
    assert.ok(Number.isNaN(adjusted[1]));
  });
});

describe('the moderated t-test', () => {
  it('recovers the typical variance of many cells', () => {
    const rng = createRng(1);
    const variances: number[] = [];
    for (let cell = 0; cell < 300; cell++) {
      const draw = () => Array.from({ length: 3 }, () => 1000 * Math.exp(0.02 * gaussian(rng)));
      variances.push(logSummary(draw(), draw()).variance);
    }
    const prior = fitPrior(
      variances,
      variances.map(() => 4),
    );
    close(Math.sqrt(prior.variance), 0.02, 0.003);
    assert.ok(prior.df >= 15, `homogeneous cells give a strong prior (df ${prior.df})`);
  });

  it('borrows no strength with too few cells', () => {
    assert.equal(fitPrior([0.01, 0.02], [4, 4]).df, 0);
  });

  it('sets the slowest of 5 processes aside, so one disturbed process neither hides nor fakes a change', () => {
    const calm = [100, 101, 99, 100.5, 99.5];
    const disturbedSlow = [110, 111, 109, 110.5, 220];
    const summary = logSummary(calm, disturbedSlow);
    close(Math.exp(summary.diff), 1.1, 0.01);
    assert.equal(summary.keptA, 4);
    const test = moderatedTest(summary, { variance: 0.01 ** 2, df: 10 }, 0.05);
    assert.ok(test.p < 1e-4, `p ${test.p}`);
    assert.ok(test.ciLow > 1.05 && test.ciHigh < 1.15);
  });

  it('judges a cell much noisier than the prior by its own variance', () => {
    const summary = logSummary([100, 130, 80], [120, 90, 140]);
    const test = moderatedTest(summary, { variance: 0.01 ** 2, df: 30 }, 0.05);
    assert.equal(test.outlier, true);
    assert.ok(test.p > 0.1);
  });

  it('floors the variance of identical process medians', () => {
    const summary = logSummary([68, 68, 68], [68, 68, 68]);
    const test = moderatedTest(summary, { variance: Number.NaN, df: 0 }, 0.05);
    assert.equal(test.p, 1);
    assert.ok(VARIANCE_FLOOR > 0);
  });
});

describe('bootstrapRatioInterval()', () => {
  it('is seeded by the key and covers the true ratio of medians', () => {
    const rng = createRng(2);
    const a = Array.from({ length: 1000 }, () => 100 * Math.exp(0.05 * gaussian(rng)));
    const b = Array.from({ length: 1000 }, () => 120 * Math.exp(0.05 * gaussian(rng)));
    const first = bootstrapRatioInterval(a, b, 0.05, 'cell');
    assert.deepEqual(bootstrapRatioInterval(a, b, 0.05, 'cell'), first);
    assert.ok(first[0] < 1.2 && first[1] > 1.2, `interval ${first}`);
    assert.ok(first[1] - first[0] < 0.02, 'narrow with 1,000 samples');
  });
});
