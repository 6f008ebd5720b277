import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell } from '../lib/types.ts';
import { headline, summarizeRun, summaryText } from '../reports/summary.ts';
import { failedCell, fixtureResults, okCell, skippedCell } from './helpers.ts';

const results = fixtureResults(
  [
    okCell('naive', 10, 5000),
    okCell('naive', 20, 500000),
    skippedCell('naive', 30),
    okCell('map', 10, 100),
    okCell('map', 20, 200),
    okCell('map', 30, 300),
    okCell('bottom-up', 10, 50),
    okCell('bottom-up', 20, 80),
    failedCell('bottom-up', 30, 'stack-overflow'),
  ],
  ['naive', 'map', 'bottom-up'],
);

describe('summarizeRun()', () => {
  it('finds each variant’s reach, the largest common n, the fastest there and its speedup over naive', () => {
    const [summary] = summarizeRun(results);
    assert.deepEqual(summary?.reach, [
      { variant: 'naive', max_n: 20, stopped_by: 'budget at n = 30' },
      { variant: 'map', max_n: 30, stopped_by: 'end of ladder' },
      { variant: 'bottom-up', max_n: 20, stopped_by: 'stack-overflow at n = 30' },
    ]);
    assert.equal(summary?.common_n, 20);
    assert.deepEqual(summary?.fastest, { variant: 'bottom-up', time_ns: 80 });
    assert.equal(summary?.speedup_vs_naive, 500000 / 80);
  });

  it('prints a table and a headline with units', () => {
    const text = summaryText(summarizeRun(results));
    assert.match(text, /naive\s+20\s+budget at n = 30/);
    assert.match(
      text,
      /at n = 20 .* fastest is bottom-up: 80\.0 ns per call \(estimate over processes\); speedup over naive 6,250x/,
    );
  });

  it('leaves out a variant that was never timed, saying why, and compares the others', () => {
    const lonely = fixtureResults([okCell('map', 10, 1)], ['naive', 'map']);
    lonely.cells.push(failedCell('naive', 10, 'error'));
    const [summary] = summarizeRun(lonely);
    assert.deepEqual(summary?.left_out, [{ variant: 'naive', reason: 'never timed (error at n = 10)' }]);
    assert.equal(summary?.common_n, 10);
    assert.equal(summary?.speedup_vs_naive, null);
    assert.match(
      summaryText([summary!]),
      /at n = 10 \(largest n every verified variant reached\) the fastest is map: .*; left out: naive \(never timed \(error at n = 10\)\)$/,
    );
  });

  it('says so when no variant was verified and timed', () => {
    const none = fixtureResults([failedCell('map', 10, 'crashed')], ['map']);
    const [summary] = summarizeRun(none);
    assert.equal(summary?.common_n, null);
    assert.match(headline(summary!), /^no variant was verified and timed; left out: map/);
  });
});

/**
 * A quick run of grid-paths as it comes out (ladder 2, 4, ..., 400): lodash.memoize and memoize
 * key on the first argument by default and answer grid-paths(2) wrongly, by design (the audit's
 * finding); moize's default does not memoize and stops at the budget like naive.
 */
function gridPathsQuick() {
  const sizes = [2, 4, 6, 8, 10, 12, 50, 100, 200, 400];
  const ladder = (variant: string, median: (n: number) => number, reach: number) =>
    sizes.map((n) => (n <= reach ? okCell(variant, n, median(n)) : skippedCell(variant, n)));
  const wrongFirst = (variant: string) => [
    { ...failedCell(variant, 2, 'wrong-answer', 'expected 6 (reference), got 7'), result: '7' },
    ...sizes.slice(1).map((n) => skippedCell(variant, n, { skip_reason: 'wrong-answer' })),
  ];
  const cells: Cell[] = [
    ...ladder('naive', (n) => 4 ** n, 12),
    ...ladder('dict', (n) => 30 * n * n, 400),
    ...ladder('map', (n) => 25 * n * n, 400),
    ...ladder('closure', (n) => 40 * n * n, 400),
    ...ladder('bottom-up', (n) => 5 * n * n, 400),
    ...wrongFirst('lodash-default'),
    ...ladder('lodash-tuned', (n) => 45 * n * n, 400),
    ...ladder('moize-default', (n) => 4 ** n * 2, 12),
    ...wrongFirst('memoize-default'),
  ];
  return fixtureResults(cells, [
    'naive',
    'dict',
    'map',
    'closure',
    'bottom-up',
    'lodash-default',
    'lodash-tuned',
    'moize-default',
    'memoize-default',
  ]);
}

describe('the summary of a quick grid-paths run with npm memoizers', () => {
  const [summary] = summarizeRun(gridPathsQuick());

  it('compares the variants that were verified, leaving out the wrong answers of the library defaults', () => {
    assert.deepEqual(summary?.left_out, [
      { variant: 'lodash-default', reason: 'wrong answer at n = 2' },
      { variant: 'memoize-default', reason: 'wrong answer at n = 2' },
    ]);
    assert.equal(summary?.common_n, 12, 'naive and moize-default stop at the budget after n = 12');
    assert.deepEqual(summary?.fastest, { variant: 'bottom-up', time_ns: 5 * 144 });
  });

  it('ends with the fastest variant and names what was left out and why, never with "no size"', () => {
    const text = summaryText([summary!]);
    assert.doesNotMatch(text, /no size/);
    assert.match(
      text,
      /at n = 12 \(largest n every verified variant reached\) the fastest is bottom-up: 720 ns per call \(estimate over processes\); speedup over naive [\d,]+x \(naive time \/ its time\); left out: lodash-default \(wrong answer at n = 2\), memoize-default \(wrong answer at n = 2\)$/,
    );
  });
});

describe('failedCells()', () => {
  it('fails the run on wrong answers, except a library default’s, which the audit reports', async () => {
    const { failedCells } = await import('../runners/run.ts');
    const run = fixtureResults([
      failedCell('lodash-default', 2, 'wrong-answer'),
      failedCell('lodash-tuned', 2, 'wrong-answer'),
      failedCell('map', 2, 'crashed'),
      okCell('naive', 2, 1),
    ]);
    run.suites[0]!.libraries = {
      'lodash-default': { package: 'lodash.memoize', configuration: 'default', how: 'memoize(fn)' },
      'lodash-tuned': { package: 'lodash.memoize', configuration: 'tuned', how: 'memoize(fn, resolver)' },
    };
    assert.deepEqual(
      failedCells(run).map((cell) => cell.variant),
      ['lodash-tuned', 'map'],
    );
  });
});
