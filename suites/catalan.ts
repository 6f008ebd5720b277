import { defineSuite } from '../lib/define-suite.ts';
import { mulMod, P } from './_modular.ts';

/**
 * The closed form C(n) = binomial(2n, n) / (n + 1) in exact BigInt, by the multiplicative formula
 * binomial(n + i, i) = binomial(n + i - 1, i - 1) * (n + i) / i (each quotient is exact).
 */
export function catalanExact(n: number): bigint {
  let binomial = 1n; // binomial(n + i, i), from i = 0
  for (let i = 1; i <= n; i++) binomial = (binomial * BigInt(n + i)) / BigInt(i);
  return binomial / BigInt(n + 1);
}

export default defineSuite<number, number>({
  id: 'catalan',
  title: 'Catalan numbers modulo 1,000,000,007',
  description:
    'C(n) mod 1,000,000,007 from the convolution recurrence C(n) = sum_{i<n} C(i) C(n-1-i) (OEIS A000108). One-dimensional state n. The plain recursion makes 3^n calls; memoized, each value sums n products of earlier ones, O(n^2) in all. Products of two residues pass 2^53, so every variant multiplies with the same exact mulMod.',
  recurrence: 'C(n) = sum_{i=0}^{n-1} C(i) C(n-1-i) mod P, C(0) = 1',
  complexity: { naive: 'O(3^n) calls', memoized: 'O(n^2) time, O(n) cache' },
  input: (n) => n,
  sequence: true,
  reference: (n) => Number(catalanExact(n) % BigInt(P)),
  sizes: {
    quick: [2, 4, 6, 8, 10, 12, 14, 30, 100, 300, 1_000, 3_000],
    default: [2, 4, 6, 8, 10, 12, 14, 16, 17, 18, 30, 100, 300, 1_000, 3_000, 10_000],
    full: [2, 4, 6, 8, 10, 12, 14, 16, 17, 18, 19, 20, 30, 100, 300, 1_000, 3_000, 10_000, 30_000],
  },
  variants: {
    naive: (t) => {
      const catalan = t.recursive((n: number): number => {
        if (n === 0) return 1;
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + mulMod(catalan(i), catalan(n - 1 - i))) % P;
        return sum;
      });
      return catalan;
    },

    dict: (t) => {
      const memo = t.object<number>();
      const catalan = t.recursive((n: number): number => {
        if (n === 0) return 1;
        const cached = memo[n];
        if (cached !== undefined) return cached;
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + mulMod(catalan(i), catalan(n - 1 - i))) % P;
        memo[n] = sum;
        return sum;
      });
      return catalan;
    },

    map: (t) => {
      const memo = t.map<number, number>();
      const catalan = t.recursive((n: number): number => {
        if (n === 0) return 1;
        const cached = memo.get(n);
        if (cached !== undefined) return cached;
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + mulMod(catalan(i), catalan(n - 1 - i))) % P;
        memo.set(n, sum);
        return sum;
      });
      return catalan;
    },

    closure: (t) => {
      const catalan: (n: number) => number = t.memoize((n: number): number => {
        if (n === 0) return 1;
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + mulMod(catalan(i), catalan(n - 1 - i))) % P;
        return sum;
      });
      return catalan;
    },

    'bottom-up': (t) => (n) => {
      const table = t.table(Int32Array, n + 1, 0);
      table[0] = 1;
      for (let m = 1; m <= n; m++) {
        let sum = 0;
        for (let i = 0; i < m; i++) sum = (sum + mulMod(table[i] as number, table[m - 1 - i] as number)) % P;
        table[m] = sum;
      }
      return table[n] as number;
    },

    array: (t) => {
      // -1 marks "not computed": every C(n) mod P is a residue in [0, P), so -1 never collides.
      let memo = t.table(Int32Array, 0, -1);
      const catalan = t.recursive((n: number): number => {
        if (n === 0) return 1;
        const cached = memo[n] as number;
        if (cached !== -1) return cached;
        let sum = 0;
        for (let i = 0; i < n; i++) sum = (sum + mulMod(catalan(i), catalan(n - 1 - i))) % P;
        memo[n] = sum;
        return sum;
      });
      return (n) => {
        if (memo.length <= n) {
          // Grow by at least doubling and keep what is cached, so one instance answers f(1), ..., f(n).
          const grown = t.table(Int32Array, Math.max(n + 1, 2 * memo.length), -1);
          grown.set(memo);
          memo = grown;
        }
        return catalan(n);
      };
    },
  },
  notes: {
    array:
      'Top-down with an Int32Array memo indexed by n, -1 meaning not yet computed; a larger n grows the table, keeping its cells.',
  },
});
