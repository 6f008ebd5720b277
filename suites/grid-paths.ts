import { defineSuite } from '../lib/define-suite.ts';
import { libraryVariants } from '../lib/memoizers.ts';
import { P } from './_modular.ts';

/**
 * The closed form G(n, n) = binomial(2n, n) in exact BigInt, by the multiplicative formula
 * binomial(n + i, i) = binomial(n + i - 1, i - 1) * (n + i) / i (each quotient is exact).
 */
export function centralBinomialExact(n: number): bigint {
  let value = 1n;
  for (let i = 1; i <= n; i++) value = (value * BigInt(n + i)) / BigInt(i);
  return value;
}

/**
 * The audit's npm memoizers (lib/memoizers.ts), written like `closure`: the recursion goes through
 * each one's binding, with (i, j) as two arguments, so a memoizer keyed on the first one shows it.
 */
const audit = libraryVariants<[i: number, j: number], number, number>(
  (i, j) => `${i},${j}`,
  (memoizer) => (t) => {
    const paths: (i: number, j: number) => number = t.memoizeWith(memoizer, (i: number, j: number): number =>
      i === 0 || j === 0 ? 1 : (paths(i - 1, j) + paths(i, j - 1)) % P,
    );
    return (n) => paths(n, n);
  },
);

export default defineSuite<number, number>({
  id: 'grid-paths',
  title: 'Monotone lattice paths across an n x n grid, modulo 1,000,000,007',
  description:
    'The number of monotone paths from (0, 0) to (n, n), G(i, j) = G(i-1, j) + G(i, j-1), mod 1,000,000,007: the central binomial coefficient binomial(2n, n) (OEIS A000984), past 2^53 from n = 29. State: (i, j), two-dimensional; the dict, map and closure caches use the string key "i,j". The plain recursion makes about 2 binomial(2n, n) ≈ 4^n calls; memoized, (n + 1)^2 states and O(n^2) time.',
  recurrence: 'G(i, j) = G(i-1, j) + G(i, j-1) mod P, G(i, 0) = G(0, j) = 1',
  complexity: { naive: 'O(binomial(2n, n)) ≈ O(4^n / √n) calls', memoized: 'O(n^2) time, O(n^2) cache' },
  input: (n) => n,
  reference: (n) => Number(centralBinomialExact(n) % BigInt(P)),
  sizes: {
    quick: [2, 4, 6, 8, 10, 12, 50, 100, 200, 400, 800, 3_000],
    default: [2, 4, 6, 8, 10, 11, 12, 13, 14, 50, 100, 200, 400, 800, 1_600, 3_000, 10_000],
    full: [2, 4, 6, 8, 10, 11, 12, 13, 14, 15, 16, 50, 100, 200, 400, 800, 1_600, 3_000, 10_000, 30_000],
  },
  variants: {
    naive: (t) => {
      const paths = t.recursive((i: number, j: number): number =>
        i === 0 || j === 0 ? 1 : (paths(i - 1, j) + paths(i, j - 1)) % P,
      );
      return (n) => paths(n, n);
    },

    dict: (t) => {
      const memo = t.object<number>();
      const paths = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = `${i},${j}`;
        const cached = memo[key];
        if (cached !== undefined) return cached;
        const value = (paths(i - 1, j) + paths(i, j - 1)) % P;
        memo[key] = value;
        return value;
      });
      return (n) => paths(n, n);
    },

    map: (t) => {
      const memo = t.map<string, number>();
      const paths = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = `${i},${j}`;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (paths(i - 1, j) + paths(i, j - 1)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => paths(n, n);
    },

    closure: (t) => {
      const paths: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number => (i === 0 || j === 0 ? 1 : (paths(i - 1, j) + paths(i, j - 1)) % P),
        (i, j) => `${i},${j}`,
      );
      return (n) => paths(n, n);
    },

    'bottom-up': (t) => (n) => {
      // One row of the grid: before the update row[j] holds G(i-1, j) and row[j - 1] already G(i, j-1).
      const row = t.table(Int32Array, n + 1, 1);
      for (let i = 1; i <= n; i++) {
        for (let j = 1; j <= n; j++) row[j] = ((row[j] as number) + (row[j - 1] as number)) % P;
      }
      return row[n] as number;
    },

    'map-packed': (t) => {
      // The key i * width + j is one number; width = n + 1 fits every j <= n of one input, so the
      // keys of one n mean nothing for another: a new n starts an empty cache.
      const memo = t.map<number, number>();
      let width = 0;
      const paths = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const key = i * width + j;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (paths(i - 1, j) + paths(i, j - 1)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo.clear();
        }
        return paths(n, n);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      const paths = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        let row = memo.get(i);
        if (row === undefined) {
          row = t.map<number, number>();
          memo.set(i, row);
        }
        const cached = row.get(j);
        if (cached !== undefined) return cached;
        const value = (paths(i - 1, j) + paths(i, j - 1)) % P;
        row.set(j, value);
        return value;
      });
      return (n) => paths(n, n);
    },

    array: (t) => {
      // A flat (n + 1) x (n + 1) table, cell i * width + j; -1 marks "not computed" (residues are >= 0).
      let memo = t.table(Int32Array, 0, -1);
      let width = 0;
      const paths = t.recursive((i: number, j: number): number => {
        if (i === 0 || j === 0) return 1;
        const cached = memo[i * width + j] as number;
        if (cached !== -1) return cached;
        const value = (paths(i - 1, j) + paths(i, j - 1)) % P;
        memo[i * width + j] = value;
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo = t.table(Int32Array, width * width, -1);
        }
        return paths(n, n);
      };
    },

    ...audit.variants,
  },
  libraries: audit.libraries,
  notes: {
    'map-packed': 'A Map keyed by one number, i * (n + 1) + j, instead of the string "i,j".',
    'map-nested': 'A Map of Maps: one inner Map per row i, keyed by j.',
    array: 'Top-down with a flat Int32Array indexed by i * (n + 1) + j, -1 meaning not yet computed.',
    'bottom-up': 'Keeps one row of the grid (n + 1 cells), where the top-down caches keep n^2 entries.',
  },
});
