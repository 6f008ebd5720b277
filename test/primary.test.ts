import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFindings } from '../reports/findings.ts';
import { primaryCells } from '../reports/primary.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { reportFixture, timedCell } from './report-fixture.ts';

/** The fixture as if measured with --runner both: a benny cell, 10x slower, beside every timed cell. */
function bothRunners() {
  const results = reportFixture();
  const benny = results.cells
    .filter((cell) => cell.status === 'ok')
    .map((cell) => ({
      ...timedCell(cell.suite, cell.variant, cell.n, (cell.median_ns ?? 1) * 10),
      runner: 'benny' as const,
    }));
  results.cells = [...benny, ...results.cells];
  return results;
}

describe('primaryCells()', () => {
  it('keeps one cell per suite x variant x n, the tinybench one when both runners measured it', () => {
    const results = bothRunners();
    const primary = primaryCells(results.cells);
    assert.equal(primary.length, reportFixture().cells.length);
    assert.ok(primary.every((cell) => cell.runner === 'tinybench'));
  });

  it('keeps a benny cell where it is the only one', () => {
    const only = { ...timedCell('s', 'v', 3, 10), runner: 'benny' as const };
    assert.deepEqual(primaryCells([only]), [only]);
  });

  it('makes charts and findings of a two-runner run equal to those of the tinybench cells alone', () => {
    const single = reportFixture();
    const both = bothRunners();
    assert.deepEqual(chartSpecs(both), chartSpecs(single));
    assert.deepEqual(runFindings(both), runFindings(single));
  });
});
