import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictCallNs } from '../runners/predict.ts';

describe('predictCallNs()', () => {
  it('extrapolates a power law through the last point and one at most 2/3 its size', () => {
    // t = n^2: from (10, 100) and (20, 400), n = 40 gives 1,600.
    const points = [
      { n: 10, median_ns: 100 },
      { n: 20, median_ns: 400 },
    ];
    assert.ok(Math.abs((predictCallNs(points, 40) ?? 0) - 1600) < 1e-6);
  });

  it('skips a neighbour too close to the last point, so noise is not magnified', () => {
    // 19 -> 20 with 30% noise would give an exponent of about 5; the fit uses 10 -> 20 instead.
    const points = [
      { n: 10, median_ns: 100 },
      { n: 19, median_ns: 300 },
      { n: 20, median_ns: 400 },
    ];
    assert.ok(Math.abs((predictCallNs(points, 40) ?? 0) - 1600) < 1e-6);
  });

  it('under-predicts exponential growth (the safe side) and still flags hopeless sizes', () => {
    // naive Fibonacci: about 1.618^n ns; through 20 and 30, the power law at 100 is still astronomically large.
    const fib = (n: number) => 1.618 ** n;
    const predicted = predictCallNs(
      [20, 25, 30].map((n) => ({ n, median_ns: fib(n) })),
      100,
    );
    assert.ok(predicted !== undefined && predicted < fib(100) && predicted > 1e9);
  });

  it('switches to an exponential model when the power-law exponent accelerates', () => {
    // naive LCS-like growth, 2.5^n: exponents grow along the ladder, so n = 32 is predicted as exponential.
    const growth = (n: number) => 2.5 ** n;
    const points = [4, 6, 8, 10, 12, 14, 16].map((n) => ({ n, median_ns: growth(n) }));
    const predicted = predictCallNs(points, 32) ?? 0;
    assert.ok(Math.abs(predicted / growth(32) - 1) < 1e-9, `${predicted} vs ${growth(32)}`);
    // A polynomial whose exponent rises with cache effects (1.0 then 1.3) keeps the power law.
    const cacheBound = [
      { n: 30, median_ns: 770 },
      { n: 100, median_ns: 2600 },
      { n: 1000, median_ns: 2600 * 10 ** 1.3 },
    ];
    assert.ok(Math.abs((predictCallNs(cacheBound, 10_000) ?? 0) - 2600 * 10 ** 2.6) < 1e-3);
    // A steady n^2 keeps the power law.
    const square = [10, 20, 40, 80].map((n) => ({ n, median_ns: n * n }));
    assert.ok(Math.abs((predictCallNs(square, 160) ?? 0) - 25_600) < 1e-6);
  });

  it('predicts nothing without a wide enough pair or without growth', () => {
    assert.equal(predictCallNs([{ n: 10, median_ns: 5 }], 20), undefined);
    assert.equal(
      predictCallNs(
        [
          { n: 10, median_ns: 5 },
          { n: 12, median_ns: 9 },
        ],
        20,
      ),
      undefined,
    );
    assert.equal(
      predictCallNs(
        [
          { n: 10, median_ns: 5 },
          { n: 20, median_ns: 4 },
        ],
        40,
      ),
      undefined,
    );
  });
});
