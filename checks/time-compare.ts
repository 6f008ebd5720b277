import { cellKey } from '../lib/cell-key.ts';
import { median } from '../lib/stats.ts';
import { trimmedGeometricMean } from '../lib/trimmed-log-mean.ts';
import type { Cell, OkCell, Results } from '../lib/types.ts';
import { bootstrapRatioInterval } from './bootstrap.ts';
import { mannWhitney } from './mann-whitney.ts';
import { fitPrior, type LogSummary, logSummary, moderatedTest } from './moderated.ts';
import { adjust } from './multiple-testing.ts';
import type { CompareSettings, PriorSummary, TimeCell, TimeVerdict } from './types.ts';

/** Fewest processes per run for the process-level test; with fewer, the pooled samples are compared. */
export const MIN_PROCESSES = 2;

/** Cells that carry timings: samples, or process medians (a baseline may keep only those). */
function timed(cell: Cell | undefined): cell is OkCell {
  return (
    cell !== undefined &&
    cell.status === 'ok' &&
    ((cell.samples_ns?.length ?? 0) > 0 || (cell.process_medians_ns?.length ?? 0) >= MIN_PROCESSES)
  );
}

/** Process medians when the run measured the cell in enough processes, else undefined. */
function processMedians(cell: OkCell): number[] | undefined {
  const medians = cell.process_medians_ns?.filter((x) => x > 0) ?? [];
  return medians.length >= MIN_PROCESSES ? medians : undefined;
}

/**
 * The verdict from an adjusted p-value and a ratio: a change counts only when it is both
 * significant and larger than the noise threshold (criterion's noise threshold, asv's factor).
 * The threshold is symmetric on the log scale: 5% means slower than 1.05x or faster than 1/1.05x.
 */
export function verdictOf(ratio: number, pAdjusted: number, settings: CompareSettings): TimeVerdict {
  if (!(pAdjusted < settings.alpha)) return 'unchanged';
  const limit = 1 + settings.threshold_pct / 100;
  if (ratio > limit) return 'regressed';
  if (ratio < 1 / limit) return 'improved';
  return 'within-noise';
}

/**
 * Same-machine comparison of every cell timed in both runs. With >= 2 processes per run, the unit
 * is the process: a moderated t-test on the log process medians (see moderated.ts), the ratio of
 * their geometric means and its t interval. With 1 process in either run, the unit is the sample:
 * Mann-Whitney U on the pooled samples (as Google Benchmark's compare.py does) and a seeded
 * bootstrap interval of the ratio of medians. The p-values of all cells are then corrected together.
 */
export function compareTimes(
  a: Results,
  b: Results,
  settings: CompareSettings,
): { cells: TimeCell[]; prior: PriorSummary | null } {
  const cellsB = new Map(b.cells.map((cell) => [cellKey(cell), cell]));
  const pairs = a.cells
    .map((cellA) => ({ cellA, cellB: cellsB.get(cellKey(cellA)) }))
    .filter((pair): pair is { cellA: OkCell; cellB: OkCell } => timed(pair.cellA) && timed(pair.cellB));

  const summaries = new Map<string, LogSummary>();
  for (const { cellA, cellB } of pairs) {
    const medianA = processMedians(cellA);
    const medianB = processMedians(cellB);
    if (medianA !== undefined && medianB !== undefined)
      summaries.set(cellKey(cellA), logSummary(medianA, medianB));
  }
  const prior = fitPrior(
    [...summaries.values()].map((s) => s.variance),
    [...summaries.values()].map((s) => s.df),
  );

  const raw = pairs.map(({ cellA, cellB }) => {
    const base = { suite: cellA.suite, variant: cellA.variant, runner: cellA.runner, n: cellA.n };
    const summary = summaries.get(cellKey(cellA));
    if (summary !== undefined) {
      const test = moderatedTest(summary, prior, settings.alpha);
      return {
        ...base,
        method: 'processes' as const,
        units_a: (processMedians(cellA) as number[]).length,
        units_b: (processMedians(cellB) as number[]).length,
        center_a_ns: trimmedGeometricMean(processMedians(cellA) as number[]),
        center_b_ns: trimmedGeometricMean(processMedians(cellB) as number[]),
        ratio: test.ratio,
        ci_low: test.ciLow,
        ci_high: test.ciHigh,
        p: test.p,
      };
    }
    // One side lacks process medians: its samples (a stripped baseline has none: median_ns alone).
    const samplesA = cellA.samples_ns?.length ? cellA.samples_ns : [cellA.median_ns];
    const samplesB = cellB.samples_ns?.length ? cellB.samples_ns : [cellB.median_ns];
    const centerA = median(samplesA);
    const centerB = median(samplesB);
    const [ciLow, ciHigh] = bootstrapRatioInterval(samplesA, samplesB, {
      alpha: settings.alpha,
      key: cellKey(cellA),
    });
    return {
      ...base,
      method: 'samples' as const,
      units_a: samplesA.length,
      units_b: samplesB.length,
      center_a_ns: centerA,
      center_b_ns: centerB,
      ratio: centerB / centerA,
      ci_low: ciLow,
      ci_high: ciHigh,
      p: mannWhitney(samplesA, samplesB).p,
    };
  });
  const adjusted = adjust(
    raw.map((cell) => cell.p),
    settings.correction,
  );
  const cells = raw.map((cell, index) => {
    const pAdjusted = adjusted[index] as number;
    return { ...cell, p_adjusted: pAdjusted, verdict: verdictOf(cell.ratio, pAdjusted, settings) };
  });
  const priorSummary =
    summaries.size === 0 ? null : { sd_pct: 100 * Math.sqrt(prior.variance), df: prior.df };
  return { cells, prior: priorSummary };
}
