import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell, Results } from '../lib/types.ts';
import {
  chartSpec,
  FONT_FAMILY,
  logField,
  PANEL_SIZE,
  SCHEMA,
  SINGLE_SIZE,
  type VegaLiteSpec,
} from '../reports/chart.ts';
import { compileSpec, renderSvg } from '../reports/render.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { fixtureResults, okCell } from './helpers.ts';

const layer = { mark: 'point', encoding: { x: logField('n', 'n (log scale)'), y: logField('y') } };
const values = [
  { suite: 'a', n: 1, y: 2 },
  { suite: 'b', n: 10, y: 20 },
];

describe('chartSpec()', () => {
  it('wraps a single chart: schema, font, title, size, inlined data, layers', () => {
    assert.deepEqual(chartSpec({ title: 'T', values, layers: [layer] }), {
      $schema: SCHEMA,
      config: { font: FONT_FAMILY },
      title: 'T',
      ...SINGLE_SIZE,
      data: { values },
      layer: [layer],
    });
  });

  it('wraps a chart with one panel per value of a field, two a row, scaling the axes it is told to alone', () => {
    const spec = chartSpec({
      title: { text: 'T', subtitle: ['s'] },
      values,
      layers: [layer],
      facet: { field: 'suite', independent: ['x', 'y'] },
    });
    assert.deepEqual(spec.facet, { field: 'suite', type: 'nominal', title: null });
    assert.equal(spec.columns, 2);
    assert.deepEqual(spec.spec, { ...PANEL_SIZE, layer: [layer] });
    assert.deepEqual(spec.resolve, { scale: { x: 'independent', y: 'independent' } });
    const audit = chartSpec({
      title: 'T',
      values,
      layers: [layer],
      facet: { field: 'suite', panel: { width: 10, height: 20 }, independent: ['y'] },
    });
    assert.deepEqual(audit.spec, { width: 10, height: 20, layer: [layer] });
    assert.deepEqual(audit.resolve, { scale: { y: 'independent' } });
    for (const built of [spec, audit]) assert.deepEqual(compileSpec(built).warnings, []);
  });
});

describe('logField()', () => {
  it('puts a quantitative field on a log scale, with its title when given', () => {
    assert.deepEqual(logField('median_ns', 'time (ns, log scale)'), {
      field: 'median_ns',
      type: 'quantitative',
      scale: { type: 'log' },
      title: 'time (ns, log scale)',
    });
    assert.equal('title' in logField('n'), false);
  });
});

/**
 * Two suites as a run has them: Fibonacci without the two-dimensional variants, LCS with them, every
 * cell with counts and memory figures so that every per-suite chart is drawn.
 */
function twoSuites(): Results {
  const fibonacci = ['naive', 'dict', 'seed', 'map', 'closure', 'bottom-up', 'array'];
  const lcs = ['naive', 'dict', 'map', 'closure', 'bottom-up', 'map-packed', 'map-nested', 'array'];
  const cell = (suite: string, variant: string, n: number, index: number): Cell => ({
    ...okCell(variant, n, (variant === 'naive' ? 1000 : 10 + index) * n),
    suite,
    calls: variant === 'naive' ? 2 ** n : n,
    retained_bytes: 100 * (index + 1),
    allocated_bytes: 200 * (index + 1),
  });
  const results = fixtureResults([
    ...fibonacci.flatMap((variant, index) => [5, 10, 20].map((n) => cell('fibonacci', variant, n, index))),
    ...lcs.flatMap((variant, index) => [4, 8, 16].map((n) => cell('lcs', variant, n, index))),
  ]);
  const info = results.suites[0]!;
  results.suites = [
    { ...info, id: 'fibonacci', title: 'Fibonacci', variants: fibonacci },
    { ...info, id: 'lcs', title: 'LCS', variants: lcs },
  ];
  return results;
}

type Encoded = { encoding?: { color?: { scale?: { domain?: string[] }; legend?: { values?: string[] } } } };

/** The colour domain and the legend of every layer of a spec that colours by variant. */
function legends(spec: VegaLiteSpec): { domain: string[]; legend: string[] }[] {
  const inner = (spec.spec as VegaLiteSpec | undefined) ?? spec;
  return ((inner.layer as Encoded[]) ?? []).flatMap((layer) => {
    const color = layer.encoding?.color;
    return color?.scale?.domain === undefined
      ? []
      : [{ domain: color.scale.domain, legend: color.legend?.values ?? color.scale.domain }];
  });
}

describe('the legends of a run’s charts', () => {
  const specs = chartSpecs(twoSuites());
  const all = ['naive', 'dict', 'seed', 'map', 'closure', 'bottom-up', 'array', 'map-packed', 'map-nested'];

  it('draws every per-suite chart of both suites', () => {
    for (const suite of ['fibonacci', 'lcs'])
      for (const chart of ['time', 'speedup', 'calls', 'retained', 'allocated', 'tradeoff'])
        assert.ok(specs.has(`${suite}.${chart}`), `${suite}.${chart}`);
  });

  it('keep one colour domain for the whole run, so a variant has the same colour in every chart', () => {
    for (const [name, spec] of specs) {
      if (name === 'audit') continue;
      for (const { domain } of legends(spec)) assert.deepEqual(domain, all, name);
    }
  });

  it('list only the variants a chart draws: no map-packed or map-nested in a Fibonacci chart', () => {
    for (const chart of ['time', 'calls', 'retained', 'allocated', 'tradeoff']) {
      for (const { legend } of legends(specs.get(`fibonacci.${chart}`)!))
        assert.deepEqual(legend, ['naive', 'dict', 'seed', 'map', 'closure', 'bottom-up', 'array'], chart);
    }
    for (const { legend } of legends(specs.get('fibonacci.speedup')!))
      assert.deepEqual(
        legend,
        ['dict', 'seed', 'map', 'closure', 'bottom-up', 'array'],
        'naive is the baseline',
      );
    for (const { legend } of legends(specs.get('lcs.time')!))
      assert.deepEqual(legend, [
        'naive',
        'dict',
        'map',
        'closure',
        'bottom-up',
        'array',
        'map-packed',
        'map-nested',
      ]);
  });

  it('show it in the drawn chart: the Fibonacci legend has no map-packed, the LCS legend has', async () => {
    const fibonacci = await renderSvg(specs.get('fibonacci.time')!);
    const lcs = await renderSvg(specs.get('lcs.time')!);
    assert.match(fibonacci, />seed</);
    assert.doesNotMatch(fibonacci, /map-packed|map-nested/);
    assert.match(lcs, />map-packed</);
    assert.match(lcs, />map-nested</);
    const tradeOff = await renderSvg(specs.get('fibonacci.tradeoff')!);
    assert.doesNotMatch(tradeOff, /map-packed|map-nested/);
  });
});
