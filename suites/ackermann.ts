import { defineSuite } from '../lib/define-suite.ts';

/**
 * The first argument, fixed. A(3, n) = 2^(n+3) - 3, and the recursion nests about that many calls
 * deep, so top-down variants exhaust V8's default stack (about 10^4 frames) around n = 11 to 13.
 */
export const M = 3;

/** The closed form for m = 3 (Ackermann–Péter function): A(3, n) = 2^(n+3) - 3. */
export function ackermannClosedForm(n: number): number {
  return 2 ** (n + 3) - 3;
}

export default defineSuite<number, number>({
  id: 'ackermann',
  title: 'Ackermann function A(3, n): a stack stress test',
  description:
    'A(3, n) = 2^(n+3) - 3 by the Ackermann–Péter recursion A(m, n) = A(m-1, A(m, n-1)), A(m, 0) = A(m-1, 1), A(0, n) = n + 1. State: (m, n), two-dimensional, m <= 3; the dict, map and closure caches use the string key "m,n". The plain recursion makes about 43 x 4^n calls, the memoized ones O(2^n); but both nest about A(3, n) calls deep, memoization does not make that shallower, so the top-down variants hit a stack overflow within the default ladder: that is the finding, not a bug. There is no natural bottom-up table: bottom-up is the closest honest equivalent, Grossman and Zeitman’s iterative algorithm (no stack, O(m) memory); explicit-stack is the plain recursion driven by an explicit stack.',
  recurrence: 'A(0, n) = n + 1; A(m, 0) = A(m-1, 1); A(m, n) = A(m-1, A(m, n-1)); here m = 3',
  complexity: {
    naive: 'O(4^n) calls for m = 3 (about 43 x 4^n), recursion depth about 2^(n+3)',
    memoized: 'O(2^n) calls and cache entries for m = 3, recursion depth still about 2^(n+1)',
  },
  input: (n) => n,
  sequence: true,
  reference: ackermannClosedForm,
  sizes: {
    quick: [1, 2, 4, 6, 8, 9, 10, 11, 13, 14, 16],
    default: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22],
    full: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24],
  },
  variants: {
    naive: (t) => {
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        if (n === 0) return ackermann(m - 1, 1);
        return ackermann(m - 1, ackermann(m, n - 1));
      });
      return (n) => ackermann(M, n);
    },

    dict: (t) => {
      const memo = t.object<number>();
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        const key = `${m},${n}`;
        const cached = memo[key];
        if (cached !== undefined) return cached;
        const value = n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
        memo[key] = value;
        return value;
      });
      return (n) => ackermann(M, n);
    },

    map: (t) => {
      const memo = t.map<string, number>();
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        const key = `${m},${n}`;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
        memo.set(key, value);
        return value;
      });
      return (n) => ackermann(M, n);
    },

    closure: (t) => {
      const ackermann: (m: number, n: number) => number = t.memoize(
        (m: number, n: number): number => {
          if (m === 0) return n + 1;
          if (n === 0) return ackermann(m - 1, 1);
          return ackermann(m - 1, ackermann(m, n - 1));
        },
        (m, n) => `${m},${n}`,
      );
      return (n) => ackermann(M, n);
    },

    'bottom-up': (t) => (n) => {
      // Grossman and Zeitman, "An inherently iterative computation of Ackermann's function" (1988):
      // the values of each level i come in increasing order; next[i] is the argument of level i's
      // next value, goal[i] the value level i + 1 waits for. O(M A(M, n)) steps, no stack.
      const next = t.table(Int32Array, M + 1, 0);
      const goal = t.table(Int32Array, M + 1, 1);
      goal[M] = -1; // the top level hands its values to no one
      let value: number;
      do {
        value = (next[0] as number) + 1; // A(0, j) = j + 1
        let i = 0;
        let transferring = true;
        while (transferring) {
          if (next[i] === goal[i]) goal[i] = value;
          else transferring = false;
          next[i] = (next[i] as number) + 1;
          i++;
        }
      } while (next[M] !== n + 1);
      return value;
    },

    'map-packed': (t) => {
      // The key n * (M + 1) + m is one number, the same for every input since m <= M is fixed.
      const memo = t.map<number, number>();
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        const key = n * (M + 1) + m;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
        memo.set(key, value);
        return value;
      });
      return (n) => ackermann(M, n);
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        let row = memo.get(m);
        if (row === undefined) {
          row = t.map<number, number>();
          memo.set(m, row);
        }
        const cached = row.get(n);
        if (cached !== undefined) return cached;
        const value = n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
        row.set(n, value);
        return value;
      });
      return (n) => ackermann(M, n);
    },

    array: (t) => {
      // A flat table, cell n * (M + 1) + m; -1 marks "not computed" (values are positive).
      let memo = t.table(Int32Array, 0, -1);
      const ackermann = t.recursive((m: number, n: number): number => {
        if (m === 0) return n + 1;
        const cached = memo[n * (M + 1) + m] as number;
        if (cached !== -1) return cached;
        const value = n === 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
        memo[n * (M + 1) + m] = value;
        return value;
      });
      return (n) => {
        // A typed table is sized before the recursion starts, so it borrows the bound A(3, n) < 2^(n+3)
        // on every second argument from the closed form. Growing keeps what is cached.
        const length = 2 ** (n + 3) * (M + 1);
        if (memo.length < length) {
          const grown = t.table(Int32Array, Math.max(length, 2 * memo.length), -1);
          grown.set(memo);
          memo = grown;
        }
        return ackermann(M, n);
      };
    },

    'explicit-stack': () => (n) => {
      // The plain recursion with its call stack made explicit: a stack of pending first arguments
      // (A(m-1, ·) waiting for the inner A(m, n-1)). No cache: it does the naive work, without depth limit.
      const pending: number[] = [M];
      let value = n;
      while (pending.length > 0) {
        const m = pending.pop() as number;
        if (m === 0) value += 1;
        else if (value === 0) {
          pending.push(m - 1);
          value = 1;
        } else {
          pending.push(m - 1, m);
          value -= 1;
        }
      }
      return value;
    },
  },
  notes: {
    'map-packed': 'A Map keyed by one number, n * (M + 1) + m, instead of the string "m,n".',
    'map-nested': 'A Map of Maps: one inner Map per m, keyed by n.',
    array:
      'Top-down with a flat Int32Array indexed by n * (M + 1) + m, -1 meaning not yet computed, sized from the bound A(3, n) < 2^(n+3).',
    'bottom-up':
      'Ackermann has no natural bottom-up table (A(m, n) needs A(m-1, ·) at an argument only known once A(m, n-1) is). The closest honest equivalent is Grossman and Zeitman’s iterative algorithm (1988): each level’s values in increasing order, two tables of m + 1 cells, no stack.',
    'explicit-stack':
      'The naive recursion with an explicit stack instead of the call stack: it never overflows but does the naive O(4^n) work, which shows that memoization, not iteration, removes the repeated work.',
  },
});
