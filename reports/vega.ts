import { isOk, timeNs } from '../lib/cells.ts';
import type { Cell, OkCell, Results, SpeedupPoint, SuiteInfo } from '../lib/types.ts';
import {
  chartSpec,
  drawnVariants,
  logField,
  N_AXIS,
  RATIO_ONE_RULE,
  type VegaLiteSpec,
  variantColor,
  variantDomain,
} from './chart.ts';
import { speedupPoints } from '../lib/speedups.ts';

/** Charts against n: a metric of the cells (time, calls, bytes) per variant, and speedups over a baseline. */

/** A numeric field of a cell that a chart or a fit can use: times (ns), counts, bytes (only `ok` cells have them). */
export type NumericField = {
  [K in keyof OkCell]-?: NonNullable<OkCell[K]> extends number ? K : never;
}[keyof OkCell];

/**
 * The value a chart or a fit reads for `field`: a cell's own field, except `estimate_ns`, which is
 * the cell's time (lib/cells.ts timeNs: its median where it has no estimate).
 */
export function fieldValue(cell: OkCell, field: NumericField): number | undefined {
  return field === 'estimate_ns' ? timeNs(cell) : cell[field];
}

/** What a per-n chart plots: one numeric cell field, optionally with an interval band. */
export interface Metric {
  field: NumericField;
  /** Axis and tooltip title, without the unit, e.g. "recursive calls". */
  title: string;
  /** Unit of the field, e.g. "ns" or "bytes". */
  unit: string;
  /** A remark for the chart subtitle. */
  note?: string;
  /** d3 format of the values in tooltips; one decimal by default. */
  format?: string;
  /** The interval drawn as a band around the line, with its meaning. */
  band?: { low: NumericField; high: NumericField; title: string };
  /** More fields shown in the tooltip. */
  extra?: { field: NumericField; title: string }[];
}

/**
 * Time per call with the cell's 95% interval: the process-level estimate (lib/cells.ts timeNs; a
 * cell without one plots its median) and the range another run's estimate would fall in
 * (lib/process-interval.ts).
 */
export const TIME_METRIC: Metric = {
  field: 'estimate_ns',
  title: 'time per call (estimate over processes)',
  unit: 'ns',
  band: { low: 'ci_low_ns', high: 'ci_high_ns', title: '95% interval for another run' },
  extra: [
    { field: 'samples', title: 'samples' },
    { field: 'batch', title: 'calls per sample' },
  ],
};

/**
 * Exact calls of the recursive function per top-level call (bottom-up: table writes), from the
 * instrumented pass; the same on every machine.
 */
export const CALLS_METRIC: Metric = {
  field: 'calls',
  title: 'recursive calls',
  unit: 'count',
  note: 'exact counts; variants with equal counts draw over each other',
  format: ',d',
  extra: [
    { field: 'cache_hits', title: 'cache hits' },
    { field: 'cache_entries', title: 'cache entries' },
    { field: 'max_depth', title: 'deepest recursion (stack frames)' },
  ],
};

/** One plotted point: suite, variant, n and the metric's fields, all > 0. */
export type MetricPoint = { suite: string; variant: string; n: number } & Partial<
  Record<NumericField, number>
>;

/**
 * Points for a metric chart: only verified (`ok`) cells whose plotted values are all > 0, so a log
 * axis never receives a zero (a zero or missing value is left out, not drawn at the axis edge).
 */
export function metricPoints(cells: readonly Cell[], metric: Metric): MetricPoint[] {
  const plotted = [metric.field, ...(metric.band ? [metric.band.low, metric.band.high] : [])];
  const shown = [...plotted, ...(metric.extra ?? []).map((extra) => extra.field)];
  return cells
    .filter(isOk)
    .filter((cell) => plotted.every((field) => (fieldValue(cell, field) ?? 0) > 0))
    .map((cell) => {
      const point: MetricPoint = { suite: cell.suite, variant: cell.variant, n: cell.n };
      for (const field of shown) {
        const value = fieldValue(cell, field);
        if (typeof value === 'number') point[field] = value;
      }
      return point;
    });
}

/** The legend of a chart: the variants its points draw, coloured as in every other chart of the run. */
function colorOf(results: Results, points: readonly { variant: string }[]): VegaLiteSpec {
  const domain = variantDomain(results.suites);
  return variantColor(domain, drawnVariants(domain, points));
}

function metricLayers(metric: Metric, color: VegaLiteSpec): VegaLiteSpec[] {
  const y = logField(metric.field, `${metric.title} (${metric.unit}, log scale)`);
  const band = metric.band;
  const format = metric.format ?? ',.1f';
  const tooltip = [
    { field: 'variant', type: 'nominal' },
    { field: 'n', type: 'quantitative', title: 'n' },
    { field: metric.field, type: 'quantitative', title: `${metric.title} (${metric.unit})`, format },
    ...(band
      ? [
          { field: band.low, type: 'quantitative', title: `${band.title}: low (${metric.unit})`, format },
          { field: band.high, type: 'quantitative', title: `${band.title}: high (${metric.unit})`, format },
        ]
      : []),
    ...(metric.extra ?? []).map((extra) => ({
      field: extra.field,
      type: 'quantitative',
      title: extra.title,
    })),
  ];
  const line = { mark: { type: 'line', point: true }, encoding: { x: N_AXIS, y, color, tooltip } };
  if (!band) return [line];
  const area = {
    mark: { type: 'errorband', opacity: 0.25 },
    encoding: { x: N_AXIS, y: { ...y, field: band.low }, y2: { field: band.high }, color },
  };
  return [area, line];
}

/** A metric against n for one suite: one line per variant, with its band when the metric has one. */
export function suiteMetricSpec(suite: SuiteInfo, results: Results, metric: Metric): VegaLiteSpec {
  const remarks = [
    ...(metric.band ? [`band: ${metric.band.title}`] : []),
    ...(metric.note ? [metric.note] : []),
  ];
  const bandNote = remarks.length > 0 ? `   (${remarks.join('; ')})` : '';
  const values = metricPoints(
    results.cells.filter((cell) => cell.suite === suite.id),
    metric,
  );
  return chartSpec({
    title: { text: `${suite.title}: ${metric.title}`, subtitle: `${suite.recurrence}${bandNote}` },
    values,
    layers: metricLayers(metric, colorOf(results, values)),
  });
}

/** Time per call against n for one suite: one line per variant, its estimate with its 95% interval as a band. */
export function suiteTimeSpec(suite: SuiteInfo, results: Results): VegaLiteSpec {
  return suiteMetricSpec(suite, results, TIME_METRIC);
}

/** All suites side by side, each panel with its own axes. */
export function overviewTimeSpec(results: Results): VegaLiteSpec {
  const values = metricPoints(results.cells, TIME_METRIC);
  return chartSpec({
    title: 'Time per call (estimate over processes) against input size, per suite (ns, log-log)',
    values,
    layers: metricLayers(TIME_METRIC, colorOf(results, values)),
    facet: { field: 'suite', independent: ['x', 'y'] },
  });
}

/** Speedup points that a log axis can take (all three values > 0). */
function plottableSpeedups(points: readonly SpeedupPoint[]): SpeedupPoint[] {
  return points.filter((point) => point.speedup > 0 && point.speedup_low > 0 && point.speedup_high > 0);
}

function speedupLayers(baseline: string, color: VegaLiteSpec): VegaLiteSpec[] {
  const y = logField('speedup', `speedup over ${baseline} (log scale)`);
  return [
    {
      mark: { type: 'errorband', opacity: 0.25 },
      encoding: { x: N_AXIS, y: { ...y, field: 'speedup_low' }, y2: { field: 'speedup_high' }, color },
    },
    {
      mark: { type: 'line', point: true },
      encoding: {
        x: N_AXIS,
        y,
        color,
        tooltip: [
          { field: 'variant', type: 'nominal' },
          { field: 'n', type: 'quantitative', title: 'n' },
          { field: 'speedup', type: 'quantitative', title: `speedup over ${baseline} (x)`, format: ',.3~r' },
          { field: 'speedup_low', type: 'quantitative', title: 'interval low (x)', format: ',.3~r' },
          { field: 'speedup_high', type: 'quantitative', title: 'interval high (x)', format: ',.3~r' },
          { field: 'faster', type: 'nominal', title: 'faster (intervals separate)' },
        ],
      },
    },
    // Speedup 1 = as fast as the baseline; above the line the variant is faster.
    RATIO_ONE_RULE,
  ];
}

/** How the speedup and its band are computed, as chart subtitle lines. */
function speedupNotes(baseline: string): string[] {
  return [
    `speedup = ${baseline} time / variant time (estimates over processes); dashed line: as fast as ${baseline}`,
    "band: from the ends of both cells' 95% intervals for another run (wider than a 95% interval of the ratio)",
  ];
}

/** Speedup over a baseline (naive by default) against n for one suite; null when nothing to plot. */
export function suiteSpeedupSpec(
  suite: SuiteInfo,
  results: Results,
  baseline = 'naive',
): VegaLiteSpec | null {
  const values = plottableSpeedups(
    speedupPoints(results, baseline).filter((point) => point.suite === suite.id),
  );
  if (values.length === 0) return null;
  return chartSpec({
    title: { text: `${suite.title}: speedup over ${baseline}`, subtitle: speedupNotes(baseline) },
    values,
    layers: speedupLayers(baseline, colorOf(results, values)),
  });
}

/** Speedup over a baseline for all suites side by side; null when nothing to plot. */
export function overviewSpeedupSpec(results: Results, baseline = 'naive'): VegaLiteSpec | null {
  const values = plottableSpeedups(speedupPoints(results, baseline));
  if (values.length === 0) return null;
  return chartSpec({
    title: {
      text: `Speedup over ${baseline} against input size, per suite (log-log)`,
      subtitle: speedupNotes(baseline),
    },
    values,
    layers: speedupLayers(baseline, colorOf(results, values)),
    facet: { field: 'suite', independent: ['x', 'y'] },
  });
}
