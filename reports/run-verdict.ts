import { isOk, timeNs } from '../lib/cells.ts';
import { formatBytes } from '../lib/format.ts';
import { isTimed } from '../lib/speedups.ts';
import type { Cell, OkCell, Results, Table } from '../lib/types.ts';
import { withoutLibraries } from './audit.ts';
import { crossovers } from './crossover.ts';
import { primaryCells } from './primary.ts';

/**
 * The verdict of a run, one row per suite, from results.json alone: the answer before the evidence.
 * It compares the hand-written (or derived) variants; the npm memoizers have the audit.
 */
export interface RunVerdictRow {
  suite: string;
  /**
   * The earliest crossover against naive among the other variants (ties: the faster one there),
   * or null with the largest n naive was compared at (null too when naive was never compared).
   */
  pays_from: { variant: string; n: number } | { variant: null; compared_up_to: number | null };
  /** The fastest variant but naive at the largest n every verified variant but naive was timed at. */
  fastest: { variant: string; n: number } | null;
  /**
   * Retained bytes per cache entry of the fastest variant that keeps its entries after the call
   * (at least a byte an entry: a table freed with the call keeps none), at its largest measured n;
   * null with why.
   */
  bytes_per_entry: { variant: string; n: number; bytes: number } | { note: string };
  /**
   * From the cells: the largest n a top-down variant (one that recursed or overflowed) was timed
   * at below its own stack overflow, with its recursion depth when counted, and the smallest n that
   * overflowed; without an overflow, the largest n a top-down variant reached.
   */
  deepest: { reached_n: number | null; depth: number | null; overflow_n: number | null } | null;
  /** The smallest sufficient LRU capacity at the largest n of the suite's capacity curve; null with why. */
  capacity: { n: number; capacity: number; states: number } | { note: string };
}

/** One row per suite of the run (see RunVerdictRow). */
export function runVerdictRows(run: Results): RunVerdictRow[] {
  const results = withoutLibraries({ ...run, cells: primaryCells(run.cells) });
  const crossing = crossovers(results, 'naive');
  return results.suites.map((info) => {
    const cells = results.cells.filter((cell) => cell.suite === info.id);
    const byVariant = new Map(
      info.variants.map((variant) => [
        variant,
        cells.filter((cell) => cell.variant === variant).sort((a, b) => a.n - b.n),
      ]),
    );
    const timedAt = (variant: string, n: number) =>
      byVariant.get(variant)?.find((cell): cell is OkCell => cell.n === n && isTimed(cell));
    const own = crossing.filter((crossover) => crossover.suite === info.id);
    const fastest = fastestOf(byVariant, timedAt);
    return {
      suite: info.id,
      pays_from: paysFrom(own, timedAt),
      fastest: fastest === null ? null : { variant: fastest.variant, n: fastest.n },
      bytes_per_entry: bytesPerEntry(byVariant, fastest, run.options.memory_readings),
      deepest: deepestOf(byVariant),
      capacity: capacityOf(run, info.id),
    };
  });
}

function paysFrom(
  own: ReturnType<typeof crossovers>,
  timedAt: (variant: string, n: number) => OkCell | undefined,
): RunVerdictRow['pays_from'] {
  const paying = own.filter((crossover) => crossover.crossover_n !== null);
  if (paying.length === 0) {
    const compared = own.flatMap((crossover) => crossover.compared_n);
    return { variant: null, compared_up_to: compared.length === 0 ? null : Math.max(...compared) };
  }
  const timeAt = (variant: string, n: number) => {
    const cell = timedAt(variant, n);
    return cell === undefined ? Number.POSITIVE_INFINITY : timeNs(cell);
  };
  const best = paying.reduce((a, b) => {
    const [an, bn] = [a.crossover_n as number, b.crossover_n as number];
    if (an !== bn) return an < bn ? a : b;
    return timeAt(b.variant, bn) < timeAt(a.variant, an) ? b : a;
  });
  return { variant: best.variant, n: best.crossover_n as number };
}

/** The variants compared: all but naive, without those that answered wrongly or were never timed. */
function fastestOf(
  byVariant: ReadonlyMap<string, readonly Cell[]>,
  timedAt: (variant: string, n: number) => OkCell | undefined,
): { variant: string; n: number; order: string[] } | null {
  const compared = [...byVariant].filter(
    ([variant, cells]) =>
      variant !== 'naive' &&
      !cells.some((cell) => cell.status === 'wrong-answer') &&
      cells.some((cell) => isTimed(cell)),
  );
  const sizes = [...new Set(compared.flatMap(([, cells]) => cells.map((cell) => cell.n)))].sort(
    (a, b) => b - a,
  );
  const n = sizes.find(
    (size) => compared.length > 0 && compared.every(([variant]) => timedAt(variant, size)),
  );
  if (n === undefined) return null;
  const order = compared
    .map(([variant]) => timedAt(variant, n) as OkCell)
    .sort((a, b) => timeNs(a) - timeNs(b))
    .map((cell) => cell.variant);
  return { variant: order[0] as string, n, order };
}

function bytesPerEntry(
  byVariant: ReadonlyMap<string, readonly Cell[]>,
  fastest: { order: string[] } | null,
  memoryReadings: number,
): RunVerdictRow['bytes_per_entry'] {
  const keeps = (cell: OkCell) =>
    cell.retained_bytes !== undefined &&
    cell.cache_entries !== undefined &&
    cell.cache_entries > 0 &&
    cell.retained_bytes >= cell.cache_entries;
  const measured = [...byVariant.values()]
    .flat()
    .some((cell) => isOk(cell) && cell.retained_bytes !== undefined);
  if (!measured) return { note: memoryReadings === 0 ? 'not measured (no memory pass)' : 'not measured' };
  for (const variant of fastest?.order ?? []) {
    const cell = (byVariant.get(variant) ?? []).filter(isOk).findLast(keeps);
    if (cell !== undefined) {
      return { variant, n: cell.n, bytes: (cell.retained_bytes as number) / (cell.cache_entries as number) };
    }
  }
  return { note: 'no compared variant keeps its entries' };
}

function deepestOf(byVariant: ReadonlyMap<string, readonly Cell[]>): RunVerdictRow['deepest'] {
  const topDown = [...byVariant.values()].filter((cells) =>
    cells.some((cell) => cell.status === 'stack-overflow' || (isOk(cell) && (cell.max_depth ?? 0) > 1)),
  );
  if (topDown.length === 0) return null;
  const overflowing = topDown.flatMap((cells) => {
    const overflow = cells.find((cell) => cell.status === 'stack-overflow');
    return overflow === undefined ? [] : [{ cells, overflow_n: overflow.n }];
  });
  const lastOk = (cells: readonly Cell[], below = Number.POSITIVE_INFINITY) =>
    cells.filter(isOk).findLast((cell) => cell.n < below);
  const reachedCells = (
    overflowing.length > 0 ? overflowing : topDown.map((cells) => ({ cells, overflow_n: undefined }))
  ).flatMap(({ cells, overflow_n }) => lastOk(cells, overflow_n) ?? []);
  const reached = reachedCells.reduce<OkCell | undefined>(
    (best, cell) => (best === undefined || cell.n > best.n ? cell : best),
    undefined,
  );
  return {
    reached_n: reached?.n ?? null,
    depth: reached?.max_depth ?? null,
    overflow_n: overflowing.length === 0 ? null : Math.min(...overflowing.map((entry) => entry.overflow_n)),
  };
}

function capacityOf(run: Results, suite: string): RunVerdictRow['capacity'] {
  const curve = run.capacity?.find((each) => each.suite === suite);
  if (curve === undefined) return { note: 'not computed in this run' };
  const largest = curve.sizes.at(-1);
  if (largest === undefined) return { note: curve.note ?? 'no size' };
  return { n: largest.n, capacity: largest.smallest_sufficient, states: largest.states };
}

const count = (value: number) => value.toLocaleString('en-US');

/** The run's verdict as a table, written once for summary.md and report.html (lib/tables.ts). */
export function runVerdictTable(rows: readonly RunVerdictRow[]): Table<RunVerdictRow> {
  return {
    title: 'Verdict per suite',
    sortable: true,
    rows,
    columns: [
      { header: 'suite', text: (row) => row.suite },
      {
        header: 'memoization pays from',
        numeric: true,
        unit: 'n',
        text: ({ pays_from: pays }) =>
          pays.variant !== null
            ? `n = ${count(pays.n)} (${pays.variant})`
            : pays.compared_up_to === null
              ? 'no size with naive and another variant timed'
              : `not within the sizes run (compared up to n = ${count(pays.compared_up_to)})`,
        sort: ({ pays_from: pays }) => (pays.variant === null ? undefined : pays.n),
      },
      {
        header: 'fastest cache',
        text: ({ fastest }) => (fastest === null ? '-' : `${fastest.variant} at n = ${count(fastest.n)}`),
      },
      {
        header: 'bytes per entry',
        numeric: true,
        unit: 'bytes',
        text: ({ bytes_per_entry: bytes }) =>
          'note' in bytes
            ? bytes.note
            : `${formatBytes(bytes.bytes)} (${bytes.variant}, n = ${count(bytes.n)})`,
        sort: ({ bytes_per_entry: bytes }) => ('note' in bytes ? undefined : bytes.bytes),
      },
      {
        header: 'deepest top-down n',
        numeric: true,
        unit: 'n',
        text: ({ deepest }) => {
          if (deepest === null || deepest.reached_n === null) {
            return deepest?.overflow_n == null ? '-' : `overflow at n = ${count(deepest.overflow_n)}`;
          }
          const depth = deepest.depth === null ? '' : `, depth ${count(deepest.depth)}`;
          return deepest.overflow_n === null
            ? `no overflow up to n = ${count(deepest.reached_n)}${depth}`
            : `n = ${count(deepest.reached_n)}${depth} (stack overflow at n = ${count(deepest.overflow_n)})`;
        },
        sort: ({ deepest }) => deepest?.reached_n ?? undefined,
      },
      {
        header: 'smallest sufficient LRU capacity',
        numeric: true,
        unit: 'entries',
        text: ({ capacity }) =>
          'note' in capacity
            ? capacity.note
            : `${count(capacity.capacity)} of ${count(capacity.states)} states at n = ${count(capacity.n)}`,
        sort: ({ capacity }) => ('note' in capacity ? undefined : capacity.capacity),
      },
    ],
  };
}
