import type { Cell, Results, SuiteInfo } from '../lib/types.ts';

/** A Vega-Lite specification (kept loose here; `compile()` in the tests checks it). */
export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One plotted point: an `ok` cell's median and its 95% interval, ns per call. */
interface TimePoint {
  suite: string;
  variant: string;
  n: number;
  median_ns: number;
  ci_low_ns: number;
  ci_high_ns: number;
  samples: number;
  batch: number;
}

/** Points for the time charts; only verified, timed cells, and never a zero on a log axis. */
export function timePoints(cells: readonly Cell[]): TimePoint[] {
  return cells
    .filter((cell) => cell.status === 'ok' && (cell.median_ns ?? 0) > 0 && (cell.ci_low_ns ?? 0) > 0)
    .map((cell) => ({
      suite: cell.suite,
      variant: cell.variant,
      n: cell.n,
      median_ns: cell.median_ns as number,
      ci_low_ns: cell.ci_low_ns as number,
      ci_high_ns: cell.ci_high_ns as number,
      samples: cell.samples as number,
      batch: cell.batch as number,
    }));
}

/** Every variant name in a stable order, so a variant has the same colour in every chart. */
export function variantDomain(suites: readonly SuiteInfo[]): string[] {
  return [...new Set(suites.flatMap((suite) => suite.variants))];
}

function timeLayers(domain: readonly string[]): VegaLiteSpec[] {
  const x = { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'input size n (log scale)' };
  const color = { field: 'variant', type: 'nominal', scale: { domain }, title: 'variant' };
  return [
    {
      mark: { type: 'errorband', opacity: 0.25 },
      encoding: {
        x,
        y: {
          field: 'ci_low_ns',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'median time per call (ns, log scale)',
        },
        y2: { field: 'ci_high_ns' },
        color,
      },
    },
    {
      mark: { type: 'line', point: true },
      encoding: {
        x,
        y: { field: 'median_ns', type: 'quantitative', scale: { type: 'log' } },
        color,
        tooltip: [
          { field: 'variant', type: 'nominal' },
          { field: 'n', type: 'quantitative', title: 'n' },
          { field: 'median_ns', type: 'quantitative', title: 'median (ns per call)', format: ',.1f' },
          { field: 'ci_low_ns', type: 'quantitative', title: '95% CI low (ns)', format: ',.1f' },
          { field: 'ci_high_ns', type: 'quantitative', title: '95% CI high (ns)', format: ',.1f' },
          { field: 'samples', type: 'quantitative', title: 'samples' },
          { field: 'batch', type: 'quantitative', title: 'calls per sample' },
        ],
      },
    },
  ];
}

/** Time per call against n for one suite: one line per variant, its median with a 95% CI band. */
export function suiteTimeSpec(suite: SuiteInfo, results: Results): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    title: {
      text: `${suite.title}: time per call`,
      subtitle: `${suite.recurrence}   (band: 95% CI of the median)`,
    },
    width: 560,
    height: 340,
    data: { values: timePoints(results.cells.filter((cell) => cell.suite === suite.id)) },
    layer: timeLayers(variantDomain(results.suites)),
  };
}

/** All suites side by side, each panel with its own axes. */
export function overviewTimeSpec(results: Results): VegaLiteSpec {
  return {
    $schema: SCHEMA,
    title: 'Median time per call against input size, per suite (ns, log-log)',
    data: { values: timePoints(results.cells) },
    facet: { field: 'suite', type: 'nominal', title: null },
    columns: 2,
    spec: { width: 360, height: 240, layer: timeLayers(variantDomain(results.suites)) },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}
