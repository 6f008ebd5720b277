import type { RunOptions } from '../lib/types.ts';
import {
  ESTIMATE_CELL_OVERHEAD_MS,
  ESTIMATE_MEMORY_READING_MS,
  ESTIMATE_MIN_SPENT_MS,
  ESTIMATE_PROCESS_OVERHEAD_MS,
} from './constants.ts';

/** A size the first round has run: its verified call's time, and whether it was timed. */
export interface SeenCell {
  n: number;
  /** The verified call, ms (for a call stopped at the deadline, how long it had run). */
  call_ms: number;
  /** True for an ok cell; false for one that ended the climb (over the budget, failed). */
  timed: boolean;
}

/** What the estimate knows about one ladder (a suite x variant x runner). */
export interface LadderOutlook {
  /** The sizes planned; the first round climbs them until the budget or a failure stops it. */
  planned: readonly number[];
  /** The first round's cells so far, ascending (skipped cells cost nothing and are left out). */
  seen: readonly SeenCell[];
  /** The first round is over: `seen` is all of it. */
  discovered: boolean;
  /** Processes finished. */
  processes: number;
  /** No more processes: precise, at the most processes, or nothing to measure again. */
  settled: boolean;
}

/** The run's settings the cost model reads. */
export type EstimateSettings = Pick<
  RunOptions,
  | 'time_ms'
  | 'warmup_ms'
  | 'min_samples'
  | 'budget_ms'
  | 'memory_readings'
  | 'min_processes'
  | 'max_processes'
>;

/**
 * Modelled cost of one cell in one process, ms: the verified call, the warm-up, and sampling for
 * `time_ms` or `min_samples` calls, whichever is longer; the first round adds the memory pass. A
 * cell that ended the climb cost its verified call only.
 */
export function cellCostMs(
  call_ms: number,
  timed: boolean,
  firstRound: boolean,
  s: EstimateSettings,
): number {
  if (!timed) return call_ms + ESTIMATE_CELL_OVERHEAD_MS;
  const memory = firstRound ? s.memory_readings * ESTIMATE_MEMORY_READING_MS : 0;
  return (
    call_ms + s.warmup_ms + Math.max(s.time_ms, s.min_samples * call_ms) + memory + ESTIMATE_CELL_OVERHEAD_MS
  );
}

/**
 * The verified call's time at each planned size the first round has not reached, ms, until the
 * first one expected over the budget (included: the climb ends there), from the last two timed
 * sizes: a power law through them (exponent at least 1: no call gets faster as n grows), or a
 * square law through the last one when it is the only one. Without a timed size, every planned
 * size at the cost of a call that takes no time (the climb's length is then unknown).
 */
export function projectedCalls(outlook: LadderOutlook, budgetMs: number): SeenCell[] {
  const last = outlook.seen.at(-1);
  if (last !== undefined && !last.timed) return [];
  const rest = outlook.planned.filter((n) => last === undefined || n > last.n);
  if (last === undefined) return rest.map((n) => ({ n, call_ms: 0, timed: true }));
  const before = outlook.seen.at(-2);
  const exponent =
    before !== undefined && before.call_ms > 0 && last.call_ms > before.call_ms
      ? Math.log(last.call_ms / before.call_ms) / Math.log(last.n / before.n)
      : 2;
  const projected: SeenCell[] = [];
  for (const n of rest) {
    const call_ms = last.call_ms * (n / last.n) ** Math.max(1, exponent);
    if (call_ms > budgetMs) {
      projected.push({ n, call_ms: budgetMs, timed: false });
      break;
    }
    projected.push({ n, call_ms, timed: true });
  }
  return projected;
}

/** A ladder's modelled costs, ms: its first-round process, split into spent and to come, and one later process. */
interface LadderCosts {
  firstSpent: number;
  firstLeft: number;
  later: number;
}

function costsOf(outlook: LadderOutlook, s: EstimateSettings): LadderCosts {
  const seenCost = (cells: readonly SeenCell[], firstRound: boolean) =>
    cells.reduce((sum, cell) => sum + cellCostMs(cell.call_ms, cell.timed, firstRound, s), 0);
  const projected = outlook.discovered ? [] : projectedCalls(outlook, s.budget_ms);
  const started = outlook.seen.length > 0 ? ESTIMATE_PROCESS_OVERHEAD_MS : 0;
  const timed = [...outlook.seen, ...projected].filter((cell) => cell.timed);
  return {
    firstSpent: seenCost(outlook.seen, true) + started,
    firstLeft: seenCost(projected, true) + (outlook.discovered ? 0 : ESTIMATE_PROCESS_OVERHEAD_MS - started),
    later: seenCost(timed, false) + ESTIMATE_PROCESS_OVERHEAD_MS,
  };
}

/**
 * The remaining time of a run, ms, from the planned ladders' expected costs, updated as cells
 * finish. Each ladder costs its first round (the sizes seen so far, then the sizes its last two
 * timed sizes say the budget will allow) and a later process per expected further round (the
 * sizes the first round timed). A ladder not started yet costs what the ladders already discovered
 * cost per planned size. Unsettled ladders are expected to need the fewest processes plus the
 * share of the rest that ladders needed so far (half until a ladder reached the fewest). The model's
 * milliseconds are scaled by how the time actually spent compares with the model of what was done
 * (once that is at least ESTIMATE_MIN_SPENT_MS), which absorbs what the model leaves out (counting
 * passes, process start-up, the machine's load).
 */
export function estimateRemainingMs(
  outlooks: readonly LadderOutlook[],
  elapsedMs: number,
  s: EstimateSettings,
): number {
  const costs = outlooks.map((outlook) => costsOf(outlook, s));
  const discovered = outlooks.flatMap((outlook, i) =>
    outlook.discovered ? [{ outlook, cost: costs[i] as LadderCosts }] : [],
  );
  const perSize = (pick: (cost: LadderCosts) => number) =>
    discovered.length === 0
      ? undefined
      : discovered.reduce((sum, { outlook, cost }) => sum + pick(cost) / outlook.planned.length, 0) /
        discovered.length;
  const firstPerSize = perSize((cost) => cost.firstSpent);
  const laterPerSize = perSize((cost) => cost.later);
  const decided = outlooks.filter((outlook) => outlook.processes >= s.min_processes);
  const share =
    decided.length === 0
      ? 0.5
      : decided.filter((outlook) => outlook.processes > s.min_processes || !outlook.settled).length /
        decided.length;

  let spent = 0;
  let left = 0;
  outlooks.forEach((outlook, i) => {
    const cost = costs[i] as LadderCosts;
    const fresh = outlook.seen.length === 0;
    const first =
      fresh && firstPerSize !== undefined ? firstPerSize * outlook.planned.length : cost.firstLeft;
    const later = fresh && laterPerSize !== undefined ? laterPerSize * outlook.planned.length : cost.later;
    const laterDone = Math.max(0, outlook.processes - 1);
    spent += cost.firstSpent + laterDone * cost.later;
    if (outlook.settled) return;
    const floor = Math.max(s.min_processes, outlook.processes + 1);
    const expected = floor + share * Math.max(0, s.max_processes - floor);
    left += (outlook.discovered ? 0 : first) + Math.max(0, expected - Math.max(1, outlook.processes)) * later;
  });
  const scale = spent >= ESTIMATE_MIN_SPENT_MS && elapsedMs > 0 ? elapsedMs / spent : 1;
  return left * scale;
}
