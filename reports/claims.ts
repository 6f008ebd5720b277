import { markdownSafe } from '../lib/escape.ts';
import { formatBytes, formatRatio } from '../lib/format.ts';
import type { Cell, OkCell, Results } from '../lib/types.ts';
import { crossovers, isTimed, speedupOf } from './crossover.ts';
import { primaryCells } from './primary.ts';

/**
 * The seed text's two claims (../shared/seed/memoization.md), checked against a run:
 * "memoization can significantly improve the performance of recursive functions" and
 * "memoization can also help reduce memory usage". The seed's example memoizes with a dictionary,
 * so `dict` stands for "memoization"; `bottom-up` is shown beside it.
 */

/** The variant that stands for the seed's memoization. */
export const SEED_VARIANT = 'dict';

/** "Much faster": from which n, and by how much at the largest n naive reached. */
export interface SpeedClaim {
  suite: string;
  /** Smallest n from which dict is faster than naive at every larger compared n (separated 95% CIs); null: none measured. */
  faster_from_n: number | null;
  /** Largest n at which both naive and dict were timed. */
  at_n: number | null;
  /** naive median / dict median at `at_n`, with the interval the two 95% CIs allow. */
  speedup: number | null;
  speedup_low: number | null;
  speedup_high: number | null;
  /** Smallest n compared, and whether dict was slower (separated CIs) there: memoization's overhead. */
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

/** "Reduces memory usage": naive against dict (and bottom-up) at the largest n all have memory figures. */
export interface MemoryClaim {
  suite: string;
  n: number;
  points: MemoryPoint[];
}

/** Both claims for a run. */
export interface SeedClaims {
  speed: SpeedClaim[];
  memory: MemoryClaim[];
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

function speedClaim(results: Results, suite: string): SpeedClaim | undefined {
  const cells = results.cells.filter(isTimed).filter((cell) => cell.suite === suite);
  const naive = new Map(cells.filter((cell) => cell.variant === 'naive').map((cell) => [cell.n, cell]));
  const memo = cells
    .filter((cell) => cell.variant === SEED_VARIANT && naive.has(cell.n))
    .sort((a, b) => a.n - b.n);
  if (memo.length === 0) return undefined;
  const crossover = crossovers(results).find((c) => c.suite === suite && c.variant === SEED_VARIANT);
  const last = memo.at(-1) as OkCell;
  const first = memo[0] as OkCell;
  const atLast = speedupOf(naive.get(last.n) as OkCell, last);
  const atFirst = speedupOf(naive.get(first.n) as OkCell, first);
  return {
    suite,
    faster_from_n: crossover?.crossover_n ?? null,
    at_n: last.n,
    speedup: atLast.speedup,
    speedup_low: atLast.speedup_low,
    speedup_high: atLast.speedup_high,
    slower_at_small_n: atFirst.speedup_high < 1,
  };
}

function memoryClaim(results: Results, suite: string): MemoryClaim | undefined {
  const cells = results.cells.filter((cell) => cell.suite === suite);
  const at = (variant: string, n: number) =>
    memoryOf(cells.find((cell) => cell.variant === variant && cell.n === n));
  const sizes = [...new Set(cells.map((cell) => cell.n))].sort((a, b) => b - a);
  const n = sizes.find((size) => at('naive', size) !== undefined && at(SEED_VARIANT, size) !== undefined);
  if (n === undefined) return undefined;
  const points = ['naive', SEED_VARIANT, 'bottom-up']
    .map((variant) => at(variant, n))
    .filter((point): point is MemoryPoint => point !== undefined);
  return { suite, n, points };
}

/** The seed's claims, per suite, from the run's cells (one runner's cells when there are two). */
export function seedClaims(run: Results): SeedClaims {
  const results = { ...run, cells: primaryCells(run.cells) };
  const ids = results.suites.map((suite) => suite.id);
  return {
    speed: ids
      .map((id) => speedClaim(results, id))
      .filter((claim): claim is SpeedClaim => claim !== undefined),
    memory: ids
      .map((id) => memoryClaim(results, id))
      .filter((claim): claim is MemoryClaim => claim !== undefined),
  };
}

/** The verdict on "much faster", from the speed table only. */
export function speedVerdict(speed: readonly SpeedClaim[]): string {
  const faster = speed.filter((claim) => claim.faster_from_n !== null);
  const slowerSmall = speed.filter((claim) => claim.slower_at_small_n);
  return (
    `holds in ${faster.length} of ${speed.length} suites from the n shown; ` +
    (slowerSmall.length > 0
      ? `at the smallest size measured, dict was slower than naive in ${slowerSmall.length} (${slowerSmall.map((claim) => claim.suite).join(', ')}): the cache costs more than it saves until there are repeated subproblems to save.`
      : 'no suite showed dict slower than naive at the smallest size measured.')
  );
}

/** Differences of retained bytes smaller than this are within the noise of one reading (V8 bookkeeping). */
export const MEMORY_NOISE_BYTES = 64 * 1024;

/** The verdict on "reduces memory usage", from the memory table only; differences within the noise are said to be. */
export function memoryVerdict(memory: readonly MemoryClaim[]): string {
  const differences = memory.flatMap((claim) => {
    const naive = claim.points.find((point) => point.variant === 'naive');
    const memo = claim.points.find((point) => point.variant === SEED_VARIANT);
    return naive === undefined || memo === undefined ? [] : [{ claim, naive, memo }];
  });
  const more = differences.filter(
    ({ naive, memo }) => memo.retained_bytes - naive.retained_bytes > MEMORY_NOISE_BYTES,
  );
  const less = differences.filter(
    ({ naive, memo }) => naive.retained_bytes - memo.retained_bytes > MEMORY_NOISE_BYTES,
  );
  const asDeep = differences.filter(
    ({ naive, memo }) =>
      naive.max_depth !== null && memo.max_depth !== null && memo.max_depth >= naive.max_depth,
  );
  const noise = differences.length - more.length - less.length;
  return (
    `dict retained more than naive in ${more.length}, less in ${less.length}, and within the noise of a reading (${MEMORY_NOISE_BYTES / 1024} kB) in ${noise} of ${differences.length} suites at these sizes ` +
    `(naive cannot be run at the sizes where a cache grows large), and recursed as deep as naive in ${asDeep.length}` +
    (less.length === 0
      ? ': no suite shows memoization saving memory; it trades memory for time.'
      : `; it saved memory in ${less.map(({ claim }) => claim.suite).join(', ')}.`)
  );
}

/** The claims as Markdown: a table each, and a one-line verdict each, derived from the tables only. */
export function claimsMarkdown(claims: SeedClaims): string {
  const lines: string[] = ['## The seed text’s claims, checked', ''];
  if (claims.speed.length > 0) {
    lines.push(
      '**“Memoization significantly improves performance.”** `dict` (the seed’s dictionary cache) against `naive`:',
      '',
      '| suite | faster from n (95% CIs separate) | at n | speedup (naive / dict median) | interval |',
      '|---|---:|---:|---:|---|',
      ...claims.speed.map(
        (claim) =>
          `| ${markdownSafe(claim.suite)} | ${claim.faster_from_n ?? 'none measured'} | ${claim.at_n ?? '-'} | ${claim.speedup === null ? '-' : formatRatio(claim.speedup)} | ${claim.speedup_low === null || claim.speedup_high === null ? '-' : `${formatRatio(claim.speedup_low)} to ${formatRatio(claim.speedup_high)}`} |`,
      ),
      '',
      `Verdict: ${speedVerdict(claims.speed)}`,
      '',
    );
  }
  if (claims.memory.length > 0) {
    lines.push(
      '**“Memoization reduces memory usage.”** At the largest n where naive and dict both have memory figures (bytes: heap + external; depth: stack frames of the recursion):',
      '',
      '| suite | n | variant | retained | allocated per call | max depth |',
      '|---|---:|---|---:|---:|---:|',
      ...claims.memory.flatMap((claim) =>
        claim.points.map(
          (point) =>
            `| ${markdownSafe(claim.suite)} | ${claim.n} | ${markdownSafe(point.variant)} | ${formatBytes(point.retained_bytes)} | ${formatBytes(point.allocated_bytes)} | ${point.max_depth ?? '-'} |`,
        ),
      ),
      '',
      `Verdict: ${memoryVerdict(claims.memory)}`,
      '',
    );
  }
  return lines.join('\n');
}
