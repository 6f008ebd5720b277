import { isOk } from '../lib/cells.ts';
import { formatInteger } from '../lib/format.ts';
import { median } from '../lib/stats.ts';
import type { Results } from '../lib/types.ts';

/** How noisy a run's machine was, from its cells measured in two or more processes. */
export interface RunNoise {
  /** Timed cells measured in two or more processes: the cells the figures below are medians over. */
  cells: number;
  /** Median of the cells' spread_between_pct: standard deviation of the process medians over their mean, percent. */
  between_pct: number;
  /** Median of the cells' spread_within_pct: MAD / median of the samples within one process, percent. */
  within_pct: number;
  /** Median half-width of the cells' 95% intervals, percent (sqrt(high / low) - 1, as `calibrate` counts it). */
  half_width_pct: number;
}

/** The run's noise, or null when no cell was measured in two or more processes. */
export function runNoise(results: Results): RunNoise | null {
  const spread = results.cells
    .filter(isOk)
    .filter((cell) => (cell.processes ?? 1) >= 2 && cell.spread_between_pct !== undefined);
  if (spread.length === 0) return null;
  return {
    cells: spread.length,
    between_pct: median(spread.map((cell) => cell.spread_between_pct as number)),
    within_pct: median(spread.map((cell) => cell.spread_within_pct as number)),
    half_width_pct: median(spread.map((cell) => 100 * (Math.sqrt(cell.ci_high_ns / cell.ci_low_ns) - 1))),
  };
}

/** The noise as one sentence with its units, or undefined when there is none to report. */
export function noiseSentence(noise: RunNoise | null): string | undefined {
  if (noise === null) return undefined;
  const pct = (value: number) => `${value.toFixed(1)}%`;
  return `Noise: in the median of the ${formatInteger(noise.cells)} cells timed in two or more processes, the process medians differed by ${pct(noise.between_pct)} (spread_between_pct), the samples within one process by ${pct(noise.within_pct)} (spread_within_pct); the median half-width of their 95% intervals for another run was ±${pct(noise.half_width_pct)}.`;
}
