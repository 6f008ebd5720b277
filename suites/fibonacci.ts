import { defineSuite } from '../lib/define-suite.ts';
import { libraryVariants } from '../lib/memoizers.ts';
import { P } from './_modular.ts';

/** Fast doubling in BigInt: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2 (mod P). */
export function fibonacciFastDoubling(n: number): number {
  const p = BigInt(P);
  let a = 0n; // F(k)
  let b = 1n; // F(k+1)
  for (let bit = Math.floor(Math.log2(Math.max(n, 1))); bit >= 0; bit--) {
    const c = (a * ((2n * b - a + p) % p)) % p;
    const d = (a * a + b * b) % p;
    if ((n >> bit) & 1) [a, b] = [d, (c + d) % p];
    else [a, b] = [c, d];
  }
  return Number(a);
}

/** The audit's npm memoizers (lib/memoizers.ts); the recursion goes through each one's binding. */
const audit = libraryVariants<[n: number], number, number>(undefined, (memoizer) => (t) => {
  const fib: (n: number) => number = t.memoizeWith(memoizer, (n: number): number =>
    n < 2 ? n : (fib(n - 1) + fib(n - 2)) % P,
  );
  return fib;
});

export default defineSuite<number, number>({
  id: 'fibonacci',
  title: 'Fibonacci numbers modulo 1,000,000,007',
  description:
    'F(n) mod 1,000,000,007 in Number arithmetic: the seed text’s own example. The modulus keeps every value exact (below 2^53).',
  recurrence: 'F(n) = F(n-1) + F(n-2) mod P, F(0) = 0, F(1) = 1',
  complexity: { naive: 'O(φ^n) calls, φ ≈ 1.618', memoized: 'O(n) time, O(n) cache' },
  input: (n) => n,
  sequence: true,
  reference: fibonacciFastDoubling,
  sizes: {
    quick: [5, 10, 15, 20, 25, 30, 100, 1_000, 10_000, 100_000, 1_000_000],
    default: [
      5, 10, 15, 20, 25, 30, 35, 40, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000,
    ],
    full: [
      5, 10, 15, 20, 25, 30, 32, 34, 36, 38, 40, 42, 44, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000,
      300_000, 1_000_000, 3_000_000, 10_000_000,
    ],
  },
  variants: {
    naive: (t) => {
      const fib = t.recursive((n: number): number => (n < 2 ? n : (fib(n - 1) + fib(n - 2)) % P));
      return fib;
    },

    dict: (t) => {
      const memo = t.object<number>();
      const fib = t.recursive((n: number): number => {
        if (n < 2) return n;
        const cached = memo[n];
        if (cached !== undefined) return cached;
        const value = (fib(n - 1) + fib(n - 2)) % P;
        memo[n] = value;
        return value;
      });
      return fib;
    },

    seed: (t) => {
      // The seed text's fibonacci_memo(n, memo={}) translated line by line: the dictionary is a
      // default parameter threaded through the recursion, the base cases are cached too. JavaScript
      // evaluates a default parameter at every call that omits it, so each top-level call starts
      // with a new, empty dictionary (Python evaluates it once: one dictionary shared by every call,
      // which is what `--cache sequence` shows for `dict`).
      const fibonacciMemo = t.recursive(
        (n: number, memo: Record<number, number> = t.object<number>()): number => {
          if (n in memo) return memo[n] as number;
          let result: number;
          if (n <= 1) result = n;
          else result = (fibonacciMemo(n - 1, memo) + fibonacciMemo(n - 2, memo)) % P;
          memo[n] = result;
          return result;
        },
      );
      return (n) => fibonacciMemo(n);
    },

    map: (t) => {
      const memo = t.map<number, number>();
      const fib = t.recursive((n: number): number => {
        if (n < 2) return n;
        const cached = memo.get(n);
        if (cached !== undefined) return cached;
        const value = (fib(n - 1) + fib(n - 2)) % P;
        memo.set(n, value);
        return value;
      });
      return fib;
    },

    closure: (t) => {
      const fib: (n: number) => number = t.memoize((n: number): number =>
        n < 2 ? n : (fib(n - 1) + fib(n - 2)) % P,
      );
      return fib;
    },

    'bottom-up': (t) => (n) => {
      const table = t.table(Int32Array, n + 1, 0);
      if (n > 0) table[1] = 1;
      for (let i = 2; i <= n; i++) table[i] = ((table[i - 1] as number) + (table[i - 2] as number)) % P;
      return table[n] as number;
    },

    array: (t) => {
      // -1 marks "not computed": every F(n) mod P is a residue in [0, P), so -1 never collides.
      let memo = t.table(Int32Array, 0, -1);
      const fib = t.recursive((n: number): number => {
        if (n < 2) return n;
        const cached = memo[n] as number;
        if (cached !== -1) return cached;
        const value = (fib(n - 1) + fib(n - 2)) % P;
        memo[n] = value;
        return value;
      });
      return (n) => {
        if (memo.length <= n) {
          // Grow by at least doubling and keep what is cached, so one instance answers f(1), ..., f(n).
          const grown = t.table(Int32Array, Math.max(n + 1, 2 * memo.length), -1);
          grown.set(memo);
          memo = grown;
        }
        return fib(n);
      };
    },

    ...audit.variants,
  },
  notes: {
    seed: 'The seed text’s fibonacci_memo(n, memo={}), translated literally: a dictionary passed down the recursion as a default parameter, base cases cached. JavaScript makes a new dictionary at every top-level call; Python makes one when the function is defined and shares it between calls.',
  },
  libraries: audit.libraries,
});
