import { defineSuite } from '../lib/define-suite.ts';

/**
 * Q(n) by a forward iteration over a growing plain array, 0-indexed with a placeholder at 0.
 * Not independent of the recurrence: Q has no closed form and no other known algorithm, so this is
 * the same recurrence in a different data layout and loop from the bottom-up variant (a `push`ed
 * Array instead of a preallocated typed table). The tests pin it to terms of OEIS A005185.
 */
export function hofstadterQForward(n: number): number {
  const q = [0, 1, 1]; // q[0] is unused; Q(1) = Q(2) = 1
  while (q.length <= n) {
    const m = q.length;
    q.push((q[m - (q[m - 1] as number)] as number) + (q[m - (q[m - 2] as number)] as number));
  }
  return q[n] as number;
}

export default defineSuite<number, number>({
  id: 'hofstadter-q',
  title: 'Hofstadter’s Q sequence',
  description:
    'Q(n) of Hofstadter’s meta-Fibonacci sequence (OEIS A005185), Q(n) = Q(n - Q(n-1)) + Q(n - Q(n-2)): the two previous terms say how far back to look for the two terms to add. Q(n) <= n, so every value is an exact small integer without a modulus. One-dimensional state n; unlike Fibonacci the memoized recursion also looks up far-back states. The plain recursion makes about 1.62^n calls (measured), the memoized and tabulated versions O(n).',
  recurrence: 'Q(n) = Q(n - Q(n-1)) + Q(n - Q(n-2)), Q(1) = Q(2) = 1',
  complexity: {
    naive:
      'exponential, about 1.62^n calls (measured; the calls Q(n-1) and Q(n-2) alone grow like Fibonacci)',
    memoized: 'O(n) time, O(n) cache',
  },
  input: (n) => n,
  sequence: true,
  reference: hofstadterQForward,
  sizes: {
    quick: [5, 10, 15, 20, 25, 30, 100, 1_000, 3_000, 10_000, 100_000, 1_000_000],
    default: [5, 10, 15, 20, 25, 30, 32, 34, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 1_000_000],
    full: [
      5, 10, 15, 20, 25, 30, 32, 34, 36, 38, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000,
      1_000_000, 10_000_000,
    ],
  },
  variants: {
    naive: (t) => {
      const q = t.recursive((n: number): number => (n <= 2 ? 1 : q(n - q(n - 1)) + q(n - q(n - 2))));
      return q;
    },

    dict: (t) => {
      const memo = t.object<number>();
      const q = t.recursive((n: number): number => {
        if (n <= 2) return 1;
        const cached = memo[n];
        if (cached !== undefined) return cached;
        const value = q(n - q(n - 1)) + q(n - q(n - 2));
        memo[n] = value;
        return value;
      });
      return q;
    },

    map: (t) => {
      const memo = t.map<number, number>();
      const q = t.recursive((n: number): number => {
        if (n <= 2) return 1;
        const cached = memo.get(n);
        if (cached !== undefined) return cached;
        const value = q(n - q(n - 1)) + q(n - q(n - 2));
        memo.set(n, value);
        return value;
      });
      return q;
    },

    closure: (t) => {
      const q: (n: number) => number = t.memoize((n: number): number =>
        n <= 2 ? 1 : q(n - q(n - 1)) + q(n - q(n - 2)),
      );
      return q;
    },

    'bottom-up': (t) => (n) => {
      const table = t.table(Int32Array, Math.max(n + 1, 3), 0);
      table[1] = 1;
      table[2] = 1;
      for (let i = 3; i <= n; i++) {
        table[i] =
          (table[i - (table[i - 1] as number)] as number) + (table[i - (table[i - 2] as number)] as number);
      }
      return table[n] as number;
    },

    array: (t) => {
      // -1 marks "not computed": every Q(n) is at least 1.
      let memo = t.table(Int32Array, 0, -1);
      const q = t.recursive((n: number): number => {
        if (n <= 2) return 1;
        const cached = memo[n] as number;
        if (cached !== -1) return cached;
        const value = q(n - q(n - 1)) + q(n - q(n - 2));
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
        return q(n);
      };
    },
  },
  notes: {
    array:
      'Top-down with an Int32Array memo indexed by n, -1 meaning not yet computed; a larger n grows the table, keeping its cells.',
  },
});
