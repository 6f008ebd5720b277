import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreements } from '../checks/outside-timer.ts';
import { reportFixture } from './report-fixture.ts';

describe('agreements()', () => {
  it('divides memobench’s median by the median of the outside timer’s process medians', () => {
    const results = reportFixture();
    // The fixture's alpha / naive / n = 10 has a median of 1,000 ns and the interval [900, 1,100].
    const { rows, missing } = agreements(results, [
      { suite: 'alpha', variant: 'naive', n: 10, form: 'module-level', process_ns: [800, 1_250, 790] },
    ]);
    assert.deepEqual(missing, []);
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row?.outside_ns, 800);
    assert.equal(row?.memobench_ns, 1_000);
    assert.equal(row?.memobench_low_ns, 900);
    assert.equal(row?.ratio, 1.25);
    assert.equal(row?.form, 'module-level', 'each row says which form the outside timer timed');
  });

  it('lists a cell memobench did not time instead of inventing a ratio', () => {
    const { rows, missing } = agreements(reportFixture(), [
      { suite: 'alpha', variant: 'naive', n: 12345, form: 'module-level', process_ns: [1] },
    ]);
    assert.equal(rows.length, 0);
    assert.equal(missing[0]?.n, 12345);
  });
});
