import { defineSuite } from '../lib/define-suite.ts';
import { P } from './_modular.ts';

/**
 * The multiplicative formula in exact BigInt: binomial(n, i) = binomial(n, i - 1) * (n - i + 1) / i,
 * each quotient exact. k multiplications instead of the variants' Pascal additions.
 */
export function binomialExact(n: number, k: number): bigint {
  let value = 1n;
  for (let i = 1; i <= k; i++) value = (value * BigInt(n - i + 1)) / BigInt(i);
  return value;
}

/** The state (n, k) of one input: the central coefficient binomial(n, floor(n / 2)). */
export interface BinomialInput {
  n: number;
  k: number;
}

export default defineSuite<BinomialInput, number>({
  id: 'binomial',
  title: 'Central binomial coefficients by Pascal’s rule, modulo 1,000,000,007',
  description:
    'binomial(n, floor(n/2)) mod 1,000,000,007 by Pascal’s rule C(i, j) = C(i-1, j-1) + C(i-1, j) (values pass 2^53 from n = 57). State: (i, j), two-dimensional, j <= k = floor(n/2); the dict, map and closure caches use the string key "i,j". The plain recursion makes about 2 binomial(n, n/2) ≈ 2^n calls; memoized, about n^2/4 states and O(n^2) time.',
  recurrence: 'C(i, j) = C(i-1, j-1) + C(i-1, j) mod P, C(i, 0) = C(i, i) = 1',
  complexity: {
    naive: 'O(binomial(n, n/2)) ≈ O(2^n / √n) calls',
    memoized: 'O(n^2) time (about n^2/4 states), O(n^2) cache',
  },
  input: (n) => ({ n, k: Math.floor(n / 2) }),
  reference: ({ n, k }) => Number(binomialExact(n, k) % BigInt(P)),
  sizes: {
    quick: [4, 8, 12, 16, 20, 24, 100, 200, 400, 800, 1_600, 10_000],
    default: [4, 8, 12, 16, 20, 22, 24, 26, 28, 100, 200, 400, 800, 1_600, 3_200, 10_000, 30_000],
    full: [
      4, 8, 12, 16, 20, 22, 24, 26, 28, 30, 32, 100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 30_000,
      100_000,
    ],
  },
  variants: {
    naive:
      (t) =>
      ({ n, k }) => {
        const binomial = t.recursive((i: number, j: number): number =>
          j === 0 || j === i ? 1 : (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P,
        );
        return binomial(n, k);
      },

    dict: (t) => {
      const memo = t.object<number>();
      const binomial = t.recursive((i: number, j: number): number => {
        if (j === 0 || j === i) return 1;
        const key = `${i},${j}`;
        const cached = memo[key];
        if (cached !== undefined) return cached;
        const value = (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P;
        memo[key] = value;
        return value;
      });
      return ({ n, k }) => binomial(n, k);
    },

    map: (t) => {
      const memo = t.map<string, number>();
      const binomial = t.recursive((i: number, j: number): number => {
        if (j === 0 || j === i) return 1;
        const key = `${i},${j}`;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P;
        memo.set(key, value);
        return value;
      });
      return ({ n, k }) => binomial(n, k);
    },

    closure: (t) => {
      const binomial: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number =>
          j === 0 || j === i ? 1 : (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P,
        (i, j) => `${i},${j}`,
      );
      return ({ n, k }) => binomial(n, k);
    },

    'bottom-up':
      (t) =>
      ({ n, k }) => {
        // One row of Pascal's triangle, updated right to left so row[j - 1] still holds row i - 1.
        const row = t.table(Int32Array, k + 1, 0);
        row[0] = 1;
        for (let i = 1; i <= n; i++) {
          for (let j = Math.min(i, k); j >= 1; j--)
            row[j] = ((row[j] as number) + (row[j - 1] as number)) % P;
        }
        return row[k] as number;
      },

    'map-packed': (t) => {
      // The key i * width + j is one number; width = k + 1 fits every j <= k of one input, so the
      // keys of one input mean nothing for another: a new input starts an empty cache.
      const memo = t.map<number, number>();
      let width = 0;
      const binomial = t.recursive((i: number, j: number): number => {
        if (j === 0 || j === i) return 1;
        const key = i * width + j;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P;
        memo.set(key, value);
        return value;
      });
      return ({ n, k }) => {
        if (width !== k + 1) {
          width = k + 1;
          memo.clear();
        }
        return binomial(n, k);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      const binomial = t.recursive((i: number, j: number): number => {
        if (j === 0 || j === i) return 1;
        let row = memo.get(i);
        if (row === undefined) {
          row = t.map<number, number>();
          memo.set(i, row);
        }
        const cached = row.get(j);
        if (cached !== undefined) return cached;
        const value = (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P;
        row.set(j, value);
        return value;
      });
      return ({ n, k }) => binomial(n, k);
    },

    array: (t) => {
      // A flat (n + 1) x (k + 1) table, cell i * width + j; -1 marks "not computed" (residues are >= 0).
      let memo = t.table(Int32Array, 0, -1);
      let width = 0;
      const binomial = t.recursive((i: number, j: number): number => {
        if (j === 0 || j === i) return 1;
        const cached = memo[i * width + j] as number;
        if (cached !== -1) return cached;
        const value = (binomial(i - 1, j - 1) + binomial(i - 1, j)) % P;
        memo[i * width + j] = value;
        return value;
      });
      return ({ n, k }) => {
        if (width !== k + 1 || memo.length < (n + 1) * (k + 1)) {
          width = k + 1;
          memo = t.table(Int32Array, (n + 1) * width, -1);
        }
        return binomial(n, k);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by one number, i * (k + 1) + j, instead of the string "i,j".',
    'map-nested': 'A Map of Maps: one inner Map per row i, keyed by j.',
    array: 'Top-down with a flat Int32Array indexed by i * (k + 1) + j, -1 meaning not yet computed.',
    'bottom-up':
      'Keeps one row of Pascal’s triangle (k + 1 cells), updated right to left, where the top-down caches keep about n^2/4 entries.',
  },
});
