import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { compareRuns } from '../checks/compare.ts';
import { compareCommand } from '../scripts/commands/compare.ts';
import { KNOBS, runFixture } from './checks-fixture-runs.ts';

/** End to end on the regression fixture suite (see checks-fixture-runs.ts), compared as `compare` would. */
const quiet = { stdout: () => {}, stderr: () => {} };

describe('regression checks, end to end on a fixture suite', () => {
  after(() => {
    for (const name of KNOBS) delete process.env[name];
  });

  it('flags and names a variant that does 1.5x the work, and only that one', async () => {
    const before = await runFixture(1);
    const slower = await runFixture(2, { MEMOBENCH_FIXTURE_SLOW: 'map' });
    const comparison = compareRuns(before.results, slower.results, { a: 'A', b: 'B' });
    assert.equal(comparison.exact.differences.length, 0, 'the same work is the same calls');
    assert.equal(comparison.time.mode, 'same-machine');
    const regressed = comparison.time.cells.filter((cell) => cell.verdict === 'regressed');
    assert.deepEqual(regressed.map((cell) => `${cell.variant}/${cell.n}`).sort(), [
      'map/16',
      'map/32',
      'map/8',
    ]);
    for (const cell of regressed) assert.ok(cell.ratio > 1.4 && cell.ratio < 1.6, `ratio ${cell.ratio}`);
    assert.equal(comparison.failed, true);

    let printed = '';
    const code = await compareCommand([before.dir, slower.dir], {
      stdout: (text) => (printed += text),
      stderr: () => {},
    });
    assert.equal(code, 1);
    assert.match(printed, /\| triangle \/ map \| 8 \|/);
    assert.doesNotMatch(printed, /\| triangle \/ (naive|dict|closure|bottom-up) \| \d+ \| [\d.]+ [nµm]?s \|/);
  });

  it('passes two runs of the same code (exit 0)', async () => {
    const first = await runFixture(3);
    const second = await runFixture(4);
    assert.equal(await compareCommand([first.dir, second.dir], quiet), 0);
  });

  it('fails the exact check on a changed call count, naming the cells', async () => {
    const before = await runFixture(5);
    const changed = await runFixture(6, { MEMOBENCH_FIXTURE_EXTRA_CALLS: 'dict' });
    const comparison = compareRuns(before.results, changed.results, { a: 'A', b: 'B' });
    const fields = new Set(comparison.exact.differences.map((d) => `${d.variant}:${d.field}`));
    assert.ok(fields.has('dict:calls'), [...fields].join(', '));
    assert.ok(comparison.exact.differences.every((d) => d.variant === 'dict'));
    assert.equal(comparison.failed, true);
  });

  it('fails the exact check on a changed answer', async () => {
    const before = await runFixture(7);
    const wrong = await runFixture(8, { MEMOBENCH_FIXTURE_WRONG: 'closure' });
    const comparison = compareRuns(before.results, wrong.results, { a: 'A', b: 'B' });
    const status = comparison.exact.differences.find((d) => d.variant === 'closure' && d.field === 'status');
    assert.equal(status?.a, 'ok');
    assert.equal(status?.b, 'wrong-answer');
    assert.equal(await compareCommand([before.dir, wrong.dir], quiet), 1);
  });
});
