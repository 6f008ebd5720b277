import { cellKey, ladderKey } from './cell-key.ts';
import { isOk } from './cells.ts';
import { median, summarize } from './stats.ts';
import type { Cell, CellStatus, Equal, OkCell } from './types.ts';

/** Statuses in the order a merged cell reports them when no process was `ok`. */
const SEVERITY = [
  'wrong-answer',
  'error',
  'crashed',
  'timeout',
  'stack-overflow',
  'over-budget',
  'skipped',
] as const;

// Compile-time check: a status added to CELL_STATUSES must get its place in SEVERITY.
true satisfies Equal<(typeof SEVERITY)[number], Exclude<CellStatus, 'ok'>>;

/**
 * One cell from the same cell measured in several processes (rounds). Timing statistics come
 * from the pooled stored samples; the spread between processes (sd of their medians over their
 * mean) stands beside the spread within one (median of MAD/median). Counts are exact and must
 * agree where taken (a run takes them in its first round only, so the counted process is the
 * base); memory figures are the median over the processes that measured them. If no process was
 * ok, the most severe status wins; if some were, the others are named in the message, except a
 * wrong answer, which wins over any number of right ones.
 */
export function mergeProcesses(cells: readonly Cell[]): Cell {
  const first = cells[0];
  if (first === undefined) throw new Error('mergeProcesses needs at least one cell');
  if (cells.length === 1) return first;
  const ok = cells.filter(isOk);
  const wrong = cells.find((cell) => cell.status === 'wrong-answer');
  // An answer that was wrong in one process was not verified: the cell is wrong, however many
  // processes answered right (a non-deterministic variant), and the run fails on it.
  if (wrong !== undefined && ok.length > 0) {
    return {
      ...wrong,
      message: `${wrong.message} (in ${cells.length - ok.length} of ${cells.length} processes)`,
    };
  }
  if (ok.length === 0) {
    const worst = SEVERITY.find((status) => cells.some((cell) => cell.status === status));
    return cells.find((cell) => cell.status === worst) ?? first;
  }
  const others = cells.filter((cell) => cell.status !== 'ok');
  const pooled = ok.flatMap((cell) => cell.samples_ns ?? []);
  const medians = ok.map((cell) => cell.median_ns);
  const mean = medians.reduce((sum, x) => sum + x, 0) / medians.length;
  const sd = Math.sqrt(
    medians.reduce((sum, x) => sum + (x - mean) ** 2, 0) / Math.max(1, medians.length - 1),
  );
  const within = ok.map((cell) => (100 * cell.mad_ns) / cell.median_ns);
  const base = ok.find((cell) => cell.calls !== undefined) ?? (ok[0] as OkCell);
  const countsDiffer = ok.some(
    (cell) =>
      cell.calls !== undefined && (cell.calls !== base.calls || cell.cache_entries !== base.cache_entries),
  );
  const memory = (field: 'retained_bytes' | 'allocated_bytes') => {
    const values = ok.map((cell) => cell[field]).filter((value): value is number => value !== undefined);
    return values.length === 0 ? {} : { [field]: median(values) };
  };
  const notes = [
    others.length > 0
      ? `${others.map((cell) => cell.status).join(', ')} in ${others.length} of ${cells.length} processes`
      : '',
    countsDiffer ? 'operation counts differed between processes' : '',
  ].filter((note) => note !== '');
  return {
    ...base,
    ...(pooled.length > 0 ? summarize(pooled, base.batch) : {}),
    samples_ns: pooled,
    verify_ms: median(ok.map((cell) => cell.verify_ms)),
    ...memory('retained_bytes'),
    ...memory('allocated_bytes'),
    gc_count: ok.reduce((sum, cell) => sum + (cell.gc_count ?? 0), 0),
    gc_ms: ok.reduce((sum, cell) => sum + (cell.gc_ms ?? 0), 0),
    processes: ok.length,
    process_medians_ns: medians,
    spread_between_pct: (100 * sd) / mean,
    spread_within_pct: median(within),
    ...(notes.length > 0 ? { message: notes.join('; ') } : {}),
  };
}

/**
 * The result set's cells from every process's cells: merged per cell, in a stable order (suite,
 * variant and runner as planned, then n), whatever order the jobs ran in.
 */
export function mergeCells(raw: readonly Cell[], order: readonly string[]): Cell[] {
  const groups = new Map<string, Cell[]>();
  for (const cell of raw) {
    const key = cellKey(cell);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [cell]);
    else group.push(cell);
  }
  const rank = new Map(order.map((key, index) => [key, index]));
  const ladderOf = (cell: Cell) => rank.get(ladderKey(cell)) ?? order.length;
  return [...groups.values()].map(mergeGroup).sort((a, b) => ladderOf(a) - ladderOf(b) || a.n - b.n);
}

/**
 * Merged cells by the first cell of their group, with the group's size and last cell: a run
 * re-merges all its cells whenever it saves (with several processes per ladder, merging was most
 * of a run's own time), and since raw cells are only ever appended, a group with the same first cell, size and
 * last cell is the same group and merges to the same cell.
 */
const mergedGroups = new WeakMap<Cell, { size: number; last: Cell; merged: Cell }>();

function mergeGroup(group: readonly Cell[]): Cell {
  const first = group[0] as Cell;
  const last = group.at(-1) as Cell;
  const known = mergedGroups.get(first);
  if (known !== undefined && known.size === group.length && known.last === last) return known.merged;
  const merged = mergeProcesses(group);
  mergedGroups.set(first, { size: group.length, last, merged });
  return merged;
}

/** For --runner both: each benny cell's median relative to tinybench's on the same cell, percent. */
export function annotateRunnerDiff(cells: Cell[]): Cell[] {
  const tinybench = new Map(
    cells
      .filter(isOk)
      .filter((cell) => cell.runner === 'tinybench')
      .map((cell) => [cellKey({ ...cell, runner: 'benny' }), cell]),
  );
  return cells.map((cell) => {
    if (cell.status !== 'ok' || cell.runner !== 'benny') return cell;
    const other = tinybench.get(cellKey(cell));
    return other === undefined
      ? cell
      : { ...cell, runner_diff_pct: 100 * (cell.median_ns / other.median_ns - 1) };
  });
}
