import { defineSuite } from '../lib/define-suite.ts';

/**
 * Fast doubling in exact BigInt arithmetic: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2.
 * O(log n) multiplications instead of the variants' n additions.
 */
export function fibonacciBigIntFastDoubling(n: number): bigint {
  let a = 0n; // F(k)
  let b = 1n; // F(k+1)
  for (let bit = Math.floor(Math.log2(Math.max(n, 1))); bit >= 0; bit--) {
    const c = a * (2n * b - a);
    const d = a * a + b * b;
    if ((n >> bit) & 1) [a, b] = [d, c + d];
    else [a, b] = [c, d];
  }
  return a;
}

// No `array` variant: typed arrays hold fixed-width numbers, and F(n) has about 0.694n bits.
export default defineSuite<number, bigint>({
  id: 'fibonacci-bigint',
  title: 'Exact Fibonacci numbers in BigInt',
  description:
    'F(n) exactly, as a BigInt of about 0.694n bits, from F(n) = F(n-1) + F(n-2). One-dimensional state n. The plain recursion makes O(φ^n) calls; the memoized and bottom-up versions make O(n) additions, but each addition of O(n)-bit numbers costs O(n) itself, so at large n the BigInt arithmetic (O(n^2) bit operations in all), not the number of calls, dominates their times. The bottom-up variant keeps only the last two values: a table of n BigInts would hold O(n^2) bits.',
  recurrence: 'F(n) = F(n-1) + F(n-2), F(0) = 0, F(1) = 1 (exact BigInt)',
  complexity: {
    naive: 'O(φ^n) calls, φ ≈ 1.618',
    memoized: 'O(n) additions of O(n)-bit numbers: O(n^2) bit operations; O(n^2) bits of cache',
  },
  input: (n) => n,
  sequence: true,
  reference: fibonacciBigIntFastDoubling,
  sizes: {
    quick: [5, 10, 15, 20, 25, 100, 1_000, 3_000, 10_000, 30_000, 100_000],
    default: [5, 10, 15, 20, 25, 30, 35, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000],
    full: [
      5, 10, 15, 20, 25, 30, 32, 34, 36, 38, 40, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000,
      1_000_000,
    ],
  },
  variants: {
    naive: (t) => {
      const fib = t.recursive((n: number): bigint => (n < 2 ? BigInt(n) : fib(n - 1) + fib(n - 2)));
      return fib;
    },

    dict: (t) => {
      const memo = t.object<bigint>();
      const fib = t.recursive((n: number): bigint => {
        if (n < 2) return BigInt(n);
        const cached = memo[n];
        if (cached !== undefined) return cached;
        const value = fib(n - 1) + fib(n - 2);
        memo[n] = value;
        return value;
      });
      return fib;
    },

    map: (t) => {
      const memo = t.map<number, bigint>();
      const fib = t.recursive((n: number): bigint => {
        if (n < 2) return BigInt(n);
        const cached = memo.get(n);
        if (cached !== undefined) return cached;
        const value = fib(n - 1) + fib(n - 2);
        memo.set(n, value);
        return value;
      });
      return fib;
    },

    closure: (t) => {
      const fib: (n: number) => bigint = t.memoize((n: number): bigint =>
        n < 2 ? BigInt(n) : fib(n - 1) + fib(n - 2),
      );
      return fib;
    },

    'bottom-up': () => (n) => {
      let previous = 0n; // F(i-1)
      let current = n > 0 ? 1n : 0n; // F(i), starting at i = min(n, 1)
      for (let i = 2; i <= n; i++) {
        const next = previous + current;
        previous = current;
        current = next;
      }
      return current;
    },
  },
  notes: {
    'bottom-up':
      'Keeps the last two values instead of a table: a table of n BigInts would hold O(n^2) bits (about 430 MB at n = 100,000).',
  },
});
