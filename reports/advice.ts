import { isOk, timeNs } from '../lib/cells.ts';
import { isTimed, speedupOf } from '../lib/speedups.ts';
import {
  type Advice,
  type Cell,
  COMMON_CACHES,
  type FailedCell,
  type TimeInterval,
  type OkCell,
  type Results,
  type VerdictInput,
} from '../lib/types.ts';
import { crossovers } from './crossover.ts';
import { primaryCells } from './primary.ts';
import { buildVerdict } from './verdict.ts';

/**
 * The verdict of an `advise` run, from its results.json alone (so `npm run report` rebuilds it):
 * which measurements of the cells, the capacity curve and the stack search the verdict rests on
 * (reports/verdict.ts writes them as sentences). Null for a bench run, which has no advice.
 */
export function adviceVerdict(results: Results): { suite: string; sentences: string[] } | null {
  const advice = results.advice;
  if (advice === undefined) return null;
  return { suite: advice.suite, sentences: buildVerdict(verdictInput(results, advice)) };
}

/** Statuses that mean a variant is wrong or broke (a stack overflow is the depth's finding, not a failure). */
const FAILURES: readonly FailedCell['status'][] = ['wrong-answer', 'error', 'timeout', 'crashed'];

/**
 * The verdict's input: the fastest variant at the largest size the common caches (COMMON_CACHES)
 * all reached, and their ratios to it; that variant's crossover against naive and its speedup at
 * the largest size both were timed at; memory of those variants at the largest size each has
 * figures; the stack reach and the capacity curve as recorded; the derived variants that failed.
 * The npm memoizers compete for fastest, but their failures are the audit's findings, not the
 * problem's.
 */
export function verdictInput(results: Results, advice: Advice): VerdictInput {
  const info = results.suites.find((suite) => suite.id === advice.suite);
  const libraries = new Set(Object.keys(info?.libraries ?? {}));
  const cells = primaryCells(results.cells).filter((cell) => cell.suite === advice.suite);
  const byVariant = groupByVariant(cells);
  const wrong = new Set(cells.filter((cell) => cell.status === 'wrong-answer').map((cell) => cell.variant));
  const candidates = [...byVariant.keys()].filter((variant) => variant !== 'naive' && !wrong.has(variant));
  const timedAt = (variant: string, n: number) =>
    byVariant.get(variant)?.find((cell): cell is OkCell => cell.n === n && isTimed(cell));

  const input: VerdictInput = { reference: advice.reference };
  const failures = failureGroups(cells.filter((cell) => !libraries.has(cell.variant)));
  if (failures.length > 0) input.failures = failures;

  const commons = COMMON_CACHES.filter((variant) => candidates.includes(variant));
  const sizes = [...new Set(cells.map((cell) => cell.n))].sort((a, b) => b - a);
  const n = sizes.find((size) => commons.length > 0 && commons.every((variant) => timedAt(variant, size)));
  if (n !== undefined) {
    const timed = candidates.flatMap((variant) => timedAt(variant, n) ?? []);
    const fastest = timed.reduce((best, cell) => (timeNs(cell) < timeNs(best) ? cell : best));
    input.fastest = {
      n,
      variant: fastest.variant,
      time_ns: timeNs(fastest),
      others: commons
        .filter((variant) => variant !== fastest.variant)
        .map((variant) => {
          const other = timedAt(variant, n) as OkCell;
          const ratio = speedupOf(other, fastest);
          return { variant, ratio: ratio.speedup, low: ratio.speedup_low, high: ratio.speedup_high };
        }),
    };
    const crossover = crossoverOf(results, advice.suite, fastest.variant, timedAt);
    if (crossover !== undefined) input.crossover = crossover;
    input.memory = memoryOf([fastest.variant, ...commons], byVariant, results);
  }

  const { variant, reached_n, reached_depth, overflow_n, overflow_depth, note } = advice.stack_reach;
  input.depth = {
    variant,
    reached_n,
    reached_depth,
    overflow_n,
    overflow_depth,
    ...(note === undefined ? {} : { note }),
  };
  const curve = results.capacity?.find((each) => each.suite === advice.suite);
  if (curve !== undefined) {
    input.capacity = {
      factor: curve.factor,
      sizes: curve.sizes.map(({ curve: _points, ...size }) => size),
      ...(curve.note === undefined ? {} : { note: curve.note }),
    };
  }
  return input;
}

function groupByVariant(cells: readonly Cell[]): Map<string, Cell[]> {
  const byVariant = new Map<string, Cell[]>();
  for (const cell of [...cells].sort((a, b) => a.n - b.n)) {
    byVariant.set(cell.variant, [...(byVariant.get(cell.variant) ?? []), cell]);
  }
  return byVariant;
}

/** Each variant's first failure, grouped when several failed the same way at the same n. */
function failureGroups(cells: readonly Cell[]): NonNullable<VerdictInput['failures']> {
  const groups = new Map<string, NonNullable<VerdictInput['failures']>[number]>();
  const seen = new Set<string>();
  for (const cell of [...cells].sort((a, b) => a.n - b.n)) {
    if (seen.has(cell.variant) || !(FAILURES as readonly string[]).includes(cell.status)) continue;
    const failed = cell as FailedCell;
    seen.add(failed.variant);
    const key = JSON.stringify([failed.status, failed.n, failed.message]);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        variants: [failed.variant],
        status: failed.status,
        n: failed.n,
        message: failed.message,
      });
    } else group.variants.push(failed.variant);
  }
  return [...groups.values()];
}

/** The variant's crossover against naive, the intervals that decide it, and its speedup at the largest size both were timed at. */
function crossoverOf(
  results: Results,
  suite: string,
  variant: string,
  timedAt: (variant: string, n: number) => OkCell | undefined,
): VerdictInput['crossover'] {
  const found = crossovers({ ...results, cells: primaryCells(results.cells) }, 'naive').find(
    (crossover) => crossover.suite === suite && crossover.variant === variant,
  );
  const largest = found?.compared_n.at(-1);
  if (found === undefined || largest === undefined) return undefined;
  const pair = (n: number) => ({
    variant: interval(timedAt(variant, n) as OkCell),
    naive: interval(timedAt('naive', n) as OkCell),
  });
  const speedup = speedupOf(timedAt('naive', largest) as OkCell, timedAt(variant, largest) as OkCell);
  const at = pair(found.crossover_n ?? largest);
  const crossover: NonNullable<VerdictInput['crossover']> = {
    variant,
    n: found.crossover_n,
    variant_at: at.variant,
    naive_at: at.naive,
    largest: { n: largest, speedup: speedup.speedup, low: speedup.speedup_low, high: speedup.speedup_high },
  };
  const below = found.compared_n.filter((n) => found.crossover_n !== null && n < found.crossover_n).at(-1);
  if (below !== undefined) crossover.before = { n: below, ...pair(below) };
  return crossover;
}

/** Retained bytes and entries of each variant at the largest size it has both; a note when none has them. */
function memoryOf(
  variants: readonly string[],
  byVariant: ReadonlyMap<string, readonly Cell[]>,
  results: Results,
): NonNullable<VerdictInput['memory']> {
  const measured = [...new Set(variants)].flatMap((variant) => {
    const cell = (byVariant.get(variant) ?? [])
      .filter(isOk)
      .findLast((each) => each.retained_bytes !== undefined && each.cache_entries !== undefined);
    if (cell === undefined) return [];
    return [
      {
        variant,
        n: cell.n,
        retained_bytes: cell.retained_bytes as number,
        entries: cell.cache_entries as number,
      },
    ];
  });
  if (measured.length > 0) return { variants: measured };
  const note =
    results.options.memory_readings === 0
      ? `the ${results.options.profile} profile has no memory pass (--profile default has one)`
      : 'no timed cell of these variants has memory figures';
  return { variants: [], note };
}

function interval(cell: OkCell): TimeInterval {
  return { time_ns: timeNs(cell), ci_low_ns: cell.ci_low_ns, ci_high_ns: cell.ci_high_ns };
}
