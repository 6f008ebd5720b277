import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { createCountingTools } from '../runners/counting-tools.ts';
import { P } from '../suites/_modular.ts';
import fibonacci, { fibonacciFastDoubling } from '../suites/fibonacci.ts';

/** OEIS A000045, F(0)..F(20). */
const A000045 = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765];
/** Exact values from OEIS A000045's b-file: F(78) is the largest below 2^53; F(100) for the modulus. */
const F78 = 8944394323791464n;
const F100 = 354224848179261915075n;

describe('fibonacci suite', () => {
  it('reference matches OEIS A000045 and the exact large values modulo P', () => {
    assert.deepEqual(
      A000045.map((_, n) => fibonacciFastDoubling(n)),
      A000045,
    );
    assert.equal(fibonacciFastDoubling(78), Number(F78 % BigInt(P)));
    assert.equal(fibonacciFastDoubling(100), Number(F100 % BigInt(P)));
  });

  // Library-wrapping variants are audited separately (some defaults do not memoize recursion at all).
  const handWritten = Object.entries(fibonacci.variants).filter(
    ([name]) => fibonacci.libraries?.[name] === undefined,
  );
  for (const [name, factory] of handWritten) {
    it(`${name} matches OEIS A000045`, () => {
      const limit = name === 'naive' ? 20 : A000045.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), A000045[n], `F(${n})`);
      if (name !== 'naive') assert.equal(factory(plainTools)(100), Number(F100 % BigInt(P)), 'F(100) mod P');
    });
  }

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(fibonacci.sequence, true);
    const fib = fibonacci.variants.dict(plainTools);
    assert.deepEqual(
      [5, 10, 20].map((n) => fib(n)),
      [5, 55, 6765],
    );
  });

  it('seed: the seed text’s default-parameter dictionary is new at every top-level call in JavaScript', () => {
    const counter = createCountingTools();
    const fib = fibonacci.variants.seed?.(counter.tools);
    assert.ok(fib !== undefined);
    assert.equal(fib(30), 832040);
    const first = counter.counts();
    // Every F(k), k = 0..30, computed once: 31 misses, 28 hits (F(k-2) after F(k-1) filled it), 59 calls.
    assert.deepEqual(
      { calls: first.calls, cache_hits: first.cache_hits, cache_misses: first.cache_misses },
      { calls: 59, cache_hits: 28, cache_misses: 31 },
    );
    counter.reset();
    fib(30);
    // Nothing carried over: the second call on the same instance redoes every call. dict's instance
    // answers the same second call from its cache with a single call.
    assert.equal(counter.counts().calls, 59);
    const dictCounter = createCountingTools();
    const dict = fibonacci.variants.dict(dictCounter.tools);
    dict(30);
    dictCounter.reset();
    dict(30);
    assert.equal(dictCounter.counts().calls, 1);
  });
});
