import { defineSuite } from '../lib/define-suite.ts';
import { P } from './_modular.ts';

/**
 * Euler's pentagonal number theorem in exact BigInt, O(n^1.5) additions:
 * p(m) = sum_{k >= 1} (-1)^(k+1) [p(m - k(3k-1)/2) + p(m - k(3k+1)/2)], p(0) = 1, p(negative) = 0.
 * A different recurrence from the variants' p(n, k): it needs no bound on the largest part.
 */
export function partitionsPentagonal(n: number): bigint {
  const p: bigint[] = [1n];
  for (let m = 1; m <= n; m++) {
    let sum = 0n;
    for (let k = 1; ; k++) {
      const first = m - (k * (3 * k - 1)) / 2; // generalized pentagonal numbers k(3k-1)/2 and k(3k+1)/2
      if (first < 0) break;
      const second = m - (k * (3 * k + 1)) / 2;
      const term = (p[first] as bigint) + (second >= 0 ? (p[second] as bigint) : 0n);
      sum += k % 2 === 1 ? term : -term;
    }
    p.push(sum);
  }
  return p[n] as bigint;
}

export default defineSuite<number, number>({
  id: 'partitions',
  title: 'Integer partitions p(n) modulo 1,000,000,007',
  description:
    'The number of partitions of n (OEIS A000041) through p(n, k), the partitions of n into parts of size at most k: p(n, k) = p(n, k-1) + p(n-k, k); answer p(n, n) mod 1,000,000,007 (p(n) passes 2^53 at n = 300). State: (n, k), two-dimensional; the dict, map and closure caches use the string key "n,k". The plain recursion makes at least p(n) calls, exponential in √n; memoized, O(n^2) states and time.',
  recurrence:
    'p(n, k) = p(n, k-1) + p(n-k, k) mod P, where p(0, k) = 1, p(n, 0) = 0 for n > 0, and p(n, k) = p(n, n) for k > n',
  complexity: {
    naive: 'at least p(n) ≈ exp(π√(2n/3)) / (4n√3) calls (every partition is a leaf)',
    memoized: 'O(n^2) time, O(n^2) cache',
  },
  input: (n) => n,
  reference: (n) => Number(partitionsPentagonal(n) % BigInt(P)),
  sizes: {
    quick: [5, 10, 20, 30, 40, 50, 100, 200, 400, 800],
    default: [5, 10, 20, 30, 40, 50, 60, 70, 80, 100, 200, 400, 800, 1_600, 3_200, 6_400],
    full: [5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800],
  },
  variants: {
    naive: (t) => {
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        return (partitions(n, k - 1) + partitions(n - k, k)) % P;
      });
      return (n) => partitions(n, n);
    },

    dict: (t) => {
      const memo = t.object<number>();
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        const key = `${n},${k}`;
        const cached = memo[key];
        if (cached !== undefined) return cached;
        const value = (partitions(n, k - 1) + partitions(n - k, k)) % P;
        memo[key] = value;
        return value;
      });
      return (n) => partitions(n, n);
    },

    map: (t) => {
      const memo = t.map<string, number>();
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        const key = `${n},${k}`;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (partitions(n, k - 1) + partitions(n - k, k)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => partitions(n, n);
    },

    closure: (t) => {
      const partitions: (n: number, k: number) => number = t.memoize(
        (n: number, k: number): number => {
          if (n === 0) return 1;
          if (k === 0) return 0;
          if (k > n) return partitions(n, n);
          return (partitions(n, k - 1) + partitions(n - k, k)) % P;
        },
        (n, k) => `${n},${k}`,
      );
      return (n) => partitions(n, n);
    },

    'bottom-up': (t) => (n) => {
      // One row suffices: after the pass for part size k, table[m] holds p(m, k), and the pass reads
      // table[m - k], already updated to p(m - k, k), exactly as the recurrence asks.
      const table = t.table(Int32Array, n + 1, 0);
      table[0] = 1;
      for (let k = 1; k <= n; k++) {
        for (let m = k; m <= n; m++) table[m] = ((table[m] as number) + (table[m - k] as number)) % P;
      }
      return table[n] as number;
    },

    'map-packed': (t) => {
      // The key n * width + k is one number; width = N + 1 fits every k <= N of an input N, so the
      // keys of one N mean nothing for another: a new N starts an empty cache.
      const memo = t.map<number, number>();
      let width = 0;
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        const key = n * width + k;
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = (partitions(n, k - 1) + partitions(n - k, k)) % P;
        memo.set(key, value);
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo.clear();
        }
        return partitions(n, n);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        let row = memo.get(n);
        if (row === undefined) {
          row = t.map<number, number>();
          memo.set(n, row);
        }
        const cached = row.get(k);
        if (cached !== undefined) return cached;
        const value = (partitions(n, k - 1) + partitions(n - k, k)) % P;
        row.set(k, value);
        return value;
      });
      return (n) => partitions(n, n);
    },

    array: (t) => {
      // A flat (N + 1) x (N + 1) table, cell n * width + k; -1 marks "not computed" (residues are >= 0).
      let memo = t.table(Int32Array, 0, -1);
      let width = 0;
      const partitions = t.recursive((n: number, k: number): number => {
        if (n === 0) return 1;
        if (k === 0) return 0;
        if (k > n) return partitions(n, n);
        const cached = memo[n * width + k] as number;
        if (cached !== -1) return cached;
        const value = (partitions(n, k - 1) + partitions(n - k, k)) % P;
        memo[n * width + k] = value;
        return value;
      });
      return (n) => {
        if (width !== n + 1) {
          width = n + 1;
          memo = t.table(Int32Array, width * width, -1);
        }
        return partitions(n, n);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by one number, n * (N + 1) + k, instead of the string "n,k".',
    'map-nested': 'A Map of Maps: one inner Map per n, keyed by k.',
    array: 'Top-down with a flat Int32Array indexed by n * (N + 1) + k, -1 meaning not yet computed.',
    'bottom-up':
      'Rolls the k dimension into one row of n + 1 cells (the coin-change tabulation), so it keeps O(n) numbers where the top-down caches keep O(n^2).',
  },
});
