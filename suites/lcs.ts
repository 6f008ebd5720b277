import { defineSuite } from '../lib/define-suite.ts';
import { libraryVariants } from '../lib/memoizers.ts';

/** Two strings of equal length over a four-letter alphabet. */
export interface LcsInput {
  a: string;
  b: string;
}

const ALPHABET = 'ACGT';

/**
 * Bit-parallel LCS length (Allison & Dix 1986, in Hyyrö's 2004 form), an algorithm unrelated to the
 * dynamic programme the variants implement. Bit i of V is cleared when a[i] is matched; with BigInt
 * the bit vector is as long as `a`.
 */
export function lcsBitParallel(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const mask = (1n << BigInt(a.length)) - 1n;
  const matches = new Map<string, bigint>();
  for (let i = 0; i < a.length; i++) {
    const ch = a[i] as string;
    matches.set(ch, (matches.get(ch) ?? 0n) | (1n << BigInt(i)));
  }
  let v = mask;
  for (const ch of b) {
    const u = v & (matches.get(ch) ?? 0n);
    v = ((v + u) | (v - u)) & mask;
  }
  let ones = 0;
  for (const digit of v.toString(2)) if (digit === '1') ones++;
  return a.length - ones;
}

/**
 * The audit's npm memoizers (lib/memoizers.ts), written like `closure`: the recursion goes through
 * each one's binding, with (i, j) as two arguments, so a memoizer keyed on the first one shows it.
 */
const audit = libraryVariants<[i: number, j: number], LcsInput, number>(
  (i, j) => `${i},${j}`,
  (memoizer) => (t) => {
    let a = '';
    let b = '';
    const lcs: (i: number, j: number) => number = t.memoizeWith(memoizer, (i: number, j: number): number => {
      if (i === a.length || j === b.length) return 0;
      if (a[i] === b[j]) return 1 + lcs(i + 1, j + 1);
      return Math.max(lcs(i + 1, j), lcs(i, j + 1));
    });
    return (input) => {
      ({ a, b } = input);
      return lcs(0, 0);
    };
  },
);

export default defineSuite<LcsInput, number>({
  id: 'lcs',
  title: 'Longest common subsequence of two random strings',
  description:
    'Length of the longest common subsequence of two seeded random strings of length n over {A, C, G, T}. Two-dimensional state (i, j); the dict, map and closure caches use the string key "i,j" (a template string) that people write.',
  recurrence:
    'L(i, j) = 0 if i = |a| or j = |b|; 1 + L(i+1, j+1) if a[i] = b[j]; else max(L(i+1, j), L(i, j+1))',
  complexity: { naive: 'O(2^(2n)) calls in the worst case', memoized: 'O(n^2) time, O(n^2) cache' },
  input: (n, rng) => ({ a: rng.string(n, ALPHABET), b: rng.string(n, ALPHABET) }),
  reference: ({ a, b }) => lcsBitParallel(a, b),
  sizes: {
    quick: [4, 8, 12, 16, 32, 64, 128, 256, 512],
    default: [4, 6, 8, 10, 12, 14, 16, 32, 64, 128, 256, 512, 1024, 2048],
    full: [4, 6, 8, 10, 12, 14, 16, 18, 20, 32, 64, 128, 256, 512, 1024, 2048, 4096],
  },
  variants: {
    naive:
      (t) =>
      ({ a, b }) => {
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          if (a[i] === b[j]) return 1 + lcs(i + 1, j + 1);
          return Math.max(lcs(i + 1, j), lcs(i, j + 1));
        });
        return lcs(0, 0);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ a, b }) => {
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          const key = `${i},${j}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          const value = a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1));
          memo[key] = value;
          return value;
        });
        return lcs(0, 0);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ a, b }) => {
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          const key = `${i},${j}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value = a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1));
          memo.set(key, value);
          return value;
        });
        return lcs(0, 0);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the strings from here.
      let a = '';
      let b = '';
      const lcs: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          if (a[i] === b[j]) return 1 + lcs(i + 1, j + 1);
          return Math.max(lcs(i + 1, j), lcs(i, j + 1));
        },
        (i, j) => `${i},${j}`,
      );
      return (input) => {
        ({ a, b } = input);
        return lcs(0, 0);
      };
    },

    'bottom-up':
      (t) =>
      ({ a, b }) => {
        const width = b.length + 1;
        const table = t.table(Int32Array, (a.length + 1) * width, 0);
        for (let i = a.length - 1; i >= 0; i--) {
          for (let j = b.length - 1; j >= 0; j--) {
            table[i * width + j] =
              a[i] === b[j]
                ? 1 + (table[(i + 1) * width + j + 1] as number)
                : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
          }
        }
        return table[0] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ a, b }) => {
        const width = b.length + 1;
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          const key = i * width + j;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value = a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1));
          memo.set(key, value);
          return value;
        });
        return lcs(0, 0);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ a, b }) => {
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          // The row is stored before recursing, so deeper calls on the same row fill this same Map.
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(j);
          if (cached !== undefined) return cached;
          const value = a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1));
          row.set(j, value);
          return value;
        });
        return lcs(0, 0);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ a, b }) => {
        const width = b.length + 1;
        const cells = (a.length + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const lcs = t.recursive((i: number, j: number): number => {
          if (i === a.length || j === b.length) return 0;
          const key = i * width + j;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          const value = a[i] === b[j] ? 1 + lcs(i + 1, j + 1) : Math.max(lcs(i + 1, j), lcs(i, j + 1));
          memo[key] = value;
          return value;
        });
        return lcs(0, 0);
      };
    },

    ...audit.variants,
  },
  libraries: audit.libraries,
});
