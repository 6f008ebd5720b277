import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capacitySpec } from '../reports/capacity-chart.ts';
import { compileSpec, renderSvg } from '../reports/render.ts';
import { GRID_CAPACITY } from './advice-fixture.ts';

describe('capacitySpec()', () => {
  const spec = capacitySpec(GRID_CAPACITY, 'A grid');

  it('plots calls over the unbounded cache’s against capacity, one point per capacity, named points kept', () => {
    assert.ok(spec !== null);
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    assert.deepEqual(
      values.map((point) => [point.capacity, point.calls, point.exact, point.role]),
      [
        [0, 4_810, false, 'curve'],
        [8, 4_810, false, 'curve'],
        [13, 962, false, 'one entry fewer'],
        [14, 811, true, 'smallest sufficient'],
        [16, 700, true, 'curve'],
        [256, 481, true, 'unbounded'],
      ],
    );
    assert.equal(values[5]?.ratio, 1);
    assert.equal(values[0]?.ratio, 10);
    assert.equal(values[0]?.size, 'n = 16');
  });

  it('compiles without a warning and draws its axes, with a rule at the factor', async () => {
    assert.deepEqual(compileSpec(spec!).warnings, []);
    const svg = await renderSvg(spec!);
    assert.match(svg, /LRU cache capacity \(entries, symlog scale; 0 = no cache\)/);
    assert.match(svg, /calls ÷ unbounded cache’s calls \(log scale\)/);
    assert.match(JSON.stringify(spec), /"datum":2/);
  });

  it('has nothing to draw for a curve without sizes', () => {
    assert.equal(capacitySpec({ ...GRID_CAPACITY, sizes: [] }, 'A grid'), null);
  });
});
