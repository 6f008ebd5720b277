import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { createCountingTools } from '../runners/counting-tools.ts';
import fibonacci, { fibonacciFastDoubling } from '../suites/fibonacci.ts';
import lcs from '../suites/lcs.ts';

/** Exact F(n) for the closed forms (Number is exact up to F(78)). */
const F = (n: number): number => {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
};

function counted(variant: keyof typeof fibonacci.variants, n: number) {
  const counting = createCountingTools();
  const answer = fibonacci.variants[variant]!(counting.tools)(n);
  return { answer, ...counting.counts() };
}

describe('createCountingTools() on Fibonacci', () => {
  it('naive recursion makes exactly 2F(n+1) - 1 calls, n deep', () => {
    for (const n of [1, 2, 5, 10, 20, 25]) {
      const counts = counted('naive', n);
      assert.equal(counts.calls, 2 * F(n + 1) - 1, `n = ${n}`);
      assert.equal(counts.max_depth, n);
      assert.equal(counts.cache_entries, 0);
      assert.equal(counts.answer, fibonacciFastDoubling(n));
    }
  });

  it('memoized top-down makes 2n - 1 calls: n - 1 misses, n - 3 hits, 3 base cases', () => {
    // F(k) for k >= 2 misses once; for k >= 4 its second call F(k-2) hits; F(2) and F(3) reach 3 base cases.
    for (const variant of ['dict', 'map', 'array'] as const) {
      for (const n of [5, 50, 500]) {
        const counts = counted(variant, n);
        assert.deepEqual(
          [counts.calls, counts.cache_misses, counts.cache_hits, counts.cache_entries, counts.max_depth],
          [2 * n - 1, n - 1, n - 3, n - 1, n],
          `${variant} at n = ${n}`,
        );
      }
    }
  });

  it('the generic memoizer also caches the base cases: n + 1 misses, n - 2 hits', () => {
    const counts = counted('closure', 100);
    assert.deepEqual(
      [counts.calls, counts.cache_misses, counts.cache_hits, counts.cache_entries],
      [199, 101, 98, 101],
    );
  });

  it('bottom-up counts one loop step per table cell written and no recursion', () => {
    const counts = counted('bottom-up', 1000);
    assert.deepEqual([counts.calls, counts.cache_entries, counts.max_depth], [1000, 1000, 0]);
  });

  it('counts table cells by index only: methods, length and a rewrite add no entry or step', () => {
    const { tools, counts } = createCountingTools();
    const table = tools.table(Int32Array, 4, -1);
    table[2] = 5;
    table[2] = 6;
    table.fill(0, 3);
    assert.equal(table.length, 4);
    assert.deepEqual([...table], [-1, -1, 6, 0]);
    assert.deepEqual([counts().calls, counts().cache_entries], [2, 1]);
  });

  it('counts are identical on every run (exact, machine-independent)', () => {
    assert.deepEqual(counted('map', 300), counted('map', 300));
  });
});

describe('createCountingTools() on LCS', () => {
  it('every memoized call is a base case, a hit or a miss; misses equal the entries', () => {
    const input = lcs.input(40, createRng(3));
    for (const variant of ['dict', 'map', 'closure'] as const) {
      const counting = createCountingTools();
      lcs.variants[variant](counting.tools)(input);
      const counts = counting.counts();
      assert.equal(counts.cache_misses, counts.cache_entries, variant);
      assert.ok(counts.cache_hits + counts.cache_misses <= counts.calls, variant);
      assert.ok(counts.max_depth <= 2 * 40 + 1, variant);
    }
  });

  it('counts a Map of Maps by its inner lookup, the one that decides', () => {
    const counting = createCountingTools();
    const memo = counting.tools.map<number, Map<number, number>>();
    const f = counting.tools.recursive((i: number, j: number): number => {
      let row = memo.get(i);
      if (row === undefined) {
        row = counting.tools.map<number, number>();
        memo.set(i, row);
      }
      const cached = row.get(j);
      if (cached !== undefined) return cached;
      row.set(j, i + j);
      return i + j;
    });
    f(1, 1);
    f(1, 2);
    f(1, 2);
    assert.deepEqual([counting.counts().cache_misses, counting.counts().cache_hits], [2, 1]);
  });

  it('counts the deciding lookup of a call only, so "has" then "get" is one lookup', () => {
    const counting = createCountingTools();
    const memo = counting.tools.object<number>();
    const f = counting.tools.recursive((n: number): number => {
      if ('x' in memo && memo.x !== undefined) return memo.x;
      memo.x = n;
      return n;
    });
    f(1);
    f(2);
    assert.deepEqual(
      [counting.counts().calls, counting.counts().cache_misses, counting.counts().cache_hits],
      [2, 1, 1],
    );
  });

  it('reset() starts calls, hits, misses and depth afresh but keeps the entries', () => {
    const counting = createCountingTools();
    const fib = fibonacci.variants.map(counting.tools);
    fib(30);
    counting.reset();
    fib(30);
    assert.deepEqual(counting.counts(), {
      calls: 1,
      cache_hits: 1,
      cache_misses: 0,
      cache_entries: 29,
      max_depth: 1,
    });
  });
});

describe('memoizeWith() (third-party memoizers)', () => {
  /** A memoizer that caches everything in a closure Map keyed by the first argument, like many libraries do. */
  const library =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const cache = (library as unknown as { cache: Map<unknown, R> }).cache;
      if (cache.has(args[0])) return cache.get(args[0]) as R;
      const value = fn(...args);
      cache.set(args[0], value);
      return value;
    };
  /** A "memoizer" that keeps only the last result (maxSize 1), so recursion is not memoized. */
  const lastOnly = <A extends unknown[], R>(fn: (...args: A) => R) => {
    let last: { key: unknown; value: R } | undefined;
    return (...args: A): R => {
      if (last !== undefined && last.key === args[0]) return last.value;
      const value = fn(...args);
      last = { key: args[0], value };
      return value;
    };
  };

  it('counts calls through the binding, misses that reached fn and hits that did not', () => {
    (library as unknown as { cache: Map<unknown, number> }).cache = new Map();
    const counting = createCountingTools();
    const fib: (n: number) => number = counting.tools.memoizeWith(library, (n: number): number =>
      n < 2 ? n : fib(n - 1) + fib(n - 2),
    );
    assert.equal(fib(30), 832040);
    const counts = counting.counts();
    assert.deepEqual([counts.calls, counts.cache_misses, counts.cache_hits], [59, 31, 28]);
  });

  it('shows a memoizer that does not memoize the recursion: naive call counts', () => {
    const counting = createCountingTools();
    const fib: (n: number) => number = counting.tools.memoizeWith(lastOnly, (n: number): number =>
      n < 2 ? n : fib(n - 1) + fib(n - 2),
    );
    fib(20);
    assert.ok(counting.counts().calls > 10_000, `calls ${counting.counts().calls}`);
  });
});
