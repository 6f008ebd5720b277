import { timeNs } from '../lib/cells.ts';
import type { CacheMode, Cell, OkCell, Results } from '../lib/types.ts';
import { isTimed, speedupOf } from '../lib/speedups.ts';
import { crossovers } from './crossover.ts';
import { primaryCells } from './primary.ts';

/**
 * The seed text's two claims (../shared/seed/memoization.md), checked against a run:
 * "memoization can significantly improve the performance of recursive functions" and
 * "memoization can also help reduce memory usage". Memoization is the seed's own code where a suite
 * has it (`seed`: fibonacci_memo(n, memo={}) translated literally), else `dict`, the plain-object
 * cache closest to its dictionary; `bottom-up` is shown beside it.
 */

/** The seed text's fibonacci_memo, translated literally (suites/fibonacci.ts). */
export const SEED_VARIANT = 'seed';

/** Stands for the seed's dictionary in a suite without `seed` (other suites, results from before it existed). */
export const SEED_STAND_IN = 'dict';

/** The variant a suite's claims are checked with: `seed` where the run has it, else `dict`. */
export function claimVariant(results: Results, suite: string): string {
  return results.cells.some((cell) => cell.suite === suite && cell.variant === SEED_VARIANT)
    ? SEED_VARIANT
    : SEED_STAND_IN;
}

/** "Much faster": from which n, and by how much at the largest n naive reached. */
export interface SpeedClaim {
  suite: string;
  /** The memoized variant compared with naive (see claimVariant). */
  variant: string;
  /** Smallest n from which the variant is faster than naive at every larger compared n (separated 95% intervals); null: none measured. */
  faster_from_n: number | null;
  /** Largest n at which both naive and the variant were timed. */
  at_n: number;
  /** naive time / variant time at `at_n` (ns / ns, lib/cells.ts timeNs), with the interval the two 95% intervals allow. */
  speedup: number;
  speedup_low: number;
  speedup_high: number;
  /** Whether the variant was slower (separated CIs) at the smallest n compared: memoization's overhead. */
  slower_at_small_n: boolean;
}

/** Memory of one variant at one n: bytes and recursion depth. */
export interface MemoryPoint {
  variant: string;
  /** Bytes held after one call (heap + external). */
  retained_bytes: number;
  /** Bytes allocated during one call. */
  allocated_bytes: number;
  /** Deepest recursion (stack frames of the recursive function). */
  max_depth: number | null;
}

/** "Reduces memory usage": naive against the memoized variant (and bottom-up) at the largest n both have memory figures. */
export interface MemoryClaim {
  suite: string;
  /** The memoized variant compared with naive (see claimVariant). */
  variant: string;
  n: number;
  /** naive, the variant, dict beside seed, and bottom-up: those with memory figures at `n`. */
  points: MemoryPoint[];
}

/** seed against dict at one n where both were timed. */
export interface SeedAgainstDict {
  suite: string;
  n: number;
  /** seed's time per call, ns (lib/cells.ts timeNs). */
  seed_ns: number;
  /** dict's time per call, ns. */
  dict_ns: number;
  /** seed time / dict time (ns / ns): above 1, seed is slower. */
  ratio: number;
  /** Least and greatest ratio the two 95% intervals allow (see crossover.ts). */
  ratio_low: number;
  ratio_high: number;
}

/** Both claims for a run, and how the seed's own code compares with dict. */
export interface SeedClaims {
  speed: SpeedClaim[];
  memory: MemoryClaim[];
  /** Every n of every suite where seed and dict were both timed, ascending. */
  seed_vs_dict: SeedAgainstDict[];
  /** Suites whose claims use dict for lack of a seed variant. */
  stand_in: string[];
  /** The run's cache mode: whether a dictionary outlives a top-level call (sequence) or not. */
  cache_mode: CacheMode;
}

const memoryOf = (cell: Cell | undefined): MemoryPoint | undefined =>
  cell?.status === 'ok' && typeof cell.retained_bytes === 'number' && typeof cell.allocated_bytes === 'number'
    ? {
        variant: cell.variant,
        retained_bytes: cell.retained_bytes,
        allocated_bytes: cell.allocated_bytes,
        max_depth: cell.max_depth ?? null,
      }
    : undefined;

/** Timed cells of `variant` paired with `against`'s at the same n, ascending in n. */
function timedPairs(
  cells: readonly Cell[],
  variant: string,
  against: string,
): { n: number; cell: OkCell; other: OkCell }[] {
  const others = new Map(
    cells
      .filter(isTimed)
      .filter((cell) => cell.variant === against)
      .map((cell) => [cell.n, cell]),
  );
  return cells
    .filter(isTimed)
    .filter((cell) => cell.variant === variant)
    .flatMap((cell) => {
      const other = others.get(cell.n);
      return other === undefined ? [] : [{ n: cell.n, cell, other }];
    })
    .sort((a, b) => a.n - b.n);
}

function speedClaim(results: Results, suite: string): SpeedClaim | undefined {
  const variant = claimVariant(results, suite);
  const pairs = timedPairs(
    results.cells.filter((cell) => cell.suite === suite),
    variant,
    'naive',
  );
  const [first, last] = [pairs[0], pairs.at(-1)];
  if (first === undefined || last === undefined) return undefined;
  const crossover = crossovers(results).find((c) => c.suite === suite && c.variant === variant);
  const atLast = speedupOf(last.other, last.cell);
  return {
    suite,
    variant,
    faster_from_n: crossover?.crossover_n ?? null,
    at_n: last.n,
    speedup: atLast.speedup,
    speedup_low: atLast.speedup_low,
    speedup_high: atLast.speedup_high,
    slower_at_small_n: speedupOf(first.other, first.cell).speedup_high < 1,
  };
}

function memoryClaim(results: Results, suite: string): MemoryClaim | undefined {
  const variant = claimVariant(results, suite);
  const cells = results.cells.filter((cell) => cell.suite === suite);
  const at = (name: string, n: number) =>
    memoryOf(cells.find((cell) => cell.variant === name && cell.n === n));
  const sizes = [...new Set(cells.map((cell) => cell.n))].sort((a, b) => b - a);
  const n = sizes.find((size) => at('naive', size) !== undefined && at(variant, size) !== undefined);
  if (n === undefined) return undefined;
  const shown = new Set([
    'naive',
    variant,
    ...(variant === SEED_VARIANT ? [SEED_STAND_IN] : []),
    'bottom-up',
  ]);
  const points = [...shown].flatMap((name) => at(name, n) ?? []);
  return { suite, variant, n, points };
}

function seedAgainstDict(results: Results, suite: string): SeedAgainstDict[] {
  const cells = results.cells.filter((cell) => cell.suite === suite);
  return timedPairs(cells, SEED_VARIANT, SEED_STAND_IN).map(({ n, cell, other }) => {
    // speedupOf(baseline, cell) is baseline / cell: with seed as the baseline, seed / dict.
    const ratio = speedupOf(cell, other);
    return {
      suite,
      n,
      seed_ns: timeNs(cell),
      dict_ns: timeNs(other),
      ratio: ratio.speedup,
      ratio_low: ratio.speedup_low,
      ratio_high: ratio.speedup_high,
    };
  });
}

/** The seed's claims, per suite, from the run's cells (one runner's cells when there are two). */
export function seedClaims(run: Results): SeedClaims {
  const results = { ...run, cells: primaryCells(run.cells) };
  const ids = results.suites.map((suite) => suite.id);
  const speed = ids.flatMap((id) => speedClaim(results, id) ?? []);
  const memory = ids.flatMap((id) => memoryClaim(results, id) ?? []);
  const checked = new Set([...speed, ...memory].map((claim) => claim.suite));
  return {
    speed,
    memory,
    seed_vs_dict: ids.flatMap((id) => seedAgainstDict(results, id)),
    stand_in: ids.filter((id) => checked.has(id) && claimVariant(results, id) === SEED_STAND_IN),
    cache_mode: run.options.cache_mode,
  };
}
