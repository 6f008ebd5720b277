import { defineSuite } from '../lib/define-suite.ts';

/** Coin values (distinct positive integers) and the amount to make, in the same unit (cents, say). */
export interface CoinChangeMinInput {
  coins: number[];
  amount: number;
}

/**
 * The seeded coin set is 1 and 3 plus one coin from each of these bands (inclusive): a system for
 * which greedy choice is often wrong (with 1, 3, 4, greedy pays 6 as 4 + 1 + 1). Fixing the two
 * smallest coins keeps the growth rate of the naive recursion, which they dominate, nearly the same
 * from size to size.
 */
const COIN_BANDS: readonly (readonly [number, number])[] = [
  [4, 7],
  [8, 15],
  [16, 31],
];

/**
 * Fewest coins by breadth-first search over amounts, a shortest-path algorithm rather than the
 * minimum over subproblems the variants take: amounts are nodes, paying one coin is an edge of
 * length 1, and the first time the search reaches `amount` its depth is the answer. -1 when the
 * amount cannot be made.
 */
export function fewestCoinsBfs({ coins, amount }: CoinChangeMinInput): number {
  const depth = new Int32Array(amount + 1).fill(-1);
  depth[0] = 0;
  const queue = new Int32Array(amount + 1);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const paid = queue[head++] as number;
    if (paid === amount) break;
    for (const coin of coins) {
      const next = paid + coin;
      if (next <= amount && depth[next] === -1) {
        depth[next] = (depth[paid] as number) + 1;
        queue[tail++] = next;
      }
    }
  }
  return depth[amount] as number;
}

export default defineSuite<CoinChangeMinInput, number>({
  id: 'coin-change-min',
  title: 'Fewest coins to make an amount',
  description:
    'Fewest coins that make the amount n from a seeded coin set (any number of each coin), or -1 when no combination does. The coin set is 1 and 3 plus one seeded value from each of 4..7, 8..15 and 16..31, a system for which greedy choice is often wrong. State: a, one-dimensional (the amount left); an amount that cannot be made (possible with other coin sets) is Infinity inside the recursion. The recursion is up to n deep, so top-down variants overflow the stack at large n.',
  recurrence:
    'F(0) = 0; F(a) = 1 + min over coins c ≤ a of F(a - c) (Infinity if no coin fits); answer F(n), or -1 if infinite',
  complexity: {
    naive: 'O(r^n) calls, r the root of Σ_c r^(-c) = 1 (about 1.52 to 1.64 for these coin sets)',
    memoized: 'O(k · n) time for k coins, O(n) cache',
  },
  input: (n, rng) => {
    const coins = [1, 3, ...COIN_BANDS.map(([low, high]) => rng.int(low, high))];
    return { coins, amount: n };
  },
  reference: fewestCoinsBfs,
  sizes: {
    quick: [4, 8, 16, 24, 28, 42, 64, 128, 256, 512, 1_000, 2_000],
    default: [4, 8, 16, 24, 28, 32, 36, 38, 57, 85, 128, 256, 512, 1_024, 2_048, 4_096],
    full: [4, 8, 16, 24, 28, 32, 36, 38, 60, 90, 180, 360, 720, 1_440, 2_880, 5_760, 100_000, 1_000_000],
  },
  variants: {
    naive:
      (t) =>
      ({ coins, amount }) => {
        const fewest = t.recursive((a: number): number => {
          if (a === 0) return 0;
          let best = Number.POSITIVE_INFINITY;
          for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + fewest(a - coin));
          return best;
        });
        const coinsUsed = fewest(amount);
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ coins, amount }) => {
        const fewest = t.recursive((a: number): number => {
          if (a === 0) return 0;
          const cached = memo[a];
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + fewest(a - coin));
          memo[a] = best;
          return best;
        });
        const coinsUsed = fewest(amount);
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      };
    },

    map: (t) => {
      const memo = t.map<number, number>();
      return ({ coins, amount }) => {
        const fewest = t.recursive((a: number): number => {
          if (a === 0) return 0;
          const cached = memo.get(a);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + fewest(a - coin));
          memo.set(a, best);
          return best;
        });
        const coinsUsed = fewest(amount);
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the coins from here.
      let coins: number[] = [];
      const fewest: (a: number) => number = t.memoize((a: number): number => {
        if (a === 0) return 0;
        let best = Number.POSITIVE_INFINITY;
        for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + fewest(a - coin));
        return best;
      });
      return (input) => {
        coins = input.coins;
        const coinsUsed = fewest(input.amount);
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      };
    },

    'bottom-up':
      (t) =>
      ({ coins, amount }) => {
        // Float64Array, because it can hold Infinity for the amounts that cannot be made.
        const table = t.table(Float64Array, amount + 1, Number.POSITIVE_INFINITY);
        table[0] = 0;
        for (let a = 1; a <= amount; a++) {
          let best = Number.POSITIVE_INFINITY;
          for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + (table[a - coin] as number));
          table[a] = best;
        }
        const coinsUsed = table[amount] as number;
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      // Float64Array, because it can hold Infinity for the amounts that cannot be made.
      let memo = t.table(Float64Array, 0, -1);
      return ({ coins, amount }) => {
        if (memo.length !== amount + 1) memo = t.table(Float64Array, amount + 1, -1);
        const fewest = t.recursive((a: number): number => {
          if (a === 0) return 0;
          const cached = memo[a] as number;
          if (cached !== -1) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (const coin of coins) if (coin <= a) best = Math.min(best, 1 + fewest(a - coin));
          memo[a] = best;
          return best;
        });
        const coinsUsed = fewest(amount);
        return coinsUsed === Number.POSITIVE_INFINITY ? -1 : coinsUsed;
      };
    },
  },
  notes: {
    array: 'Top-down with a Float64Array indexed by the amount, -1 meaning not yet computed.',
  },
});
