import { createRng, hashSeed } from '../lib/random.ts';
import type { RunnerName, RunOptions } from '../lib/types.ts';
import { runnersOf } from './backends.ts';
import type { LadderPlan } from './plan.ts';

/** One ladder climbed by one backend in one process: the unit of work of a run. */
export interface Job {
  ladder: LadderPlan;
  runner: RunnerName;
  /** 1-based process number among the --repeat processes of this ladder. */
  process: number;
}

/**
 * Every job of a run, in a seeded random order: the order in which variants run changes their
 * results (JIT state, heap growth), so no variant always goes first. The same seed gives the same
 * order on every machine.
 */
export function planJobs(
  plan: readonly LadderPlan[],
  options: Pick<RunOptions, 'runner' | 'repeat' | 'seed'>,
): Job[] {
  const jobs: Job[] = [];
  for (const ladder of plan) {
    for (const runner of runnersOf(options.runner)) {
      for (let process = 1; process <= options.repeat; process++) jobs.push({ ladder, runner, process });
    }
  }
  const rng = createRng(hashSeed(`order:${options.seed}`));
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [jobs[i], jobs[j]] = [jobs[j] as Job, jobs[i] as Job];
  }
  return jobs;
}
