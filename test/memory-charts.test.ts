import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paretoFront, RETAINED_METRIC, suiteTradeOffSpec, tradeOffPoints } from '../reports/memory-charts.ts';
import { compileSpec } from '../reports/render.ts';
import { suiteMetricSpec } from '../reports/vega.ts';
import { fixtureResults, okCell } from './helpers.ts';

const cell = (variant: string, n: number, median: number, allocated: number, retained = allocated / 2) => ({
  ...okCell(variant, n, median),
  allocated_bytes: allocated,
  retained_bytes: retained,
});

const results = fixtureResults(
  [
    cell('naive', 10, 5000, 100, 0),
    cell('dict', 10, 300, 2000),
    cell('map', 10, 400, 3000),
    cell('bottom-up', 10, 100, 500),
    cell('dict', 20, 600, 4000),
    cell('bottom-up', 20, 150, 900),
  ],
  ['naive', 'dict', 'map', 'bottom-up'],
);

describe('paretoFront()', () => {
  it('keeps the points no other point beats in both time and memory', () => {
    const front = paretoFront([
      { variant: 'a', n: 1, time_ns: 1, allocated_bytes: 10 },
      { variant: 'b', n: 1, time_ns: 2, allocated_bytes: 5 },
      { variant: 'c', n: 1, time_ns: 3, allocated_bytes: 20 },
      { variant: 'd', n: 1, time_ns: 1, allocated_bytes: 10 },
    ]);
    assert.deepEqual(
      front.map((point) => [point.variant, point.pareto]),
      [
        ['a', true],
        ['b', true],
        ['c', false],
        ['d', true],
      ],
    );
  });
});

describe('trade-off and memory charts', () => {
  it('picks the largest n shared by the most variants', () => {
    const points = tradeOffPoints(results, 'fixture');
    assert.equal(points?.[0]?.n, 10);
    assert.deepEqual(
      points?.filter((point) => point.pareto).map((point) => point.variant),
      ['naive', 'bottom-up'],
    );
  });

  it('compile without warnings, and never put a zero on a log axis', () => {
    const tradeOff = suiteTradeOffSpec(results.suites[0]!, results)!;
    assert.deepEqual(compileSpec(tradeOff).warnings, []);
    const retained = suiteMetricSpec(results.suites[0]!, results, RETAINED_METRIC);
    assert.deepEqual(compileSpec(retained).warnings, []);
    const values = (retained.data as { values: { retained_bytes: number }[] }).values;
    assert.ok(
      values.every((value) => value.retained_bytes > 0),
      'naive’s 0 bytes are left out',
    );
  });
});
