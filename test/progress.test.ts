import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, estimateRemainingMs, progressLine } from '../runners/progress.ts';

const state = { index: 11, total: 41, suite: 'lcs', variant: 'map', n: 64, elapsed_ms: 5000 };

describe('progress', () => {
  it('estimates the remaining time from the mean time per finished cell', () => {
    assert.equal(estimateRemainingMs(state), (5000 / 10) * 31);
    assert.equal(estimateRemainingMs({ ...state, index: 1 }), undefined);
  });
  it('shows cell x of y, the cell, elapsed time and the estimate', () => {
    assert.equal(progressLine(state), '[11/41] lcs / map / n = 64  (5.0 s elapsed, ~15.5 s left (estimate))');
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
