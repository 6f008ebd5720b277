import { cellKey, ladderKey } from './cell-key.ts';
import { isOk } from './cells.ts';
import { formatNs } from './format.ts';
import { processInterval, summarizeProcesses } from './process-interval.ts';
import { fitProcessPrior } from './process-prior.ts';
import { median, summarize, thin } from './stats.ts';
import type { Cell, CellStatus, Equal, OkCell, ProcessPrior, ProcessSummary } from './types.ts';

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
 * Samples a merged cell keeps, at most, spread evenly over its processes: every process keeps up to
 * 1,000 (runners/constants.ts MAX_STORED_SAMPLES), and six processes' worth in every cell of a
 * default run would make results.json hundreds of megabytes. Statistics use all of them first.
 */
export const MAX_MERGED_SAMPLES = 1000;

/** A cell merged from its processes, before the run-wide prior gives it its interval. */
interface Merged {
  cell: Cell;
  /** Its ok processes summarised for the interval; absent when it has none (not ok), or its interval is already set. */
  summary?: ProcessSummary;
}

/** Each process's stored samples, or its median alone when it kept none (cells read from a baseline). */
function samplesOf(cell: OkCell): readonly number[] {
  return cell.samples_ns !== undefined && cell.samples_ns.length > 0 ? cell.samples_ns : [cell.median_ns];
}

/** Up to `limit` samples, an even share from each process, each share thinned evenly (time order kept). */
function thinProcesses(processes: readonly (readonly number[])[], limit: number): number[] {
  const share = Math.max(1, Math.floor(limit / processes.length));
  return processes.flatMap((samples) => thin(samples, share));
}

/**
 * One cell from the same cell measured in several processes (rounds), without its interval yet.
 * Timing statistics come from the pooled stored samples; the spread between processes and the one
 * within them from the processes' summary (lib/process-interval.ts). Counts are exact and must
 * agree where taken (a run takes them in its first round only, so the counted process is the base);
 * memory figures are the median over the processes that measured them. If no process was ok, the
 * most severe status wins; if some were, the others are named in the message, except a wrong
 * answer, which wins over any number of right ones. A lone cell that already has its interval
 * (merged before, or read from a file) is kept as it is.
 */
function mergeGroupCells(cells: readonly Cell[]): Merged {
  const first = cells[0];
  if (first === undefined) throw new Error('mergeProcesses needs at least one cell');
  const ok = cells.filter(isOk);
  const wrong = cells.find((cell) => cell.status === 'wrong-answer');
  // An answer that was wrong in one process was not verified: the cell is wrong, however many
  // processes answered right (a non-deterministic variant), and the run fails on it.
  if (wrong !== undefined && ok.length > 0) {
    return {
      cell: {
        ...wrong,
        message: `${wrong.message} (in ${cells.length - ok.length} of ${cells.length} processes)`,
      },
    };
  }
  if (ok.length === 0) {
    const worst = SEVERITY.find((status) => cells.some((cell) => cell.status === status));
    return { cell: cells.find((cell) => cell.status === worst) ?? first };
  }
  if (cells.length === 1) {
    const lone = ok[0] as OkCell;
    const merged = lone.estimate_ns !== undefined || lone.processes !== undefined;
    return merged ? { cell: lone } : { cell: lone, summary: summarizeProcesses([samplesOf(lone)]) };
  }
  const processSamples = ok.map(samplesOf);
  const summary = summarizeProcesses(processSamples);
  const others = cells.filter((cell) => cell.status !== 'ok');
  const pooled = ok.flatMap((cell) => cell.samples_ns ?? []);
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
  const spread =
    ok.length > 1
      ? {
          processes: summary.processes,
          process_medians_ns: summary.process_medians_ns,
          spread_between_pct: summary.spread_between_pct,
          spread_within_pct: summary.spread_within_pct,
        }
      : {};
  return {
    cell: {
      ...base,
      ...(pooled.length > 0 ? summarize(pooled, base.batch) : {}),
      samples_ns: thinProcesses(
        ok.map((cell) => cell.samples_ns ?? []),
        MAX_MERGED_SAMPLES,
      ),
      verify_ms: median(ok.map((cell) => cell.verify_ms)),
      ...memory('retained_bytes'),
      ...memory('allocated_bytes'),
      gc_count: ok.reduce((sum, cell) => sum + (cell.gc_count ?? 0), 0),
      gc_ms: ok.reduce((sum, cell) => sum + (cell.gc_ms ?? 0), 0),
      ...spread,
      ...(notes.length > 0 ? { message: notes.join('; ') } : {}),
    },
    summary,
  };
}

/**
 * The merged cell with its process-level interval under the run's prior (null: none fitted): the
 * estimate, the 95% prediction interval of another run's estimate as `ci_low_ns`..`ci_high_ns`, and
 * processes that fall into groups far apart named in the message.
 */
function withInterval(merged: Merged, prior: ProcessPrior | null): Cell {
  const { cell, summary } = merged;
  if (summary === undefined || cell.status !== 'ok') return cell;
  const interval = processInterval(summary, prior);
  const groups = interval.disagreement;
  const disagreement =
    groups === null
      ? undefined
      : `processes disagree: ${groups.clusters
          .map((cluster) => `${cluster.processes} at ${formatNs(cluster.centre_ns)}`)
          .join(', ')} (${groups.gap_pct.toFixed(0)}% apart)`;
  const message = [cell.message, disagreement].filter((text) => text !== undefined).join('; ');
  return {
    ...cell,
    estimate_ns: interval.estimate_ns,
    ci_low_ns: interval.low_ns,
    ci_high_ns: interval.high_ns,
    interval_basis: interval.basis,
    ...(message === '' ? {} : { message }),
  };
}

/**
 * One cell from the same cell measured in several processes (see mergeGroupCells), with its
 * process-level interval under `prior` (a run fits one over all its cells: mergeCells).
 */
export function mergeProcesses(cells: readonly Cell[], prior: ProcessPrior | null = null): Cell {
  return withInterval(mergeGroupCells(cells), prior);
}

/**
 * The result set's cells from every process's cells: merged per cell, each with its interval under
 * the prior fitted over all of them (how much processes of this run differ at each duration), in a
 * stable order (suite, variant and runner as planned, then n), whatever order the jobs ran in.
 */
export function mergeCells(raw: readonly Cell[], order: readonly string[]): Cell[] {
  const groups = new Map<string, Cell[]>();
  for (const cell of raw) {
    const key = cellKey(cell);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [cell]);
    else group.push(cell);
  }
  const merged = [...groups.values()].map(mergeGroup);
  const prior = fitProcessPrior(merged.flatMap((each) => (each.summary === undefined ? [] : [each.summary])));
  const rank = new Map(order.map((key, index) => [key, index]));
  const ladderOf = (cell: Cell) => rank.get(ladderKey(cell)) ?? order.length;
  return merged
    .map((each) => withInterval(each, prior))
    .sort((a, b) => ladderOf(a) - ladderOf(b) || a.n - b.n);
}

/**
 * Merged groups by the first cell of their group, with the group's size and last cell: a run
 * re-merges all its cells whenever it saves (with several processes per ladder, merging was most
 * of a run's own time), and since raw cells are only ever appended, a group with the same first
 * cell, size and last cell is the same group and merges to the same cell (its interval, which
 * depends on the whole run, is applied afresh).
 */
const mergedGroups = new WeakMap<Cell, { size: number; last: Cell; merged: Merged }>();

function mergeGroup(group: readonly Cell[]): Merged {
  const first = group[0] as Cell;
  const last = group.at(-1) as Cell;
  const known = mergedGroups.get(first);
  if (known !== undefined && known.size === group.length && known.last === last) return known.merged;
  const merged = mergeGroupCells(group);
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
