import { defineSuite } from '../lib/define-suite.ts';

/**
 * One Collatz step, shared by every variant so that they differ only in caching. `x & 1` is the
 * parity of any integer x below 2^53 (ToInt32 keeps x mod 2^32); `x % 2` would be as exact, but V8
 * computes it with a slow fmod call once x passes 2^31, as the trajectory of 113,383 first does.
 * The largest value reached from any start up to 10^7 is 60,342,610,919,632 (from 6,631,675),
 * below 2^53, so every step is exact.
 */
export function collatzStep(x: number): number {
  return (x & 1) === 0 ? x / 2 : 3 * x + 1;
}

/**
 * The answer from stopping times: the smallest start s in 1..n with the most steps. Each variant
 * passes its own `steps` function.
 */
export function longestChainStart(n: number, steps: (start: number) => number): number {
  let best = 1;
  let bestSteps = 0;
  for (let start = 2; start <= n; start++) {
    const length = steps(start);
    if (length > bestSteps) {
      best = start;
      bestSteps = length;
    }
  }
  return best;
}

/**
 * Stopping time by plain iteration, counting an odd step and the halving that always follows it
 * together ((3x + 1) / 2 is two steps). No cache and no recursion.
 */
export function stoppingTime(start: number): number {
  let steps = 0;
  for (let x = start; x !== 1; steps++) {
    if ((x & 1) === 0) x /= 2;
    else {
      x = (3 * x + 1) / 2;
      steps++;
    }
  }
  return steps;
}

export default defineSuite<number, number>({
  id: 'collatz',
  title: 'Longest Collatz chain among the starts up to n',
  description:
    'The start s <= n whose Collatz trajectory takes the most steps to reach 1 (the smallest such s on a tie): Project Euler 14, whose answer below one million is 837799. Stopping times S(x) = 1 + S(x/2 or 3x + 1), S(1) = 0 (OEIS A006577), are memoized by value, and a cache warmed by earlier starts is the point: most trajectories soon fall onto a value already seen. One-dimensional state, the value x, which can far exceed n (up to about 6 x 10^13 for n <= 10^7). The plain recursion walks every trajectory in full, about O(n log n) steps; memoized, each of about 2.17n distinct values once, O(n).',
  recurrence:
    'S(1) = 0; S(x) = 1 + S(x/2) for even x, 1 + S(3x + 1) for odd x > 1; answer: argmax_{s <= n} S(s)',
  complexity: {
    naive:
      'O(sum of the n stopping times) steps, about O(n log n) (the mean stopping time grows like log n, heuristically)',
    memoized: 'O(n): each value computed once, about 2.17n distinct values for the starts up to n (measured)',
  },
  input: (n) => n,
  sequence: true,
  reference: (n) => longestChainStart(n, stoppingTime),
  sizes: {
    quick: [10, 100, 1_000, 10_000, 100_000, 1_000_000],
    default: [10, 100, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000],
    full: [10, 100, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000],
  },
  variants: {
    naive: (t) => {
      const steps = t.recursive((x: number): number => (x === 1 ? 0 : 1 + steps(collatzStep(x))));
      return (n) => longestChainStart(n, steps);
    },

    dict: (t) => {
      const memo = t.object<number>();
      const steps = t.recursive((x: number): number => {
        if (x === 1) return 0;
        const cached = memo[x];
        if (cached !== undefined) return cached;
        const value = 1 + steps(collatzStep(x));
        memo[x] = value;
        return value;
      });
      return (n) => longestChainStart(n, steps);
    },

    map: (t) => {
      const memo = t.map<number, number>();
      const steps = t.recursive((x: number): number => {
        if (x === 1) return 0;
        const cached = memo.get(x);
        if (cached !== undefined) return cached;
        const value = 1 + steps(collatzStep(x));
        memo.set(x, value);
        return value;
      });
      return (n) => longestChainStart(n, steps);
    },

    closure: (t) => {
      const steps: (x: number) => number = t.memoize((x: number): number =>
        x === 1 ? 0 : 1 + steps(collatzStep(x)),
      );
      return (n) => longestChainStart(n, steps);
    },

    'bottom-up': (t) => (n) => {
      // Fill starts in increasing order: walk from s only until the value drops below s, whose
      // stopping time is already in the table (every trajectory checked here does drop).
      const table = t.table(Int32Array, n + 1, 0);
      for (let start = 2; start <= n; start++) {
        let x = start;
        let walked = 0;
        while (x >= start) {
          x = collatzStep(x);
          walked++;
        }
        table[start] = walked + (table[x] as number);
      }
      return longestChainStart(n, (start) => table[start] as number);
    },

    array: (t) => {
      // Values up to the largest n seen are cached in the table; larger ones (most intermediate
      // values) are recomputed, since a table reaching 6 x 10^13 is out of the question.
      // -1 marks "not computed": stopping times are >= 0.
      let memo = t.table(Int32Array, 0, -1);
      const steps = t.recursive((x: number): number => {
        if (x === 1) return 0;
        if (x < memo.length) {
          const cached = memo[x] as number;
          if (cached !== -1) return cached;
        }
        const value = 1 + steps(collatzStep(x));
        if (x < memo.length) memo[x] = value;
        return value;
      });
      return (n) => {
        if (memo.length <= n) {
          // Grow by at least doubling and keep what is cached, so one instance answers f(1), ..., f(n).
          const grown = t.table(Int32Array, Math.max(n + 1, 2 * memo.length), -1);
          grown.set(memo);
          memo = grown;
        }
        return longestChainStart(n, steps);
      };
    },
  },
  notes: {
    'bottom-up':
      'Tabulates starts in increasing order and walks each trajectory only until it drops below its start (its glide), the usual Project Euler 14 solution; values above n are never stored.',
    array:
      'Caches only values below the table length (the largest n seen); the dict, map and closure caches also keep the large intermediate values.',
  },
});
