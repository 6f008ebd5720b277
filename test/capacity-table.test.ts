import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlTable, markdownTable } from '../lib/tables.ts';
import { capacityTable } from '../reports/capacity-table.ts';
import { GRID_CAPACITY } from './advice-fixture.ts';

describe('capacityTable()', () => {
  it('lists per n the states, the unbounded calls, the smallest sufficient capacity and the calls around it', () => {
    const table = capacityTable(GRID_CAPACITY);
    assert.ok(table !== null);
    assert.deepEqual(markdownTable(table).slice(2), [
      '| n | states (unbounded entries) | unbounded calls | smallest sufficient capacity | of the states | calls at it | calls with one entry fewer |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      '| 16 | 256 | 481 | **14** | 5.5 % | 811 | more than 962 |',
    ]);
    assert.match(htmlTable(table), /<td class="num" data-sort="14"><strong>14<\/strong><\/td>/);
    assert.match(markdownTable(table)[0] ?? '', /sufficient = calls within 2x of an unbounded cache’s/);
  });

  it('is absent for a curve without sizes', () => {
    assert.equal(capacityTable({ ...GRID_CAPACITY, sizes: [] }), null);
  });
});
