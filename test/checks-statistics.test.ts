import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import betainc from '@stdlib/math-base-special-betainc';
import digamma from '@stdlib/math-base-special-digamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import { bootstrapRatioInterval } from '../checks/bootstrap.ts';
import { mannWhitney } from '../checks/mann-whitney.ts';
import { fitPrior, logSummary, moderatedTest, VARIANCE_FLOOR } from '../checks/moderated.ts';
import { adjust, benjaminiHochberg, holm } from '../checks/multiple-testing.ts';
import { createRng } from '../lib/random.ts';
import {
  fUpperTail,
  normalTwoSided,
  studentQuantileTwoSided,
  studentTwoSided,
  trigammaInverse,
} from '../lib/special.ts';
import { gaussian } from './checks-synthetic.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('special functions', () => {
  // Reference values: the critical values of the published t and F tables, closed forms, and
  // scipy.stats 1.17 (independent code: Cephes and Boost) for the far tails.
  it('give the normal and Student t tails of the published tables', () => {
    close(normalTwoSided(1.959964), 0.05, 1e-7);
    close(normalTwoSided(-3), 0.0026997960632601913, 1e-15);
    // Far tails keep their digits (relative 1e-9), as 1 - cdf would not.
    close(normalTwoSided(10), 1.523970604832094e-23, 1e-32);
    close(studentTwoSided(2.776445, 4), 0.05, 1e-7);
    close(studentTwoSided(-12.7062, 1), 0.05, 1e-6);
    close(studentTwoSided(10, 30), 4.575251408229618e-11, 1e-20);
    // df = 1 is the Cauchy distribution: P(|T| >= t) = (2 / pi) atan(1 / t).
    close(studentTwoSided(1e6, 1), (2 / Math.PI) * Math.atan(1e-6), 1e-16);
  });

  it('invert the two-sided Student t tail', () => {
    close(studentQuantileTwoSided(0.05, 10), 2.228139, 1e-6);
    close(studentQuantileTwoSided(0.05, 1), 12.706205, 1e-6);
    close(studentQuantileTwoSided(0.01, 5), 4.032143, 1e-6);
    close(studentQuantileTwoSided(0.05, 30), 2.042272, 1e-6);
    // Many degrees of freedom: the normal's 1.959964.
    close(studentQuantileTwoSided(0.05, 1e6), 1.959964, 1e-5);
    // Infinite degrees of freedom: the normal limit itself (stdlib's t gives NaN there).
    close(studentQuantileTwoSided(0.05, Number.POSITIVE_INFINITY), 1.959964, 1e-6);
    close(studentTwoSided(1.959964, Number.POSITIVE_INFINITY), 0.05, 1e-6);
    // Cauchy: the t with (2 / pi) atan(1 / t) = 1e-9.
    close(
      studentQuantileTwoSided(1e-9, 1),
      1 / Math.tan((Math.PI / 2) * 1e-9),
      1e-9 / Math.tan((Math.PI / 2) * 1e-9),
    );
    close(studentTwoSided(studentQuantileTwoSided(1e-6, 7), 7), 1e-6, 1e-15);
  });

  it('give the F tail and the incomplete beta function the checks use', () => {
    close(fUpperTail(4.017877, 4, 30), 0.01, 1e-7);
    close(fUpperTail(1, 4, 4), 0.5, 1e-15);
    assert.equal(fUpperTail(0, 4, 30), 1);
    // I_0.3(2, 3) = P(Binomial(4, 0.3) >= 2) = 0.3483 exactly: betainc takes (x, a, b).
    close(betainc(0.3, 2, 3), 0.3483, 1e-15);
  });

  it('give the digamma family at its closed forms, and invert trigamma', () => {
    const euler = 0.5772156649015329;
    close(digamma(1), -euler, 1e-15);
    close(digamma(0.5), -euler - 2 * Math.LN2, 1e-14);
    close(trigamma(1), Math.PI ** 2 / 6, 1e-14);
    close(trigamma(0.5), Math.PI ** 2 / 2, 1e-14);
    for (const y of [0.3, 1, 3.7, 15, 200]) {
      const x = trigamma(y);
      assert.ok(
        Math.abs(trigammaInverse(x) - y) <= 1e-7 * y,
        `trigammaInverse(trigamma(${y})) = ${trigammaInverse(x)}`,
      );
    }
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
    const first = bootstrapRatioInterval(a, b, { alpha: 0.05, key: 'cell' });
    assert.deepEqual(bootstrapRatioInterval(a, b, { alpha: 0.05, key: 'cell' }), first);
    assert.ok(first[0] < 1.2 && first[1] > 1.2, `interval ${first}`);
    assert.ok(first[1] - first[0] < 0.02, 'narrow with 1,000 samples');
  });
});
