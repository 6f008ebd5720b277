import { isOk, timeNs } from '../lib/cells.ts';
import { type ComplexityFit, fitComplexity } from '../lib/fit.ts';
import {
  type Results,
  SPEEDUP_BASELINES,
  type SpeedupBaseline,
  type SpeedupPoint,
  type SuiteInfo,
} from '../lib/types.ts';
import { speedupPoints } from '../lib/speedups.ts';
import { type Crossover, crossovers } from './crossover.ts';
import { primaryCells } from './primary.ts';
import { type SuiteSummary, summarizeRun } from './summary.ts';
import { fieldValue, type NumericField } from './vega.ts';

/**
 * The findings of a run, per suite, computed once from results.json and rendered by summary.md
 * and report.html alike: reach and fastest variant, crossovers, speedups, fitted growth models of
 * the time per call and of the exact call count. One series per variant (see primary.ts).
 */

/** A fitted model of one cell field of one suite x variant against n. */
export interface SeriesFit {
  suite: string;
  variant: string;
  /** The cell field that was fitted, e.g. estimate_ns (its unit is in its name; estimate_ns: lib/cells.ts timeNs). */
  field: NumericField;
  /** Null when fewer than MIN_FIT_POINTS sizes were measured. */
  fit: ComplexityFit | null;
}

/** One variant's row of the findings of a suite. */
export interface VariantFinding {
  variant: string;
  /** Time per call (lib/cells.ts timeNs) at the suite's largest common n, ns; null when there is none. */
  time_ns_at_common: number | null;
  /** Speedup over each baseline at the largest common n; absent for the baseline itself. */
  speedups: Partial<Record<SpeedupBaseline, SpeedupPoint>>;
  /** Crossover against naive; null for naive itself or when the run has no naive. */
  crossover: Crossover | null;
  /** Fitted model of the time per call (lib/cells.ts timeNs). */
  time_fit: SeriesFit;
  /** Fitted model of the exact call count; null when the run has no counts for the suite. */
  calls_fit: SeriesFit | null;
}

/** Everything the reports say about one suite. */
export interface SuiteFindings {
  info: SuiteInfo;
  summary: SuiteSummary;
  variants: VariantFinding[];
}

/** Fits `field` against n for every suite x variant, over `ok` cells (see fit.ts for the method). */
export function fitSeries(results: Results, field: NumericField): SeriesFit[] {
  return results.suites.flatMap((info) =>
    info.variants.map((variant) => {
      const series = results.cells
        .filter(isOk)
        .filter((cell) => cell.suite === info.id && cell.variant === variant)
        .map((cell) => ({
          n: cell.n,
          y: fieldValue(cell, field) ?? Number.NaN,
        }));
      return { suite: info.id, variant, field, fit: fitComplexity(series) };
    }),
  );
}

/** Findings for every suite of a run. */
export function runFindings(run: Results): SuiteFindings[] {
  const results = { ...run, cells: primaryCells(run.cells) };
  const summaries = summarizeRun(results);
  const fits = fitSeries(results, 'estimate_ns');
  const callFits = fitSeries(results, 'calls');
  const crossing = crossovers(results, 'naive');
  const speedups = SPEEDUP_BASELINES.flatMap((baseline) => speedupPoints(results, baseline));
  return results.suites.map((info, index) => {
    const summary = summaries[index] as SuiteSummary;
    const common = summary.common_n;
    const counted = results.cells.some(
      (cell) => cell.suite === info.id && cell.status === 'ok' && (cell.calls ?? 0) > 0,
    );
    const variants = info.variants
      .filter((variant) => results.cells.some((cell) => cell.suite === info.id && cell.variant === variant))
      .map((variant) => {
        const at = (baseline: string) =>
          speedups.find(
            (point) =>
              point.suite === info.id &&
              point.variant === variant &&
              point.baseline === baseline &&
              point.n === common,
          );
        const found: VariantFinding['speedups'] = {};
        for (const baseline of SPEEDUP_BASELINES) {
          const point = at(baseline);
          if (point !== undefined) found[baseline] = point;
        }
        const atCommon = results.cells
          .filter(isOk)
          .find((cell) => cell.suite === info.id && cell.variant === variant && cell.n === common);
        return {
          variant,
          time_ns_at_common: atCommon === undefined ? null : timeNs(atCommon),
          speedups: found,
          crossover: crossing.find((c) => c.suite === info.id && c.variant === variant) ?? null,
          time_fit: fits.find((f) => f.suite === info.id && f.variant === variant) as SeriesFit,
          calls_fit: counted
            ? (callFits.find((f) => f.suite === info.id && f.variant === variant) ?? null)
            : null,
        };
      });
    return { info, summary, variants };
  });
}
