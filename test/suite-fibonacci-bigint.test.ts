import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import fibonacciBigInt, { fibonacciBigIntFastDoubling } from '../suites/fibonacci-bigint.ts';

/** OEIS A000045, F(0)..F(20). */
const A000045 = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765];
/** Exact values from OEIS A000045's b-file: F(78), the largest below 2^53, and F(100), F(300) beyond it. */
const F78 = 8944394323791464n;
const F100 = 354224848179261915075n;
const F300 = 222232244629420445529739893461909967206666939096499764990979600n;

describe('fibonacci-bigint suite', () => {
  it('reference matches OEIS A000045, exactly past 2^53', () => {
    assert.deepEqual(
      A000045.map((_, n) => fibonacciBigIntFastDoubling(n)),
      A000045.map(BigInt),
    );
    assert.equal(fibonacciBigIntFastDoubling(78), F78);
    assert.equal(fibonacciBigIntFastDoubling(100), F100);
    assert.equal(fibonacciBigIntFastDoubling(300), F300);
  });

  it('reference satisfies Cassini’s identity F(n-1) F(n+1) - F(n)^2 = (-1)^n at n = 10,000 (2,090 digits)', () => {
    const n = 10_000;
    const [before, at, after] = [n - 1, n, n + 1].map(fibonacciBigIntFastDoubling) as [
      bigint,
      bigint,
      bigint,
    ];
    assert.equal(before * after - at * at, 1n);
    assert.equal(at.toString().length, 2_090);
  });

  for (const [name, factory] of Object.entries(fibonacciBigInt.variants)) {
    it(`${name} matches OEIS A000045`, () => {
      const limit = name === 'naive' ? 20 : A000045.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), BigInt(A000045[n]!), `F(${n})`);
      if (name !== 'naive') {
        assert.equal(factory(plainTools)(100), F100, 'F(100)');
        assert.equal(factory(plainTools)(300), F300, 'F(300)');
      }
    });
  }

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(fibonacciBigInt.sequence, true);
    const fib = fibonacciBigInt.variants.map(plainTools);
    assert.deepEqual(
      [20, 10, 100].map((n) => fib(n)),
      [6765n, 55n, F100],
    );
  });
});
