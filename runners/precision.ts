import { stopDecision } from '../lib/adaptive-stop.ts';
import { processInterval, summarizeProcesses } from '../lib/process-interval.ts';
import { fitProcessPrior } from '../lib/process-prior.ts';
import type { ProcessPrior, RunOptions } from '../lib/types.ts';

/** What decides whether a ladder needs another process. */
export type PrecisionSettings = Pick<RunOptions, 'min_processes' | 'max_processes' | 'target_half_width_pct'>;

/** A ladder's timed sizes, each with the samples (ns per call) of every process that timed it. */
export type LadderSamples = readonly (readonly (readonly number[])[])[];

/**
 * Whether a ladder is done after `processes` processes (lib/adaptive-stop.ts): at the most processes
 * it always is; below the fewest it never is; in between, once every size timed in the first round
 * has a process-level prediction interval (lib/process-interval.ts, under the run's `prior`) within
 * the target half-width. A size no process timed holds nothing back. A ladder with no timed size
 * has nothing to measure again and is done once it ran; without a target (runs from before rounds)
 * only the most processes end a ladder.
 */
export function ladderSettled(
  samples: LadderSamples,
  processes: number,
  settings: PrecisionSettings,
  prior: ProcessPrior | null,
): boolean {
  if (processes === 0) return false;
  if (samples.length === 0 || processes >= settings.max_processes) return true;
  const target = settings.target_half_width_pct;
  if (target === null) return false;
  const intervals = samples
    .filter((processSamples) => processSamples.length > 0)
    .map((processSamples) => processInterval(summarizeProcesses(processSamples), prior));
  const { min_processes, max_processes } = settings;
  return stopDecision(intervals, processes, { min_processes, max_processes, target_half_width_pct: target })
    .stop;
}

/**
 * The run's prior of how much processes differ at each duration, from every cell measured so far
 * (lib/process-prior.ts); null until enough cells have two processes or more.
 */
export function runPrior(cells: readonly (readonly (readonly number[])[])[]): ProcessPrior | null {
  return fitProcessPrior(
    cells.filter((processSamples) => processSamples.length >= 2).map((each) => summarizeProcesses(each)),
  );
}
