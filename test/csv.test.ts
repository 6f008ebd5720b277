import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, cellsToCsv } from '../reports/csv.ts';
import { okCell, skippedCell } from './helpers.ts';

describe('cellsToCsv()', () => {
  it('writes the header with the required columns and one row per cell', () => {
    const cells = [okCell('naive', 1, 100), skippedCell('dict', 2)];
    const rows: string[][] = parse(cellsToCsv(cells));
    const required =
      'suite,variant,n,status,result,median_ns,mean_ns,p75_ns,p99_ns,min_ns,max_ns,rme_pct,samples,batch';
    assert.equal(rows[0]?.slice(0, 14).join(','), required);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    assert.equal(rows[1]?.[CSV_COLUMNS.indexOf('median_ns')], '100');
    assert.equal(rows[2]?.[CSV_COLUMNS.indexOf('median_ns')], '', 'a skipped cell has no timing');
    assert.equal(rows[2]?.[CSV_COLUMNS.indexOf('skip_reason')], 'budget');
  });

  it('keeps text from suites inert in spreadsheets and quotes commas', () => {
    const cell = { ...okCell('=HYPERLINK("http://x")', 1, 1), message: 'a, "quoted" message', result: '-12' };
    const rows: string[][] = parse(cellsToCsv([cell]));
    assert.equal(rows[1]?.[CSV_COLUMNS.indexOf('variant')], `'=HYPERLINK("http://x")`);
    assert.equal(rows[1]?.[CSV_COLUMNS.indexOf('message')], 'a, "quoted" message');
    assert.equal(rows[1]?.[CSV_COLUMNS.indexOf('result')], '-12', 'a negative number stays a number');
  });
});
