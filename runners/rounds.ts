import { ladderKey } from '../lib/cell-key.ts';
import { isOk } from '../lib/cells.ts';
import type { Cell, CountedOperation, InstanceMode, ProcessPrior, RunnerName } from '../lib/types.ts';
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
  /** Per size timed in round 1, the samples (ns per call) of each process that timed it. */
  samples: ReadonlyMap<number, readonly (readonly number[])[]>;
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
    samples: new Map(),
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
 * again (those it timed) and their instance modes; every process adds its samples; and the ladder
 * settles as ladderSettled decides under the run's `prior`.
 */
export function afterProcess(
  rounds: LadderRounds,
  cells: readonly Cell[],
  settings: PrecisionSettings,
  prior: ProcessPrior | null,
): LadderRounds {
  const ok = cells.filter(isOk);
  const discovered =
    rounds.discovered ?? new Map(ok.map((cell) => [cell.n, cell.instance ?? ('per-call' as const)]));
  const samples = new Map(rounds.samples);
  for (const cell of ok) {
    if (!discovered.has(cell.n)) continue;
    const own =
      cell.samples_ns !== undefined && cell.samples_ns.length > 0 ? cell.samples_ns : [cell.median_ns];
    samples.set(cell.n, [...(samples.get(cell.n) ?? []), own]);
  }
  const processes = rounds.processes + 1;
  const timed = [...discovered.keys()].map((n) => samples.get(n) ?? []);
  return {
    ...rounds,
    processes,
    discovered,
    samples,
    settled: ladderSettled(timed, processes, settings, prior),
  };
}
