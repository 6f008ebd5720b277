import { defineSuite } from '../lib/define-suite.ts';

/** An egg-drop instance: `eggs` identical eggs (at least 1) and a building of `floors` floors. */
export interface EggDropInput {
  eggs: number;
  floors: number;
}

/** Size n is the number of floors; the egg count is fixed, so n alone sets the work. */
const EGGS = 3;

/**
 * Fewest trials from the binomial-sum formula, not the recurrence the variants use: with t trials
 * and e eggs one can tell apart at most Σ_{i=1..e} C(t, i) floors (each trial sequence is a path
 * with at most e breaks), and that many can be covered, so the answer is the least t reaching
 * `floors`. Every sum computed is below 2 · floors + 1, and each C(t, i) is built as
 * C(t, i-1) · (t - i + 1) / i, so all arithmetic is exact.
 */
export function eggDropBinomial({ eggs, floors }: EggDropInput): number {
  let trials = 0;
  for (;;) {
    let covered = 0;
    let binomial = 1; // C(trials, i), starting at i = 0
    for (let i = 1; i <= Math.min(eggs, trials); i++) {
      binomial = (binomial * (trials - i + 1)) / i;
      covered += binomial;
    }
    if (covered >= floors) return trials;
    trials++;
  }
}

export default defineSuite<EggDropInput, number>({
  id: 'egg-drop',
  title: 'Egg dropping: fewest trials in the worst case',
  description:
    'Fewest drops that find, in the worst case, the highest floor an egg survives, with 3 eggs and a building of n floors (an egg that breaks is lost). Dropping from floor x either breaks the egg (search the x - 1 floors below with one egg fewer) or not (search the f - x floors above). The input has no random data: n is the number of floors and the egg count is fixed at 3. State: (e, f), two-dimensional (eggs left, floors left to search). The dict, map and closure caches use the string key "e,f".',
  recurrence: 'E(e, 0) = 0; E(1, f) = f; E(e, f) = 1 + min over 1 ≤ x ≤ f of max(E(e-1, x-1), E(e, f-x))',
  complexity: {
    naive: 'Θ(f · 2^f) calls with 3 eggs, from T(e, f) = 2 T(e, f-1) + T(e-1, f-1)',
    memoized: 'O(e · f^2) time, O(e · f) cache',
  },
  input: (n) => ({ eggs: EGGS, floors: n }),
  reference: eggDropBinomial,
  sizes: {
    quick: [4, 8, 12, 16, 20, 30, 45, 68, 136, 272, 544],
    default: [4, 8, 12, 16, 20, 21, 32, 48, 96, 192, 384, 768, 1_280],
    full: [4, 8, 12, 16, 20, 22, 23, 24, 36, 54, 108, 216, 432, 864, 1_728, 3_456],
  },
  variants: {
    naive:
      (t) =>
      ({ eggs, floors }) => {
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          return 1 + best;
        });
        return trials(eggs, floors);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ eggs, floors }) => {
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          const key = `${e},${f}`;
          const cached = memo[key];
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          memo[key] = 1 + best;
          return 1 + best;
        });
        return trials(eggs, floors);
      };
    },

    map: (t) => {
      const memo = t.map<string, number>();
      return ({ eggs, floors }) => {
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          const key = `${e},${f}`;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          memo.set(key, 1 + best);
          return 1 + best;
        });
        return trials(eggs, floors);
      };
    },

    closure: (t) => {
      // No data to read: (e, f) means the same problem in every input, so the cache is valid across inputs.
      const trials: (e: number, f: number) => number = t.memoize(
        (e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          return 1 + best;
        },
        (e, f) => `${e},${f}`,
      );
      return ({ eggs, floors }) => trials(eggs, floors);
    },

    'bottom-up':
      (t) =>
      ({ eggs, floors }) => {
        const width = floors + 1;
        // Row e holds E(e, 0..floors); row 0 is unused, column 0 stays 0.
        const table = t.table(Int32Array, (eggs + 1) * width, 0);
        for (let f = 1; f <= floors; f++) table[width + f] = f;
        for (let e = 2; e <= eggs; e++) {
          for (let f = 1; f <= floors; f++) {
            let best = Number.POSITIVE_INFINITY;
            for (let x = 1; x <= f; x++) {
              best = Math.min(
                best,
                Math.max(table[(e - 1) * width + x - 1] as number, table[e * width + f - x] as number),
              );
            }
            table[e * width + f] = 1 + best;
          }
        }
        return table[eggs * width + floors] as number;
      },

    'map-packed': (t) => {
      const memo = t.map<number, number>();
      return ({ eggs, floors }) => {
        const width = floors + 1;
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          const key = e * width + f;
          const cached = memo.get(key);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          memo.set(key, 1 + best);
          return 1 + best;
        });
        return trials(eggs, floors);
      };
    },

    'map-nested': (t) => {
      const memo = t.map<number, Map<number, number>>();
      return ({ eggs, floors }) => {
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          // The row is stored before recursing, so deeper calls on the same row fill this same Map.
          let row = memo.get(e);
          if (row === undefined) {
            row = t.map<number, number>();
            memo.set(e, row);
          }
          const cached = row.get(f);
          if (cached !== undefined) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          row.set(f, 1 + best);
          return 1 + best;
        });
        return trials(eggs, floors);
      };
    },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ eggs, floors }) => {
        const width = floors + 1;
        const cells = (eggs + 1) * width;
        if (memo.length !== cells) memo = t.table(Int32Array, cells, -1);
        const trials = t.recursive((e: number, f: number): number => {
          if (f === 0 || e === 1) return f;
          const key = e * width + f;
          const cached = memo[key] as number;
          if (cached !== -1) return cached;
          let best = Number.POSITIVE_INFINITY;
          for (let x = 1; x <= f; x++)
            best = Math.min(best, Math.max(trials(e - 1, x - 1), trials(e, f - x)));
          memo[key] = 1 + best;
          return 1 + best;
        });
        return trials(eggs, floors);
      };
    },
  },
  notes: {
    'map-packed': 'A Map keyed by the number e * (floors + 1) + f instead of a template string.',
    'map-nested': 'A Map of Maps: one inner Map per egg count e, keyed by the floor count f.',
    array: 'Top-down with a flat Int32Array indexed by e * (floors + 1) + f, -1 meaning not yet computed.',
  },
});
