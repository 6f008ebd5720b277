import type { CapacityCurve, Cell, Results, StackReach } from '../lib/types.ts';
import { fixtureResults } from './helpers.ts';
import { timedCell, untimedCell } from './report-fixture.ts';

/**
 * The results of an advise run of a problem "grid", with known answers (intervals ±10% of each median):
 * - naive: 100, 400, 10,000 ns at n = 2, 4, 8; skipped over the budget at 16;
 * - array: slower than naive at 2, faster from 4 on (crossover 4), fastest at every n from 4;
 * - dict: faster from 4 too (slower than array there), an error at 32;
 * - map-string: faster from 8; closure: faster from 8, a stack overflow at 32;
 * - lodash-default: a wrong answer at 2 (a library's finding, not a failure);
 * - memory: array and map-string at 16; counts with depths on array and closure.
 */
export function adviceFixture(): Results {
  const suite = 'grid';
  const medians: Record<string, (number | null)[]> = {
    naive: [100, 400, 10_000],
    array: [200, 150, 300, 600, 1_200],
    dict: [250, 300, 800, 1_500],
    'map-string': [300, 400, 900, 1_800, 3_600],
    closure: [350, 500, 1_000, 2_000],
  };
  const sizes = [2, 4, 8, 16, 32];
  const cells: Cell[] = Object.entries(medians).flatMap(([variant, values]) =>
    values.map((median, index) => {
      const n = sizes[index] as number;
      return {
        ...timedCell(suite, variant, n, median as number),
        max_depth: variant === 'naive' ? n : 2 * n - 1,
      };
    }),
  );
  const with16 = (variant: string, retained_bytes: number) => {
    const cell = cells.find((each) => each.variant === variant && each.n === 16);
    if (cell?.status === 'ok') Object.assign(cell, { retained_bytes, cache_entries: 256 });
  };
  with16('array', 2_048);
  with16('map-string', 20_480);
  cells.push(
    untimedCell(suite, 'naive', 16, 'skipped'),
    untimedCell(suite, 'dict', 32, 'error', "problem 'grid': field 'recurrence' threw at self(3, 1): boom"),
    untimedCell(suite, 'closure', 32, 'stack-overflow', 'Maximum call stack size exceeded'),
    untimedCell(suite, 'lodash-default', 2, 'wrong-answer', 'expected 2'),
  );
  const results = fixtureResults(
    cells.map((cell) => ({ ...cell, suite })),
    ['naive', 'dict', 'map-string', 'array', 'closure', 'lodash-default'],
  );
  const [info] = results.suites;
  results.suites = [
    {
      ...info!,
      id: suite,
      title: 'A grid',
      libraries: {
        'lodash-default': { package: 'lodash.memoize', configuration: 'default', how: 'memoize(fn)' },
      },
    },
  ];
  results.capacity = [GRID_CAPACITY];
  results.advice = { suite, file: 'grid.ts', reference: 'given', stack_reach: GRID_REACH };
  return results;
}

export const GRID_REACH: StackReach = {
  variant: 'closure',
  reached_n: 1_376,
  reached_depth: 2_751,
  overflow_n: 1_408,
  overflow_depth: 2_815,
  probes: [
    { n: 1_376, fits: true },
    { n: 1_408, fits: false },
  ],
  note: 'the search stopped at its time limit (15 s) before n = 1,392',
};

export const GRID_CAPACITY: CapacityCurve = {
  suite: 'grid',
  variant: 'closure',
  factor: 2,
  curve_limit_factor: 10,
  max_calls: 16_384,
  sizes: [
    {
      n: 16,
      states: 256,
      unbounded_calls: 481,
      smallest_sufficient: 14,
      calls_at_smallest: 811,
      below_smallest: { capacity: 13, calls: 962, exact: false },
      curve: [
        { capacity: 0, calls: 4_810, exact: false },
        { capacity: 8, calls: 4_810, exact: false },
        { capacity: 16, calls: 700, exact: true },
      ],
    },
  ],
  stopped_by: 'call-limit',
  note: 'at n = 32 an unbounded cache makes more than 16,384 calls; larger sizes were not run',
};
