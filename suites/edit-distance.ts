import { defineSuite } from '../lib/define-suite.ts';

/** Two strings; the seeded inputs have equal length n over a four-letter alphabet. */
export interface EditDistanceInput {
  a: string;
  b: string;
}

const ALPHABET = 'ACGT';

/**
 * Levenshtein distance by Myers' bit-vector algorithm (1999) in Hyyrö's form for the distance
 * between whole strings (2001), an algorithm unrelated to the dynamic programme the variants
 * implement: one column of the DP matrix is kept as two bit vectors of vertical differences (+1 in
 * `vp`, -1 in `vn`) and advanced one character of `b` at a time with additions and shifts, tracking
 * only the bottom cell. With BigInt the vectors are as long as `a`.
 */
export function editDistanceBitParallel(a: string, b: string): number {
  if (a.length === 0) return b.length;
  const mask = (1n << BigInt(a.length)) - 1n;
  const last = 1n << BigInt(a.length - 1);
  const matches = new Map<string, bigint>();
  for (let i = 0; i < a.length; i++) {
    const ch = a[i] as string;
    matches.set(ch, (matches.get(ch) ?? 0n) | (1n << BigInt(i)));
  }
  let vp = mask;
  let vn = 0n;
  let score = a.length;
  for (const ch of b) {
    const eq = matches.get(ch) ?? 0n;
    const d0 = ((((eq & vp) + vp) & mask) ^ vp) | eq | vn;
    const hp = vn | (~(d0 | vp) & mask);
    const hn = vp & d0;
    if (hp & last) score++;
    else if (hn & last) score--;
    // The top row of the matrix is 0, 1, 2, ...: its horizontal difference is always +1, shifted in here.
    const hpShifted = ((hp << 1n) | 1n) & mask;
    const hnShifted = (hn << 1n) & mask;
    vp = hnShifted | (~(d0 | hpShifted) & mask);
    vn = hpShifted & d0;
  }
  return score;
}

export default defineSuite<EditDistanceInput, number>({
  id: 'edit-distance',
  title: 'Levenshtein edit distance of two random strings',
  description:
    'Fewest single-character insertions, deletions and substitutions that turn a into b, for two seeded random strings of length n over {A, C, G, T}. State: (i, j), two-dimensional (suffixes a[i..] and b[j..]). On a match the recursion takes the diagonal only, which is always optimal. The dict, map and closure caches use the string key "i,j" that people write.',
  recurrence:
    'D(i, j) = |b| - j if i = |a|; |a| - i if j = |b|; D(i+1, j+1) if a[i] = b[j]; else 1 + min(D(i+1, j), D(i, j+1), D(i+1, j+1))',
  complexity: {
    naive: 'O((3 + 2√2)^n) ≈ O(5.83^n) calls in the worst case (central Delannoy numbers)',
    memoized: 'O(n^2) time, O(n^2) cache',
  },
  input: (n, rng) => ({ a: rng.string(n, ALPHABET), b: rng.string(n, ALPHABET) }),
  reference: ({ a, b }) => editDistanceBitParallel(a, b),
  sizes: {
    quick: [4, 8, 12, 18, 27, 40, 60, 90, 135, 200],
    default: [4, 8, 12, 13, 14, 21, 32, 48, 72, 108, 162, 243, 364, 512],
    full: [4, 8, 12, 13, 14, 15, 22, 33, 66, 132, 264, 528, 1_056, 2_112],
  },
  variants: {
    naive:
      (t) =>
      ({ a, b }) => {
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          if (a[i] === b[j]) return ed(i + 1, j + 1);
          return 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
        });
        return ed(0, 0);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ a, b }) => {
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          const key = `${i},${j}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          const value =
            a[i] === b[j] ? ed(i + 1, j + 1) : 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
          memo[key] = value;
          return value;
        });
        return ed(0, 0);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ a, b }) => {
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          const key = `${i},${j}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value =
            a[i] === b[j] ? ed(i + 1, j + 1) : 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
          memo.set(key, value);
          return value;
        });
        return ed(0, 0);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the strings from here.
      let a = '';
      let b = '';
      const ed: (i: number, j: number) => number = t.memoize(
        (i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          if (a[i] === b[j]) return ed(i + 1, j + 1);
          return 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
        },
        (i, j) => `${i},${j}`,
      );
      return (input) => {
        ({ a, b } = input);
        return ed(0, 0);
      };
    },

    'bottom-up':
      (t) =>
      ({ a, b }) => {
        const width = b.length + 1;
        const table = t.table(Int32Array, (a.length + 1) * width, 0);
        for (let j = 0; j <= b.length; j++) table[a.length * width + j] = b.length - j;
        for (let i = a.length - 1; i >= 0; i--) {
          table[i * width + b.length] = a.length - i;
          for (let j = b.length - 1; j >= 0; j--) {
            table[i * width + j] =
              a[i] === b[j]
                ? (table[(i + 1) * width + j + 1] as number)
                : 1 +
                  Math.min(
                    table[(i + 1) * width + j] as number,
                    table[i * width + j + 1] as number,
                    table[(i + 1) * width + j + 1] as number,
                  );
          }
        }
        return table[0] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ a, b }) => {
        const width = b.length + 1;
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          const key = i * width + j;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          const value =
            a[i] === b[j] ? ed(i + 1, j + 1) : 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
          memo.set(key, value);
          return value;
        });
        return ed(0, 0);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ a, b }) => {
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          // The row is stored before recursing, so deeper calls on the same row fill this same Map.
          let row = memo.get(i);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(i, row);
          }
          const cached = row.get(j);
          if (cached !== undefined) return cached;
          const value =
            a[i] === b[j] ? ed(i + 1, j + 1) : 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
          row.set(j, value);
          return value;
        });
        return ed(0, 0);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ a, b }) => {
        const width = b.length + 1;
        const cells = (a.length + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const ed = t.recursive((i: number, j: number): number => {
          if (i === a.length) return b.length - j;
          if (j === b.length) return a.length - i;
          const key = i * width + j;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          const value =
            a[i] === b[j] ? ed(i + 1, j + 1) : 1 + Math.min(ed(i + 1, j), ed(i, j + 1), ed(i + 1, j + 1));
          memo[key] = value;
          return value;
        });
        return ed(0, 0);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by the number i * (|b| + 1) + j instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per i, keyed by j.',
    array: 'Top-down with a flat Int32Array indexed by i * (|b| + 1) + j, -1 meaning not yet computed.',
  },
});
