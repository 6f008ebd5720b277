import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_ESTIMATE,
  INSTRUCTIONS_PER_NS,
  SEGMENT_MAX_OPS,
  WARMUP_MAX_OPS,
  WARMUP_MIN_OPS,
} from '../runners/instructions/constants.ts';
import { cellPlan, estimatesFrom, planInstructionLadders } from '../runners/instructions/plan.ts';
import type { Suite } from '../lib/types.ts';
import { planLadders } from '../runners/plan.ts';
import { fixtureResults, fixtureSuite, okCell, skippedCell } from './helpers.ts';

describe('cellPlan()', () => {
  it('warms a cheap operation up for thousands of operations and measures segments of many', () => {
    // 2,000 instructions: 50e6 / 2,000 = 25,000 warm-up operations; 60,000 / 2,000 = 30 per segment.
    assert.deepEqual(cellPlan(5, 2_000), { n: 5, warmup_ops: 25_000, segment_ops: 30 });
  });

  it('clamps both ends: a tiny operation at the most operations, a huge one at the fewest', () => {
    assert.deepEqual(cellPlan(1, 10), { n: 1, warmup_ops: WARMUP_MAX_OPS, segment_ops: SEGMENT_MAX_OPS });
    assert.deepEqual(cellPlan(1, 1e9), { n: 1, warmup_ops: WARMUP_MIN_OPS, segment_ops: 1 });
    assert.deepEqual(cellPlan(1, 0), cellPlan(1, 1));
  });
});

describe('estimatesFrom()', () => {
  it('turns ok cells’ median ns into instructions per operation and leaves out the others', () => {
    const estimates = estimatesFrom(fixtureResults([okCell('naive', 1, 100), skippedCell('naive', 2)]));
    assert.deepEqual([...estimates], [['fixture/naive/1', 100 * INSTRUCTIONS_PER_NS]]);
  });
});

describe('planInstructionLadders()', () => {
  it('keeps the plan order, names the suite’s bundle, and plans a cell the table lacks from the default', () => {
    const ladders = planLadders([fixtureSuite({}, [1, 2]) as unknown as Suite], {
      variants: ['map', 'naive'],
      profile: 'quick',
      audit: false,
    });
    const planned = planInstructionLadders(ladders, new Map([['fixture/naive/1', 1_000_000]]));
    assert.deepEqual(
      planned.map((ladder) => [ladder.suite, ladder.variant, ladder.file]),
      [
        ['fixture', 'naive', 'fixture.cjs'],
        ['fixture', 'map', 'fixture.cjs'],
      ],
    );
    assert.deepEqual(planned[0]?.cells, [cellPlan(1, 1_000_000), cellPlan(2, DEFAULT_ESTIMATE)]);
  });
});
