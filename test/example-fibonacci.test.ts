import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fibonacciProblem, { fibonacciFastDoubling } from '../examples/fibonacci.ts';
import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import fibonacci from '../suites/fibonacci.ts';

describe('examples/fibonacci.ts', () => {
  it('the reference gives F(0) to F(10) and agrees with the shipped suite’s modulo 1,000,000,007', () => {
    assert.deepEqual(
      Array.from({ length: 11 }, (_, n) => fibonacciFastDoubling(n)),
      [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55],
    );
    for (const n of [0, 1, 90, 1_000, 123_456])
      assert.equal(fibonacciFastDoubling(n), fibonacci.reference(n));
  });

  it('its derived variants answer what the shipped suite’s hand-written ones answer', () => {
    const derived = ['naive', 'map-string', 'map-packed', 'closure', 'array'];
    const hand = ['naive', 'map', 'closure', 'array'];
    for (const n of [5, 20, 1_000]) {
      const input = fibonacciProblem.input(n, rngFor(1, fibonacciProblem.id, n));
      const expected = fibonacci.reference(n);
      for (const variant of derived) {
        if (variant === 'naive' && n > 20) continue;
        assert.equal(fibonacciProblem.variants[variant]!(plainTools)(input), expected, `${variant} at ${n}`);
      }
      for (const variant of hand) {
        if (variant === 'naive' && n > 20) continue;
        assert.equal(
          fibonacci.variants[variant]!(plainTools)(n),
          expected,
          `hand-written ${variant} at ${n}`,
        );
      }
    }
  });

  it('derives an LRU cache of 3 entries, as the capacity curves of the suite find', () => {
    assert.equal(fibonacciProblem.derivation.lru_capacity, 3);
    assert.ok('lru-3' in fibonacciProblem.variants);
  });
});
