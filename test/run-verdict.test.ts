import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownTable } from '../lib/tables.ts';
import { runVerdictRows, runVerdictTable } from '../reports/run-verdict.ts';
import { adviceFixture } from './advice-fixture.ts';
import { reportFixture } from './report-fixture.ts';

describe('runVerdictRows()', () => {
  it('answers each question from the cells and the capacity curve of a suite', () => {
    assert.deepEqual(runVerdictRows(adviceFixture()), [
      {
        suite: 'grid',
        // array and dict both pay from n = 4; array is the faster there.
        pays_from: { variant: 'array', n: 4 },
        // The largest n every verified variant but naive was timed at (dict errs at 32, closure overflows).
        fastest: { variant: 'array', n: 16 },
        bytes_per_entry: { variant: 'array', n: 16, bytes: 8 },
        // closure overflowed at 32; it was timed at 16 with 31 frames.
        deepest: { reached_n: 16, depth: 31, overflow_n: 32 },
        capacity: { n: 16, capacity: 14, states: 256 },
      },
    ]);
  });

  it('says what is missing: no memory pass, no recursion seen, no capacity step', () => {
    const [alpha, beta] = runVerdictRows(reportFixture());
    assert.deepEqual(alpha, {
      suite: 'alpha',
      pays_from: { variant: 'bottom-up', n: 5 },
      fastest: { variant: 'bottom-up', n: 20 },
      bytes_per_entry: { note: 'not measured' },
      deepest: null,
      capacity: { note: 'not computed in this run' },
    });
    assert.deepEqual(
      [beta?.pays_from, beta?.fastest],
      [
        { variant: 'map', n: 4 },
        { variant: 'map', n: 32 },
      ],
    );
    const noNaive = reportFixture();
    noNaive.cells = noNaive.cells.filter((cell) => cell.variant !== 'naive');
    assert.deepEqual(runVerdictRows(noNaive)[0]?.pays_from, { variant: null, compared_up_to: null });
  });
});

describe('runVerdictTable()', () => {
  it('writes one row per suite, the same cells for Markdown and HTML', () => {
    const lines = markdownTable(runVerdictTable(runVerdictRows(adviceFixture())));
    assert.deepEqual(lines, [
      '**Verdict per suite**',
      '',
      '| suite | memoization pays from | fastest cache | bytes per entry | deepest top-down n | smallest sufficient LRU capacity |',
      '|---|---:|---|---:|---:|---:|',
      '| grid | n = 4 (array) | array at n = 16 | 8 B (array, n = 16) | n = 16, depth 31 (stack overflow at n = 32) | 14 of 256 states at n = 16 |',
    ]);
    const quick = reportFixture();
    quick.options = { ...quick.options, memory_readings: 0 };
    const alpha = markdownTable(runVerdictTable(runVerdictRows(quick)))[4];
    assert.equal(
      alpha,
      '| alpha | n = 5 (bottom-up) | bottom-up at n = 20 | not measured (no memory pass) | - | not computed in this run |',
    );
  });

  it('says when nothing paid, when nothing overflowed and why a capacity is missing', () => {
    const [line] = markdownTable(
      runVerdictTable([
        {
          suite: 'flat',
          pays_from: { variant: null, compared_up_to: 32 },
          fastest: null,
          bytes_per_entry: { note: 'no compared variant keeps its entries' },
          deepest: { reached_n: 1_000, depth: 1_000, overflow_n: null },
          capacity: {
            note: 'the top-down recursion overflowed the stack at n = 10; larger sizes were not run',
          },
        },
      ]),
    ).slice(4);
    assert.equal(
      line,
      '| flat | not within the sizes run (compared up to n = 32) | - | no compared variant keeps its entries | no overflow up to n = 1,000, depth 1,000 | the top-down recursion overflowed the stack at n = 10; larger sizes were not run |',
    );
  });
});
