import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, progressLine } from '../runners/progress.ts';

const state = {
  round: 2,
  rounds: 6,
  index: 11,
  total: 41,
  suite: 'lcs',
  variant: 'map',
  n: 64,
  elapsed_ms: 5000,
  remaining_ms: 15_500,
};

describe('progress', () => {
  it('shows the round, ladder x of y, the cell, elapsed time and the estimate', () => {
    assert.equal(
      progressLine(state),
      '[round 2/6, 11/41] lcs / map / n = 64  (5.0 s elapsed, ~15.5 s left (estimate))',
    );
  });
  it('leaves out the round when there is one, and the estimate when there is none', () => {
    const { remaining_ms: _, ...noEstimate } = state;
    assert.equal(
      progressLine({ ...noEstimate, round: 1, rounds: 1 }),
      '[11/41] lcs / map / n = 64  (5.0 s elapsed)',
    );
  });
  it('writes a line per update when not on a terminal, and rewrites one line on a terminal', () => {
    let plain = '';
    createProgress({ write: (text) => (plain += text) }).update(state);
    assert.ok(plain.endsWith('\n') && !plain.includes('\r'));
    let tty = '';
    const progress = createProgress({ isTTY: true, write: (text) => (tty += text) });
    progress.update(state);
    progress.done();
    assert.ok(tty.startsWith('\r') && !tty.includes('\n'));
  });
});
