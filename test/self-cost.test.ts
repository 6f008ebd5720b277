import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeText, ratioText, selfCostRows } from '../reports/self-cost.ts';
import { fixtureResults } from './helpers.ts';
import { timedCell, untimedCell } from './report-fixture.ts';

describe('selfCostRows()', () => {
  const results = fixtureResults([
    timedCell('fibonacci', 'map', 1_000, 4_000),
    timedCell('fibonacci-problem', 'map-packed', 1_000, 5_000),
    timedCell('fibonacci', 'closure', 1_000, 8_000),
    untimedCell('fibonacci-problem', 'closure', 1_000, 'error'),
  ]);
  const rows = selfCostRows(results, [
    {
      hand: { suite: 'fibonacci', variant: 'map' },
      derived: { suite: 'fibonacci-problem', variant: 'map-packed' },
      n: 1_000,
    },
    {
      hand: { suite: 'fibonacci', variant: 'closure' },
      derived: { suite: 'fibonacci-problem', variant: 'closure' },
      n: 1_000,
    },
  ]);

  it('gives derived over hand-written at the same n, with the interval from the ends of both (±10% each)', () => {
    const [map] = rows;
    assert.equal(map?.hand_cell?.median_ns, 4_000);
    assert.equal(map?.derived_cell?.median_ns, 5_000);
    assert.equal(map?.ratio?.ratio, 1.25);
    assert.ok(Math.abs((map?.ratio?.low ?? 0) - 4_500 / 4_400) < 1e-12);
    assert.ok(Math.abs((map?.ratio?.high ?? 0) - 5_500 / 3_600) < 1e-12);
    assert.equal(timeText(map!.hand_cell), '4.00 µs (3.60 µs to 4.40 µs)');
    assert.equal(ratioText(map!), '1.25x (1.02x to 1.53x)');
  });

  it('has no ratio when either side was not timed, and says so', () => {
    const [, closure] = rows;
    assert.equal(closure?.derived_cell, null);
    assert.equal(closure?.ratio, null);
    assert.equal(timeText(closure!.derived_cell), 'not timed');
    assert.equal(ratioText(closure!), '-');
  });
});
