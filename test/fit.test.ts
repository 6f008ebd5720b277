import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fitComplexity,
  MODELS,
  type ModelName,
  modelFormula,
  modelLabel,
  predict,
  type SeriesPoint,
} from '../lib/fit.ts';
import { createRng } from '../lib/random.ts';
import { fibonacciNumbers } from './report-fixture.ts';

/** A ladder like the suites' ladders: powers of two from 2 to 2^16. */
const LADDER = Array.from({ length: 16 }, (_, i) => 2 ** (i + 1));

const SHAPES: Record<Exclude<ModelName, 'b^n'>, (n: number) => number> = {
  '1': () => 1,
  'log n': (n) => Math.log2(n),
  n: (n) => n,
  'n log n': (n) => n * Math.log2(n),
  'n^2': (n) => n * n,
  'n^3': (n) => n ** 3,
};

function series(ns: readonly number[], f: (n: number) => number): SeriesPoint[] {
  return ns.map((n) => ({ n, y: f(n) }));
}

describe('fitComplexity()', () => {
  for (const [model, shape] of Object.entries(SHAPES) as [
    Exclude<ModelName, 'b^n'>,
    (n: number) => number,
  ][]) {
    it(`recognises an exact ${model} series, with a constant term, and predicts it`, () => {
      const fit = fitComplexity(series(LADDER, (n) => 40 + 3 * shape(n)));
      assert.equal(fit?.best.model, model);
      assert.ok((fit?.best.rel_rms ?? 1) < 1e-6, `fit error ${fit?.best.rel_rms}`);
      for (const n of [3, 100, 5000]) {
        const expected = 40 + 3 * shape(n);
        assert.ok(Math.abs(predict(fit!.best, n) - expected) / expected < 1e-6, `${model} at n = ${n}`);
      }
    });
  }

  it('fits the golden ratio to 2F(n+1) - 1, the call count of naive Fibonacci, over n = 5..30', () => {
    const f = fibonacciNumbers(31);
    const calls = series(
      Array.from({ length: 26 }, (_, i) => i + 5),
      (n) => 2 * (f[n + 1] as number) - 1,
    );
    const fit = fitComplexity(calls);
    assert.equal(fit?.best.model, 'b^n');
    assert.equal(fit?.best.base?.toFixed(3), '1.618');
    assert.equal(modelLabel(fit!.best), 'O(1.618^n)');
  });

  it('fits the base of other exponentials (2^n, 1.3^n, 3^n) to three digits', () => {
    for (const base of [2, 1.3, 3]) {
      const fit = fitComplexity(series([4, 6, 8, 10, 12, 14, 16, 18, 20], (n) => 5 * base ** n + 100));
      assert.equal(fit?.best.model, 'b^n', `base ${base}`);
      assert.equal(fit?.best.base?.toFixed(3), base.toFixed(3));
    }
  });

  it('still picks the right model under 5% multiplicative noise', () => {
    const rng = createRng(42);
    const noisy = (f: (n: number) => number) => (n: number) => f(n) * (1 + 0.1 * (rng.next() - 0.5));
    const cases: [ModelName, readonly number[], (n: number) => number][] = [
      ['1', LADDER, () => 250],
      ['n', LADDER, (n) => 12 * n + 30],
      ['n log n', LADDER, (n) => 2 * n * Math.log2(n) + 50],
      ['n^2', LADDER, (n) => 0.5 * n * n + 100],
      ['b^n', [5, 10, 15, 20, 25, 30, 35, 40], (n) => 3 * 1.618 ** n],
    ];
    for (const [model, ns, f] of cases) {
      for (let trial = 0; trial < 5; trial++) {
        const fit = fitComplexity(series(ns, noisy(f)));
        assert.equal(fit?.best.model, model, `trial ${trial}`);
        assert.ok(
          (fit?.best.rel_rms ?? 1) < 0.05,
          `${model}: fit error ${fit?.best.rel_rms} within the noise`,
        );
      }
    }
    const base = fitComplexity(
      series(
        [5, 10, 15, 20, 25, 30, 35, 40],
        noisy((n) => 3 * 1.618 ** n),
      ),
    )?.best.base;
    assert.ok(Math.abs((base ?? 0) - 1.618) < 0.005, `base ${base}`);
  });

  it('orders the candidates best first and reports each one', () => {
    const fit = fitComplexity(series(LADDER, (n) => n * n));
    assert.ok(fit !== null);
    const criteria = fit.candidates.map((candidate) => candidate.bic);
    assert.deepEqual(
      criteria,
      [...criteria].sort((a, b) => a - b),
    );
    assert.ok(fit.candidates.length >= MODELS.length - 1, 'every shape that fits with c > 0 is a candidate');
    assert.deepEqual([fit.points, fit.n_min, fit.n_max], [16, 2, 65536]);
  });

  it('ignores zero, negative and non-finite values and gives up below three sizes', () => {
    const fit = fitComplexity([
      { n: 1, y: 0 },
      { n: 2, y: -5 },
      { n: 3, y: Number.NaN },
      ...series([4, 8, 16, 32], (n) => 7 * n),
    ]);
    assert.equal(fit?.best.model, 'n');
    assert.equal(fit?.points, 4);
    assert.equal(fitComplexity(series([4, 8], (n) => n)), null);
    assert.equal(fitComplexity([]), null);
  });

  it('never offers an exponential for a long ladder whose b^n would overflow', () => {
    const fit = fitComplexity(series([10, 100, 1_000, 10_000, 100_000, 1_000_000], (n) => 4 * n + 50));
    assert.equal(fit?.best.model, 'n');
    assert.ok(!fit?.candidates.some((candidate) => candidate.model === 'b^n'));
  });
});

describe('modelFormula()', () => {
  it('writes the fitted model with its constant and the caller’s unit', () => {
    const fit = fitComplexity(series(LADDER, (n) => 3 * n - 2))!;
    assert.equal(
      modelFormula(fit.best, (value) => `${value.toFixed(1)} ns`),
      '3.0 ns × n - 2.0 ns',
    );
    const flat = fitComplexity(series(LADDER, () => 9))!;
    assert.equal(
      modelFormula(flat.best, (value) => `${value.toFixed(1)} ns`),
      '9.0 ns',
    );
  });
});
