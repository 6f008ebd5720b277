import { tCritical95 } from '../lib/stats.ts';
import type { RunOptions } from '../lib/types.ts';

/**
 * The relative half-width of the 95% interval of a cell's centre from its process medians, percent:
 * Student's t on the logarithms (the processes are the unit of repetition; times are compared as
 * ratios, and a process disturbed by load is slower by a factor, not by an amount), i.e. the
 * interval exp(mean ± t·sd/√k) around the geometric mean, taken on its wider, upper side. Infinite
 * with fewer than two medians, or a median that is not positive.
 */
export function processHalfWidthPct(medians: readonly number[]): number {
  const k = medians.length;
  if (k < 2 || medians.some((median) => !(median > 0))) return Number.POSITIVE_INFINITY;
  const logs = medians.map(Math.log);
  const mean = logs.reduce((sum, x) => sum + x, 0) / k;
  const sd = Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (k - 1));
  return 100 * (Math.exp((tCritical95(k - 1) * sd) / Math.sqrt(k)) - 1);
}

/** What decides whether a ladder needs another process. */
export type PrecisionSettings = Pick<RunOptions, 'min_processes' | 'max_processes' | 'target_half_width_pct'>;

/**
 * Whether a ladder is done after `processes` processes: at the most processes it always is; below
 * the fewest it never is; in between, when every size timed in the first round has a process-level
 * interval (processHalfWidthPct) within the target half-width. `medians` holds, per such size, the
 * medians of the processes that timed it (a process where it failed adds none, which can only widen
 * the interval). A ladder with no timed size has nothing to measure again and is done.
 */
export function ladderSettled(
  medians: readonly (readonly number[])[],
  processes: number,
  settings: PrecisionSettings,
): boolean {
  if (processes === 0) return false;
  if (processes >= settings.max_processes || medians.length === 0) return true;
  if (processes < settings.min_processes || settings.target_half_width_pct === null) return false;
  const target = settings.target_half_width_pct;
  return medians.every((each) => processHalfWidthPct(each) <= target);
}
