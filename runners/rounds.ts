import { ladderKey } from '../lib/cell-key.ts';
import { isOk } from '../lib/cells.ts';
import type { Cell, CountedOperation, InstanceMode, RunnerName } from '../lib/types.ts';
import type { SeenCell } from './estimate.ts';
import type { Job } from './jobs.ts';
import type { LadderPlan } from './plan.ts';
import { ladderSettled, type PrecisionSettings } from './precision.ts';

/** One ladder's way through the rounds of a run. */
export interface LadderRounds {
  ladder: LadderPlan;
  runner: RunnerName;
  /** Its key in the result set (lib/cell-key.ts). */
  key: string;
  /** Processes that reported every one of their sizes. */
  processes: number;
  /** What round 1 found, once it is over: the sizes later rounds measure, each with its instance mode. */
  discovered?: ReadonlyMap<number, InstanceMode>;
  /** Round 1's cells so far, for the progress estimate. */
  seen: readonly SeenCell[];
  /** Per size timed in round 1, the median of each process that timed it, ns. */
  medians: ReadonlyMap<number, readonly number[]>;
  /** No more processes: precise, at the most processes, or nothing to measure again. */
  settled: boolean;
}

/** A ladder before its first round. */
export function startRounds(ladder: LadderPlan, runner: RunnerName): LadderRounds {
  return {
    ladder,
    runner,
    key: ladderKey({ suite: ladder.suite.id, variant: ladder.variant, runner }),
    processes: 0,
    seen: [],
    medians: new Map(),
    settled: false,
  };
}

/**
 * The job of a ladder in round `round`: round 1 climbs the whole ladder (`discover`), with what
 * earlier runs counted; later rounds measure the sizes round 1 timed, with its instance modes.
 */
export function jobOf(
  rounds: LadderRounds,
  round: number,
  known: ReadonlyMap<number, CountedOperation> = new Map(),
): Job {
  const { ladder, runner } = rounds;
  if (rounds.discovered === undefined) {
    return { ladder, runner, round, phase: 'discover', sizes: ladder.sizes, known, instances: new Map() };
  }
  return {
    ladder,
    runner,
    round,
    phase: 'measure',
    sizes: [...rounds.discovered.keys()],
    known: new Map(),
    instances: rounds.discovered,
  };
}

/** What the progress estimate learns from one more cell of round 1 (skipped cells cost nothing). */
export function seeCell(rounds: LadderRounds, cell: Cell): LadderRounds {
  if (rounds.discovered !== undefined || cell.status === 'skipped') return rounds;
  const call_ms = 'verify_ms' in cell && cell.verify_ms !== undefined ? cell.verify_ms : 0;
  return { ...rounds, seen: [...rounds.seen, { n: cell.n, call_ms, timed: cell.status === 'ok' }] };
}

/**
 * A ladder after one more process reported all its cells: round 1 fixes the sizes to measure
 * again (those it timed) and their instance modes; every process adds its medians; and the ladder
 * settles as ladderSettled decides.
 */
export function afterProcess(
  rounds: LadderRounds,
  cells: readonly Cell[],
  settings: PrecisionSettings,
): LadderRounds {
  const ok = cells.filter(isOk);
  const discovered =
    rounds.discovered ?? new Map(ok.map((cell) => [cell.n, cell.instance ?? ('per-call' as const)]));
  const medians = new Map(rounds.medians);
  for (const cell of ok) {
    if (discovered.has(cell.n)) medians.set(cell.n, [...(medians.get(cell.n) ?? []), cell.median_ns]);
  }
  const processes = rounds.processes + 1;
  const timed = [...discovered.keys()].map((n) => medians.get(n) ?? []);
  return { ...rounds, processes, discovered, medians, settled: ladderSettled(timed, processes, settings) };
}
