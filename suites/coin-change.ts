import { defineSuite } from '../lib/define-suite.ts';
import { mulMod, P } from './_modular.ts';

/** Coin values (distinct positive integers) and the amount to make, in the same unit (cents, say). */
export interface CoinChangeInput {
  coins: number[];
  amount: number;
}

/** The seeded coin set: the 1 coin plus this many distinct values from 2..MAX_COIN. */
const OTHER_COINS = 5;
/** Largest seeded coin value. */
const MAX_COIN = 20;

/** A running sum is reduced mod P once it passes this, 2^52, so adding one more term stays below 2^53. */
const EXACT_SUM_LIMIT = 2 ** 52;

/**
 * The number of ways mod P from the generating function G(x) = Π_c 1/(1 - x^c) by its logarithmic
 * derivative (Euler's method for partition counts), not by the coin-by-coin recurrence the variants
 * use: x G'(x) = G(x) · Σ_c c x^c / (1 - x^c) gives m · g(m) = Σ_{j=1..m} σ(j) g(m - j), where
 * σ(j) is the sum of the coins dividing j. O(amount^2) time; division by m is by its inverse mod P.
 */
export function coinWaysEuler({ coins, amount }: CoinChangeInput): number {
  const sigma = new Int32Array(amount + 1);
  for (const coin of coins) for (let j = coin; j <= amount; j += coin) sigma[j] = (sigma[j] as number) + coin;
  // Inverses of 1..amount mod P by inv(m) = -(P div m) · inv(P mod m), which holds since P is prime.
  const inverse = new Int32Array(amount + 1);
  if (amount >= 1) inverse[1] = 1;
  for (let m = 2; m <= amount; m++) inverse[m] = mulMod(P - Math.floor(P / m), inverse[P % m] as number);
  const g = new Int32Array(amount + 1);
  g[0] = 1;
  for (let m = 1; m <= amount; m++) {
    let sum = 0;
    for (let j = 1; j <= m; j++) {
      // A term is below 2^52 while the coins sum to less than 4 million, so the sum stays exact if it
      // is reduced only once it passes 2^52 (a remainder per term would be the slowest step here).
      sum += (sigma[j] as number) * (g[m - j] as number);
      if (sum >= EXACT_SUM_LIMIT) sum %= P;
    }
    g[m] = mulMod(sum % P, inverse[m] as number);
  }
  return g[amount] as number;
}

export default defineSuite<CoinChangeInput, number>({
  id: 'coin-change',
  title: 'Ways to make change, modulo 1,000,000,007',
  description:
    'Number of ways to make the amount n from a seeded coin set, order not mattering (SICP 1.2.2\'s count-change), mod 1,000,000,007 since the count grows like n^5. The coin set is 1 plus five distinct values drawn from 2..20. State: (i, a), two-dimensional (coins i.. still usable, amount a left). The 1 coin makes the recursion n deep, so top-down variants overflow the stack at large n. The dict, map and closure caches use the string key "i,a".',
  recurrence: 'W(i, a) = 1 if a = 0; 0 if a < 0 or i = k; else (W(i, a - coin[i]) + W(i+1, a)) mod P',
  complexity: {
    naive: 'O(n^k) calls for k coins (SICP exercise 1.14), k = 6 here',
    memoized: 'O(k · n) time and cache',
  },
  input: (n, rng) => {
    const coins = new Set([1]);
    while (coins.size < OTHER_COINS + 1) coins.add(rng.int(2, MAX_COIN));
    return { coins: [...coins].sort((x, y) => x - y), amount: n };
  },
  reference: coinWaysEuler,
  sizes: {
    quick: [10, 30, 60, 120, 180, 270, 400, 600, 1_000, 2_000],
    default: [10, 30, 60, 120, 180, 240, 280, 320, 480, 720, 1_080, 1_620, 2_430, 3_645],
    full: [10, 30, 60, 120, 180, 240, 280, 320, 480, 720, 1_440, 2_880, 5_760, 11_520, 23_040],
  },
  variants: {
    naive:
      (t) =>
      ({ coins, amount }) => {
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          return (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
        });
        return ways(0, amount);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ coins, amount }) => {
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          const key = `${i},${a}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          const value = (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
          memo[key] = value;
          return value;
        });
        return ways(0, amount);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ coins, amount }) => {
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          const key = `${i},${a}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value = (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
          memo.set(key, value);
          return value;
        });
        return ways(0, amount);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the coins from here.
      let coins: number[] = [];
      const ways: (i: number, a: number) => number = t.memoize(
        (i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          return (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
        },
        (i, a) => `${i},${a}`,
      );
      return (input) => {
        coins = input.coins;
        return ways(0, input.amount);
      };
    },

    'bottom-up':
      (t) =>
      ({ coins, amount }) => {
        const width = amount + 1;
        const table = t.table(Int32Array, (coins.length + 1) * width, 0);
        // Row k (no coins left) makes only the amount 0; every row makes 0 in one way.
        for (let i = coins.length; i >= 0; i--) table[i * width] = 1;
        for (let i = coins.length - 1; i >= 0; i--) {
          const coin = coins[i] as number;
          for (let a = 1; a <= amount; a++) {
            const withCoin = a >= coin ? (table[i * width + a - coin] as number) : 0;
            table[i * width + a] = (withCoin + (table[(i + 1) * width + a] as number)) % P;
          }
        }
        return table[amount] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ coins, amount }) => {
        const width = amount + 1;
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          const key = i * width + a;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value = (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
          memo.set(key, value);
          return value;
        });
        return ways(0, amount);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ coins, amount }) => {
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          // The row is stored before recursing, so deeper calls on the same row fill this same Map.
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(a);
          if (cached !== undefined) return cached;
          const value = (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
          row.set(a, value);
          return value;
        });
        return ways(0, amount);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ coins, amount }) => {
        const width = amount + 1;
        const cells = (coins.length + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const ways = t.recursive((i: number, a: number): number => {
          if (a === 0) return 1;
          if (a < 0 || i === coins.length) return 0;
          const key = i * width + a;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          const value = (ways(i, a - (coins[i] as number)) + ways(i + 1, a)) % P;
          memo[key] = value;
          return value;
        });
        return ways(0, amount);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by the number i * (amount + 1) + a instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per coin index i, keyed by the amount left a.',
    array: 'Top-down with a flat Int32Array indexed by i * (amount + 1) + a, -1 meaning not yet computed.',
  },
});
