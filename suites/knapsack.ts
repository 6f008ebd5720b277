import { defineSuite } from '../lib/define-suite.ts';
import { libraryVariants } from '../lib/memoizers.ts';

/** A 0/1 knapsack instance: item i weighs `weights[i]` and is worth `values[i]` (integer units). */
export interface KnapsackInput {
  weights: number[];
  values: number[];
  /** Largest total weight the knapsack holds, same unit as `weights`. */
  capacity: number;
}

/** Seeded item weights are drawn from 1..MAX_WEIGHT. */
const MAX_WEIGHT = 20;
/** Seeded item values are drawn from 1..MAX_VALUE. */
const MAX_VALUE = 100;

/** A packing on the Pareto list: its total weight and total value. */
interface Pair {
  weight: number;
  value: number;
}

/**
 * The best value by the Pareto list of Nemhauser and Ullmann (1969), an algorithm unrelated to the
 * (item, capacity) table the variants fill: it keeps only the non-dominated packings, as pairs
 * (weight, value) sorted by weight with strictly increasing value, and merges in each item's shifted
 * copy of the list. The heaviest pair that fits is the best packing.
 */
export function knapsackPareto({ weights, values, capacity }: KnapsackInput): number {
  let front: Pair[] = [{ weight: 0, value: 0 }];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    const v = values[i] as number;
    // The list is sorted by weight, so the packings that still fit with item i are a prefix of it.
    const shifted: Pair[] = [];
    for (const pair of front) {
      if (pair.weight + w > capacity) break;
      shifted.push({ weight: pair.weight + w, value: pair.value + v });
    }
    const merged: Pair[] = [];
    let p = 0;
    let q = 0;
    while (p < front.length || q < shifted.length) {
      const old = front[p];
      const added = shifted[q];
      // Merge by weight (on a tie, the better value first); a pair survives only if it is worth more
      // than every pair at most as heavy, which drops the dominated ones.
      const takeOld =
        added === undefined ||
        (old !== undefined &&
          (old.weight < added.weight || (old.weight === added.weight && old.value >= added.value)));
      const next = (takeOld ? old : added) as Pair;
      if (takeOld) p++;
      else q++;
      if (merged.length === 0 || next.value > (merged.at(-1) as Pair).value) merged.push(next);
    }
    front = merged;
  }
  return (front.at(-1) as Pair).value;
}

/**
 * The audit's npm memoizers (lib/memoizers.ts), written like `closure`: the recursion goes through
 * each one's binding, with (i, w) as two arguments, so a memoizer keyed on the first one shows it.
 */
const audit = libraryVariants<[i: number, w: number], KnapsackInput, number>(
  (i, w) => `${i},${w}`,
  (memoizer) => (t) => {
    let weights: number[] = [];
    let values: number[] = [];
    const best: (i: number, w: number) => number = t.memoizeWith(memoizer, (i: number, w: number): number => {
      if (i === weights.length) return 0;
      const weight = weights[i] as number;
      if (weight > w) return best(i + 1, w);
      return Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
    });
    return (input) => {
      ({ weights, values } = input);
      return best(0, input.capacity);
    };
  },
);

export default defineSuite<KnapsackInput, number>({
  id: 'knapsack',
  title: '0/1 knapsack with random items',
  description:
    'Largest total value of a subset of n seeded items whose total weight fits the capacity. Weights are drawn from 1..20 and values from 1..100; the capacity is half the total weight (rounded down). State: (i, w), two-dimensional (items i.. still to decide, w capacity left), so the table has (n + 1)(capacity + 1) ≈ 5.25 n^2 cells. The dict, map and closure caches use the string key "i,w".',
  recurrence:
    'K(i, w) = 0 if i = n; K(i+1, w) if weight[i] > w; else max(K(i+1, w), value[i] + K(i+1, w - weight[i]))',
  complexity: {
    naive: 'O(2^n) calls',
    memoized: 'O(n · capacity) = O(n^2) time and cache (pseudo-polynomial)',
  },
  input: (n, rng) => {
    const weights = Array.from({ length: n }, () => rng.int(1, MAX_WEIGHT));
    const values = Array.from({ length: n }, () => rng.int(1, MAX_VALUE));
    const capacity = Math.floor(weights.reduce((sum, w) => sum + w, 0) / 2);
    return { weights, values, capacity };
  },
  reference: knapsackPareto,
  sizes: {
    quick: [4, 10, 16, 20, 24, 30, 40, 54, 72, 96],
    default: [4, 8, 12, 16, 20, 24, 25, 38, 57, 85, 128],
    full: [4, 8, 12, 16, 20, 24, 26, 27, 28, 42, 63, 126, 252, 504, 1_008, 2_016],
  },
  variants: {
    naive:
      (t) =>
      ({ weights, values, capacity }) => {
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          const weight = weights[i] as number;
          if (weight > w) return best(i + 1, w);
          return Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
        });
        return best(0, capacity);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ weights, values, capacity }) => {
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          const key = `${i},${w}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          const weight = weights[i] as number;
          const value =
            weight > w
              ? best(i + 1, w)
              : Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
          memo[key] = value;
          return value;
        });
        return best(0, capacity);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ weights, values, capacity }) => {
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          const key = `${i},${w}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const weight = weights[i] as number;
          const value =
            weight > w
              ? best(i + 1, w)
              : Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
          memo.set(key, value);
          return value;
        });
        return best(0, capacity);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the items from here.
      let weights: number[] = [];
      let values: number[] = [];
      const best: (i: number, w: number) => number = t.memoize(
        (i: number, w: number): number => {
          if (i === weights.length) return 0;
          const weight = weights[i] as number;
          if (weight > w) return best(i + 1, w);
          return Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
        },
        (i, w) => `${i},${w}`,
      );
      return (input) => {
        ({ weights, values } = input);
        return best(0, input.capacity);
      };
    },

    'bottom-up':
      (t) =>
      ({ weights, values, capacity }) => {
        const width = capacity + 1;
        // Row n (no items left) stays all zero.
        const table = t.table(Int32Array, (weights.length + 1) * width, 0);
        for (let i = weights.length - 1; i >= 0; i--) {
          const weight = weights[i] as number;
          const value = values[i] as number;
          for (let w = 0; w <= capacity; w++) {
            const skip = table[(i + 1) * width + w] as number;
            table[i * width + w] =
              weight > w ? skip : Math.max(skip, value + (table[(i + 1) * width + w - weight] as number));
          }
        }
        return table[capacity] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ weights, values, capacity }) => {
        const width = capacity + 1;
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          const key = i * width + w;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const weight = weights[i] as number;
          const value =
            weight > w
              ? best(i + 1, w)
              : Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
          memo.set(key, value);
          return value;
        });
        return best(0, capacity);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ weights, values, capacity }) => {
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(w);
          if (cached !== undefined) return cached;
          const weight = weights[i] as number;
          const value =
            weight > w
              ? best(i + 1, w)
              : Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
          row.set(w, value);
          return value;
        });
        return best(0, capacity);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ weights, values, capacity }) => {
        const width = capacity + 1;
        const cells = (weights.length + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const best = t.recursive((i: number, w: number): number => {
          if (i === weights.length) return 0;
          const key = i * width + w;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          const weight = weights[i] as number;
          const value =
            weight > w
              ? best(i + 1, w)
              : Math.max(best(i + 1, w), (values[i] as number) + best(i + 1, w - weight));
          memo[key] = value;
          return value;
        });
        return best(0, capacity);
      };
    },

    ...audit.variants,
  },
  libraries: audit.libraries,
  notes: {
    'map-packed': 'A Map keyed by the number i * (capacity + 1) + w instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per item index i, keyed by the capacity left w.',
    array: 'Top-down with a flat Int32Array indexed by i * (capacity + 1) + w, -1 meaning not yet computed.',
  },
});
