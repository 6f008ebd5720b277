import { defineSuite } from '../lib/define-suite.ts';
import { P } from './_modular.ts';

/** The modulus: a prime below 2^30, so a sum of three residues stays an exact small integer. */

/**
 * The sum D(n, n) = sum_{k=0}^{n} binomial(n, k)^2 2^k in exact BigInt (k counts the diagonal
 * steps), a closed form instead of the variants' grid recurrence. Each term follows from the one
 * before: term(k + 1) = term(k) * 2 (n - k)^2 / (k + 1)^2, and that quotient is exact.
 */
export function centralDelannoyExact(n: number): bigint {
  let term = 1n; // binomial(n, k)^2 2^k, from k = 0
  let sum = 1n;
  for (let k = 0; k < n; k++) {
    const up = BigInt(n - k);
    const down = BigInt(k + 1);
    term = (term * 2n * up * up) / (down * down);
    sum += term;
  }
  return sum;
}

export default defineSuite<number, number>({
  id: 'delannoy',
  title: 'Central Delannoy numbers modulo 1,000,000,007',
  description:
    'D(n, n) mod 1,000,000,007: paths from (0, 0) to (n, n) with steps right, up or diagonally up-right, D(i, j) = D(i-1, j) + D(i, j-1) + D(i-1, j-1) (OEIS A001850), past 2^53 from n = 23. State: (i, j), two-dimensional; the dict, map and closure caches use the string key "i,j". The three-way plain recursion grows like (3 + 2√2)^n ≈ 5.83^n calls; memoized, (n + 1)^2 states and O(n^2) time.',
  recurrence: 'D(i, j) = D(i-1, j) + D(i, j-1) + D(i-1, j-1) mod P, D(i, 0) = D(0, j) = 1',
  complexity: { naive: 'O((3 + 2√2)^n) ≈ O(5.83^n) calls', memoized: 'O(n^2) time, O(n^2) cache' },
  input: (n) => n,
  reference: (n) => Number(centralDelannoyExact(n) % BigInt(P)),
  sizes: {
    quick: [1, 2, 3, 4, 5, 6, 7, 8, 50, 100, 200, 400, 800, 3_000],
    default: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50, 100, 200, 400, 800, 1_600, 3_000, 10_000],
    full: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 50, 100, 200, 400, 800, 1_600, 3_000, 10_000, 30_000],
  },
  variants: {
    naive: (t) => {
      const delannoy = t.recursive((i: number, j: number): number =>
        i === 0 || j === 0 ? 1 : (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P,
      );
      return (n) => delannoy(n, n);
    },

    dict: (t) => {
      const memo = t.object<number>();
      const delannoy = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = `${i},${j}`;
        const cached = memo[key];
        if (cached !== undefined) return cached;
        const value = (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P;
        memo[key] = value;
        return value;
      });
      return (n) => delannoy(n, n);
    },

    map: (t) => {
      const memo = t.map<string, number>();
      const delannoy = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = `${i},${j}`;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => delannoy(n, n);
    },

    closure: (t) => {
      const delannoy: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number =>
          i === 0 || j === 0 ? 1 : (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P,
        (i, j) => `${i},${j}`,
      );
      return (n) => delannoy(n, n);
    },

    'bottom-up': (t) => (n) => {
      // One row of the grid: before the update row[j] holds D(i-1, j) and row[j - 1] already D(i, j-1);
      // `diagonal` saves D(i-1, j-1) before row[j - 1] was overwritten.
      const row = t.table(Int32Array, n + 1, 1);
      for (let i = 1; i <= n; i++) {
        let diagonal = 1; // D(i-1, 0)
        for (let j = 1; j <= n; j++) {
          const above = row[j] as number;
          row[j] = (above + (row[j - 1] as number) + diagonal) % P;
          diagonal = above;
        }
      }
      return row[n] as number;
    },

    'map-packed': (t) => {
      // The key i * width + j is one number; width = n + 1 fits every j <= n of one input, so the
      // keys of one n mean nothing for another: a new n starts an empty cache.
      const memo = t.map<number, number>();
      let width = 0;
      const delannoy = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = i * width + j;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo.clear();
        }
        return delannoy(n, n);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      const delannoy = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        let row = memo.get(i);
        if (row === undefined) {
          row = t.map<number, number>();
          memo.set(i, row);
        }
        const cached = row.get(j);
        if (cached !== undefined) return cached;
        const value = (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P;
        row.set(j, value);
        return value;
      });
      return (n) => delannoy(n, n);
    },

    array: (t) => {
      // A flat (n + 1) x (n + 1) table, cell i * width + j; -1 marks "not computed" (residues are >= 0).
      let memo = t.table(Int32Array, 0, -1);
      let width = 0;
      const delannoy = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const cached = memo[i * width + j] as number;
        if (cached !== -1) return cached;
        const value = (delannoy(i - 1, j) + delannoy(i, j - 1) + delannoy(i - 1, j - 1)) % P;
        memo[i * width + j] = value;
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo = t.table(Int32Array, width * width, -1);
        }
        return delannoy(n, n);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by one number, i * (n + 1) + j, instead of the string "i,j".',
    'map-nested': 'A Map of Maps: one inner Map per row i, keyed by j.',
    array: 'Top-down with a flat Int32Array indexed by i * (n + 1) + j, -1 meaning not yet computed.',
    'bottom-up':
      'Keeps one row of the grid (n + 1 cells) and the diagonal neighbour in a variable, where the top-down caches keep n^2 entries.',
  },
});
