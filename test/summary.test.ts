import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeRun, summaryText } from '../reports/summary.ts';
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
    assert.deepEqual(summary?.fastest, { variant: 'bottom-up', median_ns: 80 });
    assert.equal(summary?.speedup_vs_naive, 500000 / 80);
  });

  it('prints a table and a headline with units', () => {
    const text = summaryText(summarizeRun(results));
    assert.match(text, /naive\s+20\s+budget at n = 30/);
    assert.match(
      text,
      /at n = 20 .* fastest is bottom-up: 80\.0 ns per call \(median\); speedup over naive 6,250x/,
    );
  });

  it('says so when no size was reached by every variant', () => {
    const lonely = fixtureResults([okCell('map', 10, 1)], ['naive', 'map']);
    lonely.cells.push(failedCell('naive', 10, 'error'));
    const [summary] = summarizeRun(lonely);
    assert.equal(summary?.common_n, null);
    assert.match(summaryText([summary!]), /no size at which every variant was verified and timed/);
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
