import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedRun, LruMap, smallestSufficientCapacity } from '../lib/lru.ts';
import type { CapacityPoint } from '../lib/types.ts';
import fibonacci from '../suites/fibonacci.ts';

/** F(k), exactly (k <= 78). */
const F = (k: number): number => {
  let [a, b] = [0, 1];
  for (let i = 0; i < k; i++) [a, b] = [b, a + b];
  return a;
};
const fibCalls = (n: number, capacity: number, limit?: number) =>
  boundedRun(fibonacci.variants.closure, n, capacity, limit);

describe('LruMap', () => {
  it('evicts the least recently used entry, a read counting as a use', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    assert.equal(lru.get('a'), 1);
    lru.set('c', 3);
    assert.deepEqual([...lru.keys()], ['a', 'c']);
    lru.set('a', 10);
    lru.set('d', 4);
    assert.deepEqual(
      [...lru.entries()],
      [
        ['a', 10],
        ['d', 4],
      ],
    );
    assert.equal(lru.get('missing'), undefined);
  });

  it('stores nothing with capacity 0', () => {
    const lru = new LruMap<string, number>(0);
    lru.set('a', 1);
    assert.equal(lru.size, 0);
  });
});

describe('boundedRun() on Fibonacci (closure: every state cached, base cases too)', () => {
  it('makes naive’s 2F(n+1) - 1 calls with no cache or one entry', () => {
    // One entry never helps: when fib(k) is asked for, the last state stored is never fib(k)
    // (a first child's last stored state lies above it, a second child's is its sibling fib(k+1)).
    for (let n = 0; n <= 22; n++) {
      assert.equal(fibCalls(n, 0).calls, 2 * F(n + 1) - 1, `capacity 0, n = ${n}`);
      assert.equal(fibCalls(n, 1).calls, 2 * F(n + 1) - 1, `capacity 1, n = ${n}`);
    }
  });

  it('makes the unbounded cache’s 2n - 1 calls from 3 entries on', () => {
    // When fib(k) asks for fib(k-2), the last three states used are fib(k-2), fib(k-3), fib(k-1).
    for (const n of [1, 2, 5, 20, 300]) {
      for (const capacity of [3, 4, 10, Number.POSITIVE_INFINITY]) {
        const run = fibCalls(n, capacity);
        assert.deepEqual([run.calls, run.exact, run.answer], [2 * n - 1, true, fibonacci.reference(n)]);
      }
    }
    assert.equal(fibCalls(300, Number.POSITIVE_INFINITY).entries, 301);
    assert.equal(fibCalls(300, 3).entries, 3);
  });

  it('with 2 entries grows like 1.3803^n: the increments follow d(n) = d(n-1) + d(n-4)', () => {
    // Measured, not derived: the sequence of calls 1, 1, 3, 5, 9, 13, 19, 27, 39, ...; 1.3803 is the
    // real root of x^4 = x^3 + 1, against naive's φ = 1.618.
    const calls = Array.from({ length: 31 }, (_, n) => fibCalls(n, 2).calls);
    assert.deepEqual(calls.slice(0, 9), [1, 1, 3, 5, 9, 13, 19, 27, 39]);
    const d = (n: number) => (calls[n] as number) - (calls[n - 1] as number);
    for (let n = 5; n <= 30; n++) assert.equal(d(n), d(n - 1) + d(n - 4), `n = ${n}`);
    assert.ok(Math.abs(d(30) / d(29) - 1.3803) < 0.001);
  });

  it('stops at the call limit and says the count is a lower bound', () => {
    assert.deepEqual(
      { ...fibCalls(25, 0, 1000), entries: 0 },
      { capacity: 0, calls: 1000, exact: false, entries: 0 },
    );
  });
});

describe('smallestSufficientCapacity()', () => {
  it('finds Fibonacci’s 3 entries for calls within 2x', () => {
    for (const n of [10, 100]) {
      const run = (capacity: number, limit: number): CapacityPoint => fibCalls(n, capacity, limit);
      const { capacity, calls, exact } = smallestSufficientCapacity(run, n + 1, 2 * n - 1, 2);
      assert.deepEqual({ capacity, calls, exact }, { capacity: 3, calls: 2 * n - 1, exact: true });
    }
  });

  it('answers 0 when no cache is within the factor', () => {
    const run = (capacity: number): CapacityPoint => ({ capacity, calls: 10 - capacity, exact: true });
    assert.equal(smallestSufficientCapacity(run, 8, 5, 2).capacity, 0);
  });

  it('finds the boundary of a step', () => {
    const run = (capacity: number): CapacityPoint => ({
      capacity,
      calls: capacity >= 37 ? 100 : 1000,
      exact: true,
    });
    assert.equal(smallestSufficientCapacity(run, 500, 100, 2).capacity, 37);
  });
});
