import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HarnessManifest } from '../lib/types.ts';
import { cellsOf, perOperation } from '../runners/instructions/per-op.ts';

describe('perOperation()', () => {
  it('drops the settling segment, subtracts the smallest empty segment and takes the median per operation', () => {
    // Pattern [K, 0, K, 0, K, K] with K = 10: a bracket of 900 (and 910), ops of 1,000, 1,002 and 998 instructions.
    const figure = perOperation([10, 0, 10, 0, 10, 10], [50_000, 910, 10_900, 900, 10_920, 10_880]);
    assert.equal(figure?.instructions_per_op, 1000);
    assert.ok(Math.abs((figure?.spread_pct ?? 0) - 0.4) < 1e-9);
  });

  it('is not fooled by one disturbed segment (the median of three)', () => {
    const figure = perOperation([5, 0, 5, 0, 5, 5], [1, 100, 600, 100, 900_000, 600]);
    assert.equal(figure?.instructions_per_op, 100);
  });

  it('gives nothing without an empty segment or with fewer than two measured ones', () => {
    assert.equal(perOperation([5, 5, 5], [1, 2, 3]), undefined);
    assert.equal(perOperation([5, 0], [600, 100]), undefined);
  });
});

describe('cellsOf()', () => {
  const manifest: HarnessManifest = {
    on_valgrind: 1,
    cells: [
      { suite: 's', variant: 'v', n: 1, status: 'ok', segments: [2, 0, 2, 0, 2, 2] },
      { suite: 's', variant: 'v', n: 2, status: 'wrong-answer', message: 'expected 1', segments: [] },
      { suite: 's', variant: 'w', n: 1, status: 'ok', segments: [1, 0, 0] },
    ],
  };

  it('gives every cell its own dumps, in order, the last dump (process end) ignored', () => {
    const parts = [9, 10, 210, 10, 210, 210, 99, 3, 53, 7_000_000];
    const cells = cellsOf(manifest, parts);
    assert.deepEqual(cells[0], {
      suite: 's',
      variant: 'v',
      n: 1,
      status: 'ok',
      instructions_per_op: 100,
      spread_pct: 0,
    });
    assert.deepEqual(cells[1], {
      suite: 's',
      variant: 'v',
      n: 2,
      status: 'wrong-answer',
      message: 'expected 1',
    });
    assert.equal(cells[2]?.status, 'error');
    assert.match(cells[2]?.message ?? '', /no segments were measured/);
  });

  it('refuses dumps that do not match the segments', () => {
    assert.throws(() => cellsOf(manifest, [1, 2, 3]), /3 dumps for 9 segments/);
  });
});
