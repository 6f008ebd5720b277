import { defineSuite } from '../lib/define-suite.ts';

/** A sequence of integers. */
export interface LisInput {
  values: number[];
}

/**
 * LIS length by patience sorting with binary search (O(n log n)), not the O(n^2) recurrence the
 * variants use: tails[k] is the smallest value that ends an increasing subsequence of length k + 1,
 * and each value replaces the first tail at least as large (which keeps the increase strict), or
 * extends the list when it is larger than every tail.
 */
export function lisPatience({ values }: LisInput): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((tails[mid] as number) < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
  }
  return tails.length;
}

export default defineSuite<LisInput, number>({
  id: 'lis',
  title: 'Longest strictly increasing subsequence',
  description:
    'Length of the longest strictly increasing subsequence of n seeded integers drawn from 0..n-1, so equal values occur and strictness matters. L(i) is the longest one starting at index i, and the answer is the largest L(i). State: i, one-dimensional. The recursion is only as deep as the longest chain (about 2√n), so no variant runs out of stack.',
  recurrence: 'L(i) = 1 + max(0, max over j > i with a[j] > a[i] of L(j)); answer max over i of L(i)',
  complexity: {
    naive: 'calls = number of increasing subsequences, about e^(2√n) for random data (2^n when sorted)',
    memoized: 'O(n^2) time, O(n) cache',
  },
  input: (n, rng) => ({ values: Array.from({ length: n }, () => rng.int(0, n - 1)) }),
  reference: lisPatience,
  sizes: {
    quick: [10, 20, 40, 60, 90, 135, 200, 400, 800, 1_600],
    default: [10, 20, 40, 60, 80, 90, 100, 150, 225, 450, 900, 1_800, 3_600],
    full: [10, 20, 40, 60, 80, 90, 100, 150, 225, 450, 900, 1_800, 3_600, 7_200, 14_400],
  },
  variants: {
    naive:
      (t) =>
      ({ values }) => {
        const longest = t.recursive((i: number): number => {
          let best = 0;
          for (let j = i + 1; j < values.length; j++) {
            if ((values[j] as number) > (values[i] as number)) best = Math.max(best, longest(j));
          }
          return 1 + best;
        });
        let answer = 0;
        for (let i = 0; i < values.length; i++) answer = Math.max(answer, longest(i));
        return answer;
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ values }) => {
        const longest = t.recursive((i: number): number => {
          const cached = memo[i];
          if (cached !== undefined) return cached;
          let best = 0;
          for (let j = i + 1; j < values.length; j++) {
            if ((values[j] as number) > (values[i] as number)) best = Math.max(best, longest(j));
          }
          memo[i] = 1 + best;
          return 1 + best;
        });
        let answer = 0;
        for (let i = 0; i < values.length; i++) answer = Math.max(answer, longest(i));
        return answer;
      };
    },

    map: (t) => {
      const memo = t.map<number, number>();
      return ({ values }) => {
        const longest = t.recursive((i: number): number => {
          const cached = memo.get(i);
          if (cached !== undefined) return cached;
          let best = 0;
          for (let j = i + 1; j < values.length; j++) {
            if ((values[j] as number) > (values[i] as number)) best = Math.max(best, longest(j));
          }
          memo.set(i, 1 + best);
          return 1 + best;
        });
        let answer = 0;
        for (let i = 0; i < values.length; i++) answer = Math.max(answer, longest(i));
        return answer;
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the values from here.
      let values: number[] = [];
      const longest: (i: number) => number = t.memoize((i: number): number => {
        let best = 0;
        for (let j = i + 1; j < values.length; j++) {
          if ((values[j] as number) > (values[i] as number)) best = Math.max(best, longest(j));
        }
        return 1 + best;
      });
      return (input) => {
        values = input.values;
        let answer = 0;
        for (let i = 0; i < values.length; i++) answer = Math.max(answer, longest(i));
        return answer;
      };
    },

    'bottom-up':
      (t) =>
      ({ values }) => {
        const table = t.table(Int32Array, values.length, 0);
        let answer = 0;
        for (let i = values.length - 1; i >= 0; i--) {
          let best = 0;
          for (let j = i + 1; j < values.length; j++) {
            if ((values[j] as number) > (values[i] as number)) best = Math.max(best, table[j] as number);
          }
          table[i] = 1 + best;
          answer = Math.max(answer, 1 + best);
        }
        return answer;
      },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ values }) => {
        if (memo.length !== values.length) memo = t.table(Int32Array, values.length, -1);
        const longest = t.recursive((i: number): number => {
          const cached = memo[i] as number;
          if (cached !== -1) return cached;
          let best = 0;
          for (let j = i + 1; j < values.length; j++) {
            if ((values[j] as number) > (values[i] as number)) best = Math.max(best, longest(j));
          }
          memo[i] = 1 + best;
          return 1 + best;
        });
        let answer = 0;
        for (let i = 0; i < values.length; i++) answer = Math.max(answer, longest(i));
        return answer;
      };
    },
  },
  notes: {
    array: 'Top-down with an Int32Array indexed by the start index, -1 meaning not yet computed.',
  },
});
