import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlTable, markdownTable } from '../lib/tables.ts';
import type { Cell } from '../lib/types.ts';
import { runFindings } from '../reports/findings.ts';
import { cellsTable, findingsTables } from '../reports/suite-tables.ts';
import { failedCell } from './helpers.ts';
import { reportFixture, timedCell, untimedCell } from './report-fixture.ts';

describe('findingsTables()', () => {
  const [alpha, beta] = runFindings(reportFixture());

  it('has reach and speed, the time fits, and the call-count fits only where calls were counted', () => {
    assert.deepEqual(
      findingsTables(alpha!).map((table) => table.title),
      [
        'Reach, speed and crossover',
        'Growth of the time per call: fitted models',
        'Growth of the exact call count: fitted models',
      ],
    );
    assert.equal(findingsTables(beta!).length, 2, 'beta has no counts');
  });

  it('gives Markdown and HTML the same headers and cells', () => {
    const [reach] = findingsTables(alpha!);
    const markdown = markdownTable(reach!).join('\n');
    const html = htmlTable(reach!);
    for (const column of reach!.columns) {
      assert.ok(markdown.includes(column.header), column.header);
      assert.ok(html.includes(column.header), column.header);
    }
    assert.match(
      markdown,
      /\| dict \| 40 \| end of ladder \| 1\.00 µs \| \*\*100x \(81\.8x to 122x\)\*\* \|/,
    );
    assert.match(html, /<td class="num" data-sort="100"><strong>100x \(81\.8x to 122x\)<\/strong><\/td>/);
  });

  it('sorts numeric columns by the raw values, in the column’s unit', () => {
    const [reach] = findingsTables(alpha!);
    const median = reach!.columns.find((column) => column.header.startsWith('time per call at'));
    assert.ok(median?.numeric);
    assert.equal(median.unit, 'ns');
    assert.deepEqual(
      reach!.rows.map((row) => median.sort(row)),
      [100_000, 1_000, 900, 200_000, 160],
    );
  });
});

describe('cellsTable()', () => {
  const cells: Cell[] = [
    { ...timedCell('s', 'dict', 10, 1_500), calls: 19 },
    { ...failedCell('lodash-default', 2, 'wrong-answer'), suite: 's', result: '7', verify_ms: 0.25 },
    { ...failedCell('map', 20, 'error', 'threw'), suite: 's', result: '42' },
    untimedCell('s', 'naive', 40, 'skipped', 'over the budget'),
  ];
  const table = cellsTable(cells);
  const text = (header: string) => {
    const column = table.columns.find((c) => c.header === header);
    assert.ok(column, header);
    return cells.map((cell) => column.text(cell));
  };

  it('shows timings and counts of ok cells only, and each status with what it has', () => {
    assert.deepEqual(text('status'), ['ok', 'wrong-answer', 'error', 'skipped (budget)']);
    assert.deepEqual(text('time per call (estimate)'), ['1.50 µs', '', '', '']);
    assert.deepEqual(text('calls'), ['19', '', '', '']);
    assert.deepEqual(text('verify call'), ['0.00150 ms', '0.250 ms', '', '']);
    assert.deepEqual(text('answer'), ['10', '7', '42', '']);
    assert.deepEqual(text('message'), ['', 'wrong-answer at n = 2', 'threw', 'over the budget']);
  });

  it('gives the HTML numeric sort keys, none where a cell has no value', () => {
    const html = htmlTable(table);
    assert.match(html, /<td class="num" data-sort="1500">1\.50 µs<\/td>/);
    assert.match(html, /<td class="num" data-sort="0\.25">0\.250 ms<\/td>/);
    assert.match(html, /<td class="num"><\/td>/, 'no sort key where a cell has no value');
  });

  it('shortens a long answer and says where the whole one is', () => {
    const long = cellsTable([{ ...timedCell('s', 'v', 1, 1), result: '9'.repeat(500) }]);
    const answer = long.columns.find((column) => column.header === 'answer');
    assert.match(answer!.text(long.rows[0]!), /^9{40}… \(500 characters; full answer in results\.json\)$/);
  });
});
