import { defineSuite } from '../lib/define-suite.ts';
import { mulMod, P } from './_modular.ts';

/** Positive integers and the sum a subset of them has to hit. */
export interface SubsetSumInput {
  numbers: number[];
  target: number;
}

/** Seeded numbers are drawn from 1..MAX_NUMBER. */
const MAX_NUMBER = 50;

/** A running sum is reduced mod P once it passes this, 2^52, so adding one more term stays below 2^53. */
const EXACT_SUM_LIMIT = 2 ** 52;

/**
 * The number of subsets mod P from the generating function G(x) = Π_i (1 + x^(a_i)) by its
 * logarithmic derivative, not by the take-or-skip recurrence the variants use:
 * x G'(x) = G(x) · Σ_i a_i x^(a_i) / (1 + x^(a_i)) gives m · g(m) = Σ_{j=1..m} s(j) g(m - j), where
 * s(j) = Σ over the a_i dividing j of (-1)^(j/a_i + 1) a_i. O(target^2) time; division by m is by its
 * inverse mod P (P is prime and m < P).
 */
export function subsetCountEuler({ numbers, target }: SubsetSumInput): number {
  const s = new Float64Array(target + 1);
  for (const a of numbers) {
    let sign = 1;
    for (let j = a; j <= target; j += a) {
      s[j] = (s[j] as number) + sign * a;
      sign = -sign;
    }
  }
  // Inverses of 1..target mod P by inv(m) = -(P div m) · inv(P mod m), which holds since P is prime.
  const inverse = new Int32Array(target + 1);
  if (target >= 1) inverse[1] = 1;
  for (let m = 2; m <= target; m++) inverse[m] = mulMod(P - Math.floor(P / m), inverse[P % m] as number);
  const g = new Int32Array(target + 1);
  g[0] = 1;
  for (let m = 1; m <= target; m++) {
    let sum = 0;
    for (let j = 1; j <= m; j++) {
      // |s(j)| is at most the sum of the numbers, so a term stays below 2^52 while that sum is under 4 million.
      sum += (s[j] as number) * (g[m - j] as number);
      if (Math.abs(sum) >= EXACT_SUM_LIMIT) sum %= P;
    }
    g[m] = mulMod((((sum % P) + P) % P) as number, inverse[m] as number);
  }
  return g[target] as number;
}

export default defineSuite<SubsetSumInput, number>({
  id: 'subset-sum',
  title: 'Subsets hitting a target sum, modulo 1,000,000,007',
  description:
    'Number of subsets of n seeded positive integers (drawn from 1..50) whose sum is exactly the target, half the total (rounded down), mod 1,000,000,007 since the count grows like 2^n. State: (i, r), two-dimensional (numbers i.. still to decide, r left to hit), so the table has (n + 1)(target + 1) ≈ 12.75 n^2 cells. Since the numbers are positive, r = 0 leaves exactly one way (take nothing more). The dict, map and closure caches use the string key "i,r".',
  recurrence:
    'S(i, 0) = 1; S(n, r) = 0 for r > 0; S(i, r) = (S(i+1, r) + (a[i] ≤ r ? S(i+1, r - a[i]) : 0)) mod P',
  complexity: {
    naive: 'O(2^n) calls',
    memoized: 'O(n · target) = O(n^2) time and cache (pseudo-polynomial)',
  },
  input: (n, rng) => {
    const numbers = Array.from({ length: n }, () => rng.int(1, MAX_NUMBER));
    return { numbers, target: Math.floor(numbers.reduce((sum, a) => sum + a, 0) / 2) };
  },
  reference: subsetCountEuler,
  sizes: {
    quick: [4, 10, 16, 20, 24, 30, 40, 54, 72, 96],
    default: [4, 8, 12, 16, 20, 24, 26, 40, 60, 90, 135],
    full: [4, 8, 12, 16, 20, 24, 26, 27, 28, 42, 63, 126, 252, 504, 1_008],
  },
  variants: {
    naive:
      (t) =>
      ({ numbers, target }) => {
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const a = numbers[i] as number;
          return a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
        });
        return count(0, target);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ numbers, target }) => {
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const key = `${i},${r}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          const a = numbers[i] as number;
          const value = a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
          memo[key] = value;
          return value;
        });
        return count(0, target);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ numbers, target }) => {
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const key = `${i},${r}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const a = numbers[i] as number;
          const value = a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
          memo.set(key, value);
          return value;
        });
        return count(0, target);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the numbers from here.
      let numbers: number[] = [];
      const count: (i: number, r: number) => number = t.memoize(
        (i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const a = numbers[i] as number;
          return a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
        },
        (i, r) => `${i},${r}`,
      );
      return (input) => {
        numbers = input.numbers;
        return count(0, input.target);
      };
    },

    'bottom-up':
      (t) =>
      ({ numbers, target }) => {
        const width = target + 1;
        const table = t.table(Int32Array, (numbers.length + 1) * width, 0);
        for (let i = numbers.length; i >= 0; i--) table[i * width] = 1;
        for (let i = numbers.length - 1; i >= 0; i--) {
          const a = numbers[i] as number;
          for (let r = 1; r <= target; r++) {
            const skip = table[(i + 1) * width + r] as number;
            table[i * width + r] = a > r ? skip : (skip + (table[(i + 1) * width + r - a] as number)) % P;
          }
        }
        return table[target] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ numbers, target }) => {
        const width = target + 1;
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const key = i * width + r;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const a = numbers[i] as number;
          const value = a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
          memo.set(key, value);
          return value;
        });
        return count(0, target);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ numbers, target }) => {
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(r);
          if (cached !== undefined) return cached;
          const a = numbers[i] as number;
          const value = a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
          row.set(r, value);
          return value;
        });
        return count(0, target);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ numbers, target }) => {
        const width = target + 1;
        const cells = (numbers.length + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const count = t.recursive((i: number, r: number): number => {
          if (r === 0) return 1;
          if (i === numbers.length) return 0;
          const key = i * width + r;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          const a = numbers[i] as number;
          const value = a > r ? count(i + 1, r) : (count(i + 1, r) + count(i + 1, r - a)) % P;
          memo[key] = value;
          return value;
        });
        return count(0, target);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by the number i * (target + 1) + r instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per index i, keyed by the sum left r.',
    array: 'Top-down with a flat Int32Array indexed by i * (target + 1) + r, -1 meaning not yet computed.',
  },
});
