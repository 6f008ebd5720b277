import type { SuiteInfo } from '../lib/types.ts';

/**
 * The one builder of every chart's Vega-Lite wrapper: a single chart or one panel per suite, the
 * shared schema, font and sizes, the log-scale axes and the variant colours. The chart modules
 * (vega.ts, memory-charts.ts, audit-chart.ts) only say what their layers draw.
 */

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

/** A chart's or a panel's size, px. */
export interface ChartSize {
  width: number;
  height: number;
}

/** Size of a chart of one suite, px. */
export const SINGLE_SIZE: ChartSize = { width: 560, height: 340 };

/** Size of each panel of a chart with one panel per suite, px. */
export const PANEL_SIZE: ChartSize = { width: 360, height: 240 };

/** One panel per value of a field, two panels a row. */
export interface Facet {
  field: string;
  /** Panel size, px; PANEL_SIZE by default. */
  panel?: ChartSize;
  /** Axes each panel scales on its own (suites differ by orders of magnitude). */
  independent: readonly ('x' | 'y')[];
}

/** What a chart draws: its title, the data (inlined), its layers, and optionally one panel per suite. */
export interface Chart {
  title: string | { text: string; subtitle: string | readonly string[] };
  values: readonly object[];
  layers: readonly VegaLiteSpec[];
  /** Absent: one chart of SINGLE_SIZE. */
  facet?: Facet;
}

/** The chart as a complete Vega-Lite spec with the data inlined (opens as is in the Vega editor). */
export function chartSpec(chart: Chart): VegaLiteSpec {
  const head = { $schema: SCHEMA, config: { font: FONT_FAMILY }, title: chart.title };
  const data = { values: chart.values };
  const facet = chart.facet;
  if (facet === undefined) return { ...head, ...SINGLE_SIZE, data, layer: chart.layers };
  return {
    ...head,
    data,
    facet: { field: facet.field, type: 'nominal', title: null },
    columns: 2,
    spec: { ...(facet.panel ?? PANEL_SIZE), layer: chart.layers },
    resolve: { scale: Object.fromEntries(facet.independent.map((channel) => [channel, 'independent'])) },
  };
}

/** A quantitative field on a log scale; the caller's title says "log scale" and the unit. */
export function logField(field: string, title?: string): VegaLiteSpec {
  return { field, type: 'quantitative', scale: { type: 'log' }, ...(title === undefined ? {} : { title }) };
}

/** The input size on a log axis: the x axis of every chart against n. */
export const N_AXIS = logField('n', 'input size n (log scale)');

/** A dashed rule at y = 1: a ratio of 1 means "as fast as the yardstick". */
export const RATIO_ONE_RULE: VegaLiteSpec = {
  mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
  encoding: { y: { datum: 1 } },
};

/** Every variant name of a run in a stable order, so a variant has the same colour in every chart. */
export function variantDomain(suites: readonly SuiteInfo[]): string[] {
  return [...new Set(suites.flatMap((suite) => suite.variants))];
}

/** The variants of `domain` that some point draws, in the domain's order: what a legend lists. */
export function drawnVariants(domain: readonly string[], points: readonly { variant: string }[]): string[] {
  const drawn = new Set(points.map((point) => point.variant));
  return domain.filter((variant) => drawn.has(variant));
}

/**
 * Colour by variant. The run's whole domain keeps colours fixed across charts; the legend lists
 * `shown` only, the variants this chart draws (a Fibonacci chart must not list LCS's map-packed),
 * and says so to screen readers too (vega would describe the whole scale). symbolOpacity: the band
 * layers are translucent and would otherwise fade the legend symbols.
 */
export function variantColor(domain: readonly string[], shown: readonly string[]): VegaLiteSpec {
  return {
    field: 'variant',
    type: 'nominal',
    scale: { domain },
    legend: { values: shown, symbolOpacity: 1, description: `variant: ${shown.join(', ')}` },
    title: 'variant',
  };
}
