import { isOk } from '../lib/cells.ts';
import {
  type Cell,
  LIBRARY_CONFIGURATIONS,
  type OkCell,
  type Results,
  type SuiteInfo,
} from '../lib/types.ts';
import type { AuditRow } from './audit.ts';
import { type SpeedupPoint, speedupPoints } from './crossover.ts';

/** A Vega-Lite specification (kept loose here; `compile()` in the tests checks it). */
export type VegaLiteSpec = Record<string, unknown>;

/** The Vega-Lite schema every chart spec names. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The one font of every chart. The PNG renderer has no system fonts (so a PNG looks the same on
 * every machine) and loads exactly this family from the project's dependencies; report.html
 * embeds the same file.
 */
export const FONT_FAMILY = 'Open Sans';

/** The config every chart spec carries. */
export const CONFIG = { font: FONT_FAMILY };

/** A numeric field of a cell that a chart or a fit can use: times (ns), counts, bytes (only `ok` cells have them). */
export type NumericField = {
  [K in keyof OkCell]-?: NonNullable<OkCell[K]> extends number ? K : never;
}[keyof OkCell];

/** What a per-n chart plots: one numeric cell field, optionally with an interval band. */
export interface Metric {
  field: NumericField;
  /** Axis and tooltip title, without the unit, e.g. "median time per call". */
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

/** Median time per call with its 95% confidence interval. */
export const TIME_METRIC: Metric = {
  field: 'median_ns',
  title: 'median time per call',
  unit: 'ns',
  band: { low: 'ci_low_ns', high: 'ci_high_ns', title: '95% CI of the median' },
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
    .filter((cell) => plotted.every((field) => (cell[field] ?? 0) > 0))
    .map((cell) => {
      const point: MetricPoint = { suite: cell.suite, variant: cell.variant, n: cell.n };
      for (const field of shown) {
        const value = cell[field];
        if (typeof value === 'number') point[field] = value;
      }
      return point;
    });
}

/** Every variant name in a stable order, so a variant has the same colour in every chart. */
export function variantDomain(suites: readonly SuiteInfo[]): string[] {
  return [...new Set(suites.flatMap((suite) => suite.variants))];
}

const N_AXIS = {
  field: 'n',
  type: 'quantitative',
  scale: { type: 'log' },
  title: 'input size n (log scale)',
};

function colorBy(domain: readonly string[], shown: readonly string[] = domain): VegaLiteSpec {
  // The full domain keeps colours fixed across charts; `values` hides variants a chart never draws.
  // symbolOpacity: the band layers are translucent and would otherwise fade the legend symbols.
  return {
    field: 'variant',
    type: 'nominal',
    scale: { domain },
    legend: { values: shown, symbolOpacity: 1 },
    title: 'variant',
  };
}

function metricLayers(metric: Metric, domain: readonly string[]): VegaLiteSpec[] {
  const color = colorBy(domain);
  const y = {
    field: metric.field,
    type: 'quantitative',
    scale: { type: 'log' },
    title: `${metric.title} (${metric.unit}, log scale)`,
  };
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
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: `${suite.title}: ${metric.title}`, subtitle: `${suite.recurrence}${bandNote}` },
    width: 560,
    height: 340,
    data: {
      values: metricPoints(
        results.cells.filter((cell) => cell.suite === suite.id),
        metric,
      ),
    },
    layer: metricLayers(metric, variantDomain(results.suites)),
  };
}

/** Time per call against n for one suite: one line per variant, its median with a 95% CI band. */
export function suiteTimeSpec(suite: SuiteInfo, results: Results): VegaLiteSpec {
  return suiteMetricSpec(suite, results, TIME_METRIC);
}

/** All suites side by side, each panel with its own axes. */
export function overviewTimeSpec(results: Results): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: 'Median time per call against input size, per suite (ns, log-log)',
    data: { values: metricPoints(results.cells, TIME_METRIC) },
    facet: { field: 'suite', type: 'nominal', title: null },
    columns: 2,
    spec: { width: 360, height: 240, layer: metricLayers(TIME_METRIC, variantDomain(results.suites)) },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/** Speedup points that a log axis can take (all three values > 0). */
function plottableSpeedups(points: readonly SpeedupPoint[]): SpeedupPoint[] {
  return points.filter((point) => point.speedup > 0 && point.speedup_low > 0 && point.speedup_high > 0);
}

function speedupLayers(baseline: string, domain: readonly string[]): VegaLiteSpec[] {
  const color = colorBy(
    domain,
    domain.filter((variant) => variant !== baseline),
  );
  const y = {
    field: 'speedup',
    type: 'quantitative',
    scale: { type: 'log' },
    title: `speedup over ${baseline} (log scale)`,
  };
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
    { mark: { type: 'rule', strokeDash: [4, 4], color: '#555' }, encoding: { y: { datum: 1 } } },
  ];
}

/** How the speedup and its band are computed, as chart subtitle lines. */
function speedupNotes(baseline: string): string[] {
  return [
    `speedup = ${baseline} median / variant median; dashed line: as fast as ${baseline}`,
    'band: from the ends of both 95% CIs of the median (covers the true ratio at least 90% of the time)',
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
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: `${suite.title}: speedup over ${baseline}`, subtitle: speedupNotes(baseline) },
    width: 560,
    height: 340,
    data: { values },
    layer: speedupLayers(baseline, variantDomain(results.suites)),
  };
}

/** Speedup over a baseline for all suites side by side; null when nothing to plot. */
export function overviewSpeedupSpec(results: Results, baseline = 'naive'): VegaLiteSpec | null {
  const values = plottableSpeedups(speedupPoints(results, baseline));
  if (values.length === 0) return null;
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: {
      text: `Speedup over ${baseline} against input size, per suite (log-log)`,
      subtitle: speedupNotes(baseline),
    },
    data: { values },
    facet: { field: 'suite', type: 'nominal', title: null },
    columns: 2,
    spec: { width: 360, height: 240, layer: speedupLayers(baseline, variantDomain(results.suites)) },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/** One mark of the audit chart: a library variant of a suite, timed against closure or wrong. */
interface AuditPoint {
  suite: string;
  variant: string;
  package: string;
  configuration: string;
  state: 'timed' | 'wrong answer';
  /** Median time per call over closure's at `n` (ns / ns); absent for wrong answers. */
  ratio?: number;
  n?: number;
  verdict: string;
}

/** Panel size of the audit chart, px; wrong answers are drawn this far above the panel's bottom edge. */
const AUDIT_PANEL = { width: 320, height: 220, wrong_offset: 8 };
const WRONG_COLOR = '#c0392b';

/**
 * The audit at a glance, one panel per suite: each npm memoizer's median time per call over the
 * hand-written closure's at the largest n both reached (log scale), default and tuned side by side;
 * a wrong answer (never timed) is a cross at the bottom edge. Rows without either are left out.
 */
export function auditSpec(rows: readonly AuditRow[]): VegaLiteSpec | null {
  const values: AuditPoint[] = rows.flatMap((row): AuditPoint[] => {
    const base = {
      suite: row.suite,
      variant: row.variant,
      package: row.package,
      configuration: row.configuration,
      verdict: row.verdict,
    };
    if (row.wrong !== null) return [{ ...base, state: 'wrong answer' }];
    const closure = row.relative.closure;
    return closure === undefined ? [] : [{ ...base, state: 'timed', ratio: closure.ratio, n: closure.n }];
  });
  if (values.length === 0) return null;
  const x = {
    field: 'package',
    type: 'nominal',
    sort: [...new Set(rows.map((row) => row.package))],
    title: 'npm package',
    axis: { labelAngle: -30 },
  };
  const configurations = [...LIBRARY_CONFIGURATIONS];
  const color = { field: 'configuration', type: 'nominal', scale: { domain: configurations } };
  const xOffset = { field: 'configuration', type: 'nominal', scale: { domain: configurations } };
  const shape = {
    field: 'state',
    type: 'nominal',
    scale: { domain: ['timed', 'wrong answer'], range: ['circle', 'cross'] },
    title: 'answer',
  };
  const tooltip = [
    { field: 'variant', type: 'nominal' },
    { field: 'state', type: 'nominal', title: 'answer' },
    { field: 'ratio', type: 'quantitative', title: 'time ÷ closure (x)', format: ',.3~r' },
    { field: 'n', type: 'quantitative', title: 'at n' },
    { field: 'verdict', type: 'nominal' },
  ];
  const point = { type: 'point', filled: true, size: 80, opacity: 1 };
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: {
      text: 'Audit of npm memoizers: median time per call ÷ the hand-written closure’s',
      subtitle: [
        'at the largest n both were timed (log scale); dashed line: as fast as closure',
        'red cross at the bottom edge: wrong answer, never timed (no ratio)',
      ],
    },
    data: { values },
    facet: { field: 'suite', type: 'nominal', title: null },
    columns: 2,
    spec: {
      width: AUDIT_PANEL.width,
      height: AUDIT_PANEL.height,
      layer: [
        {
          transform: [{ filter: "datum.state === 'timed'" }],
          mark: point,
          encoding: {
            x,
            xOffset,
            y: {
              field: 'ratio',
              type: 'quantitative',
              scale: { type: 'log' },
              title: 'time ÷ closure’s (x, log scale)',
            },
            color,
            shape,
            tooltip,
          },
        },
        {
          transform: [{ filter: "datum.state === 'wrong answer'" }],
          // Red, not the configuration's colour, so a cross never reads as a measured ratio.
          mark: { ...point, color: WRONG_COLOR, size: 120 },
          encoding: {
            x,
            xOffset,
            y: { value: AUDIT_PANEL.height - AUDIT_PANEL.wrong_offset },
            shape,
            tooltip,
          },
        },
        { mark: { type: 'rule', strokeDash: [4, 4], color: '#555' }, encoding: { y: { datum: 1 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
