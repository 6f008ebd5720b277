import { defineSuite } from '../lib/define-suite.ts';

/** A rod to cut and the price of each piece length, in the same money unit (dollars in CLRS). */
export interface RodCuttingInput {
  /** prices[i - 1] is the price of a piece of length i, for i = 1..length. */
  prices: number[];
  /** Length of the rod, in the unit the piece lengths are counted in (inches in CLRS). */
  length: number;
}

/** The price table of CLRS (3rd ed.), Figure 15.1, for piece lengths 1..10. */
export const CLRS_PRICES: readonly number[] = [1, 5, 8, 9, 10, 17, 17, 20, 24, 30];

/**
 * Best revenue by (max, +) convolution powers, computed by repeated squaring rather than by the
 * prefix recurrence the variants use. With q[0] = 0 (a piece of length 0, worth nothing) and
 * q[m] = price of length m, the k-th (max, +) power q^k[m] is the best revenue for length m in at most
 * k pieces; no cut has more than n pieces, so squaring until k ≥ n gives r(n). O(n^2 log n) time.
 */
export function rodRevenueMaxPlus({ prices, length }: RodCuttingInput): number {
  let power = Float64Array.from({ length: length + 1 }, (_, m) => (m === 0 ? 0 : (prices[m - 1] as number)));
  for (let pieces = 1; pieces < length; pieces *= 2) {
    const squared = new Float64Array(length + 1);
    for (let m = 0; m <= length; m++) {
      let best = 0;
      for (let i = 0; i <= m; i++) best = Math.max(best, (power[i] as number) + (power[m - i] as number));
      squared[m] = best;
    }
    power = squared;
  }
  return power[length] as number;
}

export default defineSuite<RodCuttingInput, number>({
  id: 'rod-cutting',
  title: 'Rod cutting (CLRS 15.1)',
  description:
    'Best revenue from cutting a rod of length n into pieces sold at the given prices (CLRS section 15.1). Lengths 1..10 are priced as in CLRS (1, 5, 8, 9, 10, 17, 17, 20, 24, 30); a longer length i gets a seeded price from 2.5 i to 3.5 i (rounded down), so long pieces are sometimes worth more per unit. State: m, one-dimensional (the length left). The recursion is n deep, so top-down variants overflow the stack at large n.',
  recurrence: 'r(0) = 0; r(m) = max over 1 ≤ i ≤ m of price[i] + r(m - i)',
  complexity: {
    naive: 'O(2^n) calls (CLRS eq. 15.4: T(n) = 2^n)',
    memoized: 'O(n^2) time, O(n) cache',
  },
  input: (n, rng) => ({
    prices: Array.from({ length: n }, (_, index) => {
      const pieceLength = index + 1;
      return CLRS_PRICES[index] ?? rng.int(Math.floor(2.5 * pieceLength), Math.floor(3.5 * pieceLength));
    }),
    length: n,
  }),
  reference: rodRevenueMaxPlus,
  sizes: {
    quick: [2, 4, 8, 16, 20, 24, 36, 54, 80, 160, 320, 640],
    default: [2, 4, 8, 16, 20, 24, 26, 27, 40, 60, 90, 135, 270, 540, 1_080, 2_160, 4_320],
    full: [2, 4, 8, 16, 20, 24, 26, 27, 28, 42, 63, 126, 252, 504, 1_008, 2_016, 4_032, 8_064],
  },
  variants: {
    naive:
      (t) =>
      ({ prices, length }) => {
        const revenue = t.recursive((m: number): number => {
          let best = 0;
          for (let i = 1; i <= m; i++) best = Math.max(best, (prices[i - 1] as number) + revenue(m - i));
          return best;
        });
        return revenue(length);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ prices, length }) => {
        const revenue = t.recursive((m: number): number => {
          const cached = memo[m];
          if (cached !== undefined) return cached;
          let best = 0;
          for (let i = 1; i <= m; i++) best = Math.max(best, (prices[i - 1] as number) + revenue(m - i));
          memo[m] = best;
          return best;
        });
        return revenue(length);
      };
    },

    map: (t) => {
      const memo = t.map<number, number>();
      return ({ prices, length }) => {
        const revenue = t.recursive((m: number): number => {
          const cached = memo.get(m);
          if (cached !== undefined) return cached;
          let best = 0;
          for (let i = 1; i <= m; i++) best = Math.max(best, (prices[i - 1] as number) + revenue(m - i));
          memo.set(m, best);
          return best;
        });
        return revenue(length);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the prices from here.
      let prices: number[] = [];
      const revenue: (m: number) => number = t.memoize((m: number): number => {
        let best = 0;
        for (let i = 1; i <= m; i++) best = Math.max(best, (prices[i - 1] as number) + revenue(m - i));
        return best;
      });
      return (input) => {
        prices = input.prices;
        return revenue(input.length);
      };
    },

    'bottom-up':
      (t) =>
      ({ prices, length }) => {
        const table = t.table(Int32Array, length + 1, 0);
        for (let m = 1; m <= length; m++) {
          let best = 0;
          for (let i = 1; i <= m; i++)
            best = Math.max(best, (prices[i - 1] as number) + (table[m - i] as number));
          table[m] = best;
        }
        return table[length] as number;
      },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ prices, length }) => {
        if (memo.length !== length + 1) memo = t.table(Int32Array, length + 1, -1);
        const revenue = t.recursive((m: number): number => {
          const cached = memo[m] as number;
          if (cached !== -1) return cached;
          let best = 0;
          for (let i = 1; i <= m; i++) best = Math.max(best, (prices[i - 1] as number) + revenue(m - i));
          memo[m] = best;
          return best;
        });
        return revenue(length);
      };
    },
  },
  notes: {
    array: 'Top-down with an Int32Array indexed by the length left, -1 meaning not yet computed.',
  },
});
