import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldOf, isOk, timeNs } from '../lib/cells.ts';
import type { Cell } from '../lib/types.ts';
import { failedCell, okCell, skippedCell } from './helpers.ts';

const cells: Cell[] = [
  { ...okCell('map', 10, 100), calls: 19 },
  failedCell('dict', 10, 'wrong-answer'),
  failedCell('naive', 10, 'timeout'),
  skippedCell('naive', 20),
];

describe('isOk()', () => {
  it('is true for ok cells only, and narrows a filter to them', () => {
    assert.deepEqual(cells.map(isOk), [true, false, false, false]);
    // Compiles only because filter(isOk) is OkCell[]: median_ns exists on ok cells alone.
    assert.deepEqual(
      cells.filter(isOk).map((cell) => cell.median_ns),
      [100],
    );
  });
});

describe('fieldOf()', () => {
  it('reads any field of any cell, undefined where that cell has none', () => {
    assert.deepEqual(
      cells.map((cell) => fieldOf(cell, 'calls')),
      [19, undefined, undefined, undefined],
    );
    assert.deepEqual(
      cells.map((cell) => fieldOf(cell, 'result')),
      ['10', '0', undefined, undefined],
    );
    assert.deepEqual(
      cells.map((cell) => fieldOf(cell, 'skip_reason')),
      [undefined, undefined, undefined, 'budget'],
    );
  });
});

describe('timeNs()', () => {
  it('is the process-level estimate the interval is built around, or the median where there is none', () => {
    const merged = { ...okCell('map', 10, 100), estimate_ns: 90, ci_low_ns: 60, ci_high_ns: 135 };
    assert.equal(timeNs(merged), 90);
    assert.equal(
      timeNs(okCell('map', 10, 100)),
      100,
      'a cell of one process (or an older file) has only its median',
    );
  });
});
