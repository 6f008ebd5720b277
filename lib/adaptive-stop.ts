import { MAX_PROCESSES, MIN_PROCESSES, TARGET_HALF_WIDTH_PCT } from './interval-constants.ts';
import type { ProcessInterval, StopDecision, StopSettings } from './types.ts';

/** The run's default: at least MIN_PROCESSES, at most MAX_PROCESSES, stop at ±TARGET_HALF_WIDTH_PCT. */
export const DEFAULT_STOP: StopSettings = {
  min_processes: MIN_PROCESSES,
  max_processes: MAX_PROCESSES,
  target_half_width_pct: TARGET_HALF_WIDTH_PCT,
};

/**
 * After a round: whether the cells measured together (one cell, or a ladder: every cell one
 * process measures) get another process. `processes` is how many processes have measured them.
 * They stop at the cap, or once every interval is within the target after the minimum; cells
 * with no interval (no `ok` process) do not hold the others back. The half-width compared is that
 * of the prediction interval, the figure the run reports.
 */
export function stopDecision(
  intervals: readonly Pick<ProcessInterval, 'half_width_pct'>[],
  processes: number,
  settings: StopSettings = DEFAULT_STOP,
): StopDecision {
  const widest = Math.max(0, ...intervals.map((interval) => interval.half_width_pct));
  if (processes >= settings.max_processes) return { stop: true, reason: 'cap', widest_pct: widest };
  if (processes < settings.min_processes) return { stop: false, reason: 'minimum', widest_pct: widest };
  if (widest <= settings.target_half_width_pct) return { stop: true, reason: 'target', widest_pct: widest };
  return { stop: false, reason: 'wide', widest_pct: widest };
}
