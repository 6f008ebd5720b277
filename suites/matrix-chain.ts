import { defineSuite } from '../lib/define-suite.ts';

/** Matrix i (0-based) of the chain is dims[i] × dims[i + 1], so n matrices have n + 1 dimensions. */
export interface MatrixChainInput {
  dims: number[];
}

/** Seeded dimensions are drawn from MIN_DIM..MAX_DIM (rows or columns). */
const MIN_DIM = 5;
const MAX_DIM = 100;

/**
 * Fewest scalar multiplications by CLRS's MATRIX-CHAIN-ORDER (3rd ed., section 15.2): the table is
 * filled by increasing chain length, i.e. by diagonals, with its own row arrays. This is NOT an
 * independent algorithm: it evaluates the same recurrence as the variants in another order (Hu and
 * Shing's O(n log n) algorithm is independent but far too intricate for a reference). It catches
 * caching and indexing errors in the variants; the recurrence itself is checked by the tests, against
 * CLRS's worked example and against brute force over every parenthesization.
 */
export function matrixChainClrs({ dims }: MatrixChainInput): number {
  const n = dims.length - 1;
  if (n <= 1) return 0;
  // m[i][j] for matrices i..j; Float64Array holds the exact integer costs (they can pass 2^31).
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let chain = 2; chain <= n; chain++) {
    for (let i = 0; i + chain - 1 < n; i++) {
      const j = i + chain - 1;
      const row = m[i] as Float64Array;
      let best = Number.POSITIVE_INFINITY;
      for (let k = i; k < j; k++) {
        const cost =
          (row[k] as number) +
          ((m[k + 1] as Float64Array)[j] as number) +
          (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number);
        if (cost < best) best = cost;
      }
      row[j] = best;
    }
  }
  return (m[0] as Float64Array)[n - 1] as number;
}

export default defineSuite<MatrixChainInput, number>({
  id: 'matrix-chain',
  title: 'Matrix-chain multiplication order (CLRS 15.2)',
  description:
    'Fewest scalar multiplications needed to multiply a chain of n matrices, over all parenthesizations (CLRS section 15.2). The n + 1 dimensions are seeded, drawn from 5..100. State: (i, j), two-dimensional (the sub-chain of matrices i..j); each state tries every split k, hence O(n^3) time. The dict, map and closure caches use the string key "i,j".',
  recurrence: 'M(i, i) = 0; M(i, j) = min over i ≤ k < j of M(i, k) + M(k+1, j) + d[i] · d[k+1] · d[j+1]',
  complexity: {
    naive: 'O(3^n) calls (exactly 3^(n-1))',
    memoized: 'O(n^3) time, O(n^2) cache',
  },
  input: (n, rng) => ({ dims: Array.from({ length: n + 1 }, () => rng.int(MIN_DIM, MAX_DIM)) }),
  reference: matrixChainClrs,
  sizes: {
    quick: [3, 6, 9, 12, 16, 24, 36, 54, 80, 120],
    default: [3, 6, 9, 12, 15, 17, 18, 27, 40, 60, 90, 135],
    full: [3, 6, 9, 12, 15, 17, 18, 19, 20, 30, 45, 90, 180, 360, 720],
  },
  variants: {
    naive:
      (t) =>
      ({ dims }) => {
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          return best;
        });
        return cost(0, dims.length - 2);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ dims }) => {
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          const key = `${i},${j}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          memo[key] = best;
          return best;
        });
        return cost(0, dims.length - 2);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ dims }) => {
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          const key = `${i},${j}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          memo.set(key, best);
          return best;
        });
        return cost(0, dims.length - 2);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the dimensions from here.
      let dims: number[] = [];
      const cost: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number => {
          if (i === j) return 0;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          return best;
        },
        (i, j) => `${i},${j}`,
      );
      return (input) => {
        dims = input.dims;
        return cost(0, dims.length - 2);
      };
    },

    'bottom-up':
      (t) =>
      ({ dims }) => {
        const n = dims.length - 1;
        // Float64Array holds the exact integer costs (they can pass 2^31); the diagonal stays 0.
        const table = t.table(Float64Array, n * n, 0);
        for (let i = n - 2; i >= 0; i--) {
          for (let j = i + 1; j < n; j++) {
            let best = Number.POSITIVE_INFINITY;
            for (let k = i; k < j; k++) {
              best = Math.min(
                best,
                (table[i * n + k] as number) +
                  (table[(k + 1) * n + j] as number) +
                  (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
              );
            }
            table[i * n + j] = best;
          }
        }
        return table[n - 1] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ dims }) => {
        const n = dims.length - 1;
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          const key = i * n + j;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          memo.set(key, best);
          return best;
        });
        return cost(0, n - 1);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ dims }) => {
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          // The row is stored before recursing, so deeper calls on the same row fill this same Map.
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(j);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          row.set(j, best);
          return best;
        });
        return cost(0, dims.length - 2);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      // Float64Array holds the exact integer costs (they can pass 2^31).
      let memo = t.table(Float64Array, 0, -1);
      return ({ dims }) => {
        const n = dims.length - 1;
        if (memo.length !== n * n) memo = t.table(Float64Array, n * n, -1);
        const cost = t.recursive((i: number, j: number): number => {
          if (i === j) return 0;
          const key = i * n + j;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let k = i; k < j; k++) {
            best = Math.min(
              best,
              cost(i, k) +
                cost(k + 1, j) +
                (dims[i] as number) * (dims[k + 1] as number) * (dims[j + 1] as number),
            );
          }
          memo[key] = best;
          return best;
        });
        return cost(0, n - 1);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by the number i * n + j instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per first matrix i, keyed by the last matrix j.',
    array: 'Top-down with a flat Float64Array indexed by i * n + j, -1 meaning not yet computed.',
  },
});
