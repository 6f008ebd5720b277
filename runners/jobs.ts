import { createRng, hashSeed } from '../lib/random.ts';
import type { CountedOperation, InstanceMode, LadderPhase, RunnerName } from '../lib/types.ts';
import type { LadderPlan } from './plan.ts';

/** One ladder (a suite x variant, climbed by one backend) in one process: the unit of work of a run. */
export interface Job {
  ladder: LadderPlan;
  runner: RunnerName;
  /** 1-based round: each round runs every ladder still measuring once, in a process of its own. */
  round: number;
  /** `discover` in round 1, `measure` after (see LADDER_PHASES). */
  phase: LadderPhase;
  /** The sizes this process runs: the whole ladder in round 1, then the sizes round 1 timed. */
  sizes: readonly number[];
  /** What the instrumented pass found in earlier runs, by size (round 1; the counts cache). */
  known: ReadonlyMap<number, CountedOperation>;
  /** Round 1's instance mode per size (later rounds). */
  instances: ReadonlyMap<number, InstanceMode>;
}

/**
 * The order of one round's jobs: a shuffle seeded by the run's seed and the round, so every round
 * has its own order (no ladder always runs first, or always right after another: the order in
 * which variants run changes their results) and the same seed gives the same orders on every machine.
 */
export function shuffleRound<T>(jobs: readonly T[], seed: number, round: number): T[] {
  const order = [...jobs];
  const rng = createRng(hashSeed(`order:${seed}:${round}`));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}
