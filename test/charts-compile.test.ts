import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSpec, renderSvg } from '../reports/render.ts';
import { metricPoints, TIME_METRIC } from '../reports/vega.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { fixtureResults, okCell, skippedCell } from './helpers.ts';

const results = fixtureResults([
  okCell('naive', 10, 5000),
  okCell('naive', 20, 500000),
  okCell('map', 10, 100),
  okCell('map', 20, 200),
  { ...okCell('dict', 10, 0), ci_low_ns: 0 },
  skippedCell('dict', 20),
]);

describe('chart specs', () => {
  it('every spec compiles with vega-lite without a warning', () => {
    const specs = chartSpecs(results);
    assert.ok(specs.size >= 2);
    for (const [name, spec] of specs) {
      assert.deepEqual(compileSpec(spec).warnings, [], name);
      assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
    }
  });

  it('puts only ok cells with positive values on the log axes', () => {
    const points = metricPoints(results.cells, TIME_METRIC);
    assert.deepEqual(
      points.map((p) => `${p.variant}@${p.n}`),
      ['naive@10', 'naive@20', 'map@10', 'map@20'],
    );
  });

  it('renders to SVG with the axis titles and units', async () => {
    const svg = await renderSvg(chartSpecs(results).get('fixture.time')!);
    assert.match(svg, /^<svg/);
    assert.match(svg, /time per call \(estimate over processes\) \(ns, log scale\)/);
    assert.match(svg, /input size n \(log scale\)/);
  });
});
