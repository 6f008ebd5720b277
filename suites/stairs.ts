import { defineSuite } from '../lib/define-suite.ts';
import { P } from './_modular.ts';

/** A 3 x 3 matrix of residues mod P, row-major. */
type Matrix = bigint[];

function multiply(x: Matrix, y: Matrix, p: bigint): Matrix {
  const product: Matrix = new Array(9).fill(0n);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0n;
      for (let k = 0; k < 3; k++) sum += (x[3 * i + k] as bigint) * (y[3 * k + j] as bigint);
      product[3 * i + j] = sum % p;
    }
  }
  return product;
}

/**
 * Matrix power in BigInt, O(log n) 3 x 3 products instead of n additions. With
 * M = [[1, 1, 1], [1, 0, 0], [0, 1, 0]], the vector (W(n), W(n-1), W(n-2)) is M^n (1, 0, 0)
 * (taking W(-1) = W(-2) = 0), so W(n) is the top-left entry of M^n. Returns W(n) mod P.
 */
export function stairsMatrixPower(n: number): number {
  const p = BigInt(P);
  let result: Matrix = [1n, 0n, 0n, 0n, 1n, 0n, 0n, 0n, 1n];
  let base: Matrix = [1n, 1n, 1n, 1n, 0n, 0n, 0n, 1n, 0n];
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = multiply(result, base, p);
    base = multiply(base, base, p);
  }
  return Number(result[0]);
}

export default defineSuite<number, number>({
  id: 'stairs',
  title: 'Ways to climb n stairs with steps of 1, 2 or 3, modulo 1,000,000,007',
  description:
    'The number of ordered ways to climb n stairs taking 1, 2 or 3 steps at a time, W(n) = W(n-1) + W(n-2) + W(n-3), mod 1,000,000,007 so every value is exact in Number arithmetic; W(n) is the tribonacci number A000073(n + 2). One-dimensional state n. The plain recursion makes O(1.839^n) calls, the memoized and tabulated versions O(n).',
  recurrence: 'W(n) = W(n-1) + W(n-2) + W(n-3) mod P, W(0) = W(1) = 1, W(2) = 2',
  complexity: {
    naive: 'O(τ^n) calls, τ ≈ 1.839 (the tribonacci constant)',
    memoized: 'O(n) time, O(n) cache',
  },
  input: (n) => n,
  sequence: true,
  reference: stairsMatrixPower,
  sizes: {
    quick: [4, 8, 12, 16, 20, 24, 28, 100, 1_000, 3_000, 10_000, 100_000, 1_000_000],
    default: [4, 8, 12, 16, 20, 22, 24, 26, 28, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 1_000_000],
    full: [
      4, 8, 12, 16, 20, 22, 24, 26, 28, 30, 32, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000,
      1_000_000, 10_000_000,
    ],
  },
  variants: {
    naive: (t) => {
      const ways = t.recursive((n: number): number =>
        n < 2 ? 1 : n === 2 ? 2 : (ways(n - 1) + ways(n - 2) + ways(n - 3)) % P,
      );
      return ways;
    },

    dict: (t) => {
      const memo = t.object<number>();
      const ways = t.recursive((n: number): number => {
        if (n < 2) return 1;
        if (n === 2) return 2;
        const cached = memo[n];
        if (cached !== undefined) return cached;
        const value = (ways(n - 1) + ways(n - 2) + ways(n - 3)) % P;
        memo[n] = value;
        return value;
      });
      return ways;
    },

    map: (t) => {
      const memo = t.map<number, number>();
      const ways = t.recursive((n: number): number => {
        if (n < 2) return 1;
        if (n === 2) return 2;
        const cached = memo.get(n);
        if (cached !== undefined) return cached;
        const value = (ways(n - 1) + ways(n - 2) + ways(n - 3)) % P;
        memo.set(n, value);
        return value;
      });
      return ways;
    },

    closure: (t) => {
      const ways: (n: number) => number = t.memoize((n: number): number =>
        n < 2 ? 1 : n === 2 ? 2 : (ways(n - 1) + ways(n - 2) + ways(n - 3)) % P,
      );
      return ways;
    },

    'bottom-up': (t) => (n) => {
      const table = t.table(Int32Array, Math.max(n + 1, 3), 0);
      table[0] = 1;
      table[1] = 1;
      table[2] = 2;
      for (let i = 3; i <= n; i++) {
        table[i] = ((table[i - 1] as number) + (table[i - 2] as number) + (table[i - 3] as number)) % P;
      }
      return table[n] as number;
    },

    array: (t) => {
      // -1 marks "not computed": every W(n) mod P is a residue in [0, P), so -1 never collides.
      let memo = t.table(Int32Array, 0, -1);
      const ways = t.recursive((n: number): number => {
        if (n < 2) return 1;
        if (n === 2) return 2;
        const cached = memo[n] as number;
        if (cached !== -1) return cached;
        const value = (ways(n - 1) + ways(n - 2) + ways(n - 3)) % P;
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
        return ways(n);
      };
    },
  },
  notes: {
    array:
      'Top-down with an Int32Array memo indexed by n, -1 meaning not yet computed; a larger n grows the table, keeping its cells.',
  },
});
