import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FONT_FAMILY, type VegaLiteSpec } from '../reports/chart.ts';
import { compileSpec, renderSvg } from '../reports/render.ts';
import { metricPoints, suiteMetricSpec, suiteSpeedupSpec } from '../reports/vega.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { reportFixture, timedCell } from './report-fixture.ts';

type Layer = { encoding?: Record<string, { field?: string; scale?: { type?: string } }> };

/** The fields a spec puts on a log scale (x or y, and y2, which shares y's scale). */
function logFields(spec: VegaLiteSpec): string[] {
  const inner = (spec.spec as VegaLiteSpec | undefined) ?? spec;
  const layers = (inner.layer as Layer[] | undefined) ?? [inner as Layer];
  return layers.flatMap((layer) => {
    const encoding = layer.encoding ?? {};
    const fields: (string | undefined)[] = [];
    if (encoding.x?.scale?.type === 'log') fields.push(encoding.x.field);
    if (encoding.y?.scale?.type === 'log') fields.push(encoding.y.field, encoding.y2?.field);
    return fields.filter((field) => field !== undefined);
  });
}

/** The fixture with values a log axis cannot take: a zero median, a zero interval end. */
function fixtureWithZeros() {
  const results = reportFixture();
  results.cells.push({ ...timedCell('beta', 'map', 64, 0), ci_low_ns: 0 });
  results.cells.push({ ...timedCell('beta', 'naive', 64, 5), ci_low_ns: 0 });
  results.cells.push({ ...timedCell('beta', 'map', 128, 7), ci_low_ns: 0 });
  results.cells.push(timedCell('beta', 'naive', 128, 9));
  return results;
}

describe('chart specs of a run', () => {
  const specs = chartSpecs(fixtureWithZeros());

  it('has a time and a speedup chart per suite, a calls chart where cells have counts, and both overviews', () => {
    assert.deepEqual([...specs.keys()].sort(), [
      'alpha.calls',
      'alpha.speedup',
      'alpha.time',
      'beta.speedup',
      'beta.time',
      'overview.speedup',
      'overview.time',
    ]);
  });

  it('compile with vega-lite without a warning and ask for the bundled font', () => {
    for (const [name, spec] of specs) {
      assert.deepEqual(compileSpec(spec).warnings, [], name);
      assert.deepEqual(spec.config, { font: FONT_FAMILY }, name);
    }
  });

  it('never put a zero or a missing value on a log axis', () => {
    for (const [name, spec] of specs) {
      const fields = logFields(spec);
      assert.ok(fields.length >= 2, `${name} has log axes`);
      const values = (spec.data as { values: Record<string, unknown>[] }).values;
      assert.ok(values.length > 0, `${name} has data`);
      for (const value of values) {
        for (const field of fields) {
          const number = value[field];
          assert.ok(typeof number === 'number' && number > 0, `${name}: ${field} = ${String(number)}`);
        }
      }
    }
  });

  it('draws no speedup chart for a suite without naive', () => {
    const results = reportFixture();
    results.cells = results.cells.filter((cell) => cell.variant !== 'naive');
    assert.equal(suiteSpeedupSpec(results.suites[0]!, results), null);
    assert.ok(!chartSpecs(results).has('overview.speedup'));
  });

  it('shows the speedup axis, the baseline and the interval in the rendered SVG', async () => {
    const svg = await renderSvg(specs.get('alpha.speedup')!);
    assert.match(svg, /speedup over naive \(log scale\)/);
    assert.match(svg, /band: from the ends of both cells' 95% intervals for another run/);
  });
});

describe('suiteMetricSpec()', () => {
  it('charts any numeric cell field with its unit, keeping only positive values', () => {
    const results = reportFixture();
    results.cells.push({ ...timedCell('beta', 'map', 64, 10), verify_ms: 0 });
    const metric = { field: 'verify_ms', title: 'verify call', unit: 'ms' } as const;
    const spec = suiteMetricSpec(results.suites[1]!, results, metric);
    assert.deepEqual(compileSpec(spec).warnings, []);
    const points = metricPoints(
      results.cells.filter((cell) => cell.suite === 'beta'),
      metric,
    );
    assert.equal(points.length, 10, 'the n = 64 cell with verify_ms = 0 is left out');
    assert.ok(points.every((point) => (point.verify_ms ?? 0) > 0));
    assert.match(JSON.stringify(spec), /verify call \(ms, log scale\)/);
  });
});
