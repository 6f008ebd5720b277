import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareInstructions,
  instructionOutcome,
  movedLadders,
  sampleLadders,
  selfCheck,
} from '../checks/instructions.ts';
import type { InstructionCell } from '../lib/types.ts';

const ok = (variant: string, n: number, instructions_per_op: number): InstructionCell => ({
  suite: 's',
  variant,
  n,
  status: 'ok',
  instructions_per_op,
  spread_pct: 0,
});

describe('compareInstructions()', () => {
  const base = [ok('a', 1, 1000), ok('a', 2, 1000), ok('b', 1, 1000), ok('b', 2, 1000), ok('c', 1, 1000)];

  it('flags a change of the threshold or more in either direction, and nothing below it', () => {
    const head = [ok('a', 1, 1010), ok('a', 2, 1009.9), ok('b', 1, 990), ok('b', 2, 990.1), ok('c', 1, 1000)];
    const rows = compareInstructions(base, head, 1);
    assert.deepEqual(
      rows.map((row) => row.verdict),
      ['regressed', 'unchanged', 'improved', 'unchanged', 'unchanged'],
    );
    assert.ok(Math.abs((rows[0]?.change_pct ?? 0) - 1) < 1e-9);
    assert.deepEqual([rows[0]?.base, rows[0]?.head], [1000, 1010]);
  });

  it('fails a cell that fails in head only, and does not compare one that is not ok in base', () => {
    const wrong: InstructionCell = {
      suite: 's',
      variant: 'a',
      n: 1,
      status: 'wrong-answer',
      message: 'expected 3',
    };
    const rows = compareInstructions(
      [ok('a', 1, 1000), { ...wrong, variant: 'b' }],
      [wrong, ok('b', 1, 5)],
      1,
    );
    assert.equal(rows[0]?.verdict, 'failed');
    assert.match(rows[0]?.message ?? '', /wrong-answer: expected 3/);
    assert.equal(rows[1]?.verdict, 'not compared');
    assert.equal(compareInstructions([], [ok('a', 1, 1)], 1)[0]?.message, 'not measured in base');
  });
});

describe('movedLadders()', () => {
  it('names each ladder with a cell moved by the threshold, either way, or failed, once', () => {
    const base = [ok('a', 1, 100), ok('a', 2, 100), ok('b', 1, 100), ok('c', 1, 100), ok('d', 1, 100)];
    const head = [
      ok('a', 1, 102),
      ok('a', 2, 103),
      ok('b', 1, 97),
      ok('c', 1, 100.5),
      { suite: 's', variant: 'd', n: 1, status: 'error' } as InstructionCell,
    ];
    assert.deepEqual(movedLadders(compareInstructions(base, head, 1), 1), ['s/a', 's/b', 's/d']);
  });
});

describe('sampleLadders()', () => {
  it('spreads the sample over the plan, first and last included', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `l${i}`);
    assert.deepEqual(sampleLadders(keys, 4), ['l0', 'l3', 'l6', 'l9']);
    assert.deepEqual(sampleLadders(keys.slice(0, 3), 4), ['l0', 'l1', 'l2']);
    assert.deepEqual(sampleLadders(keys, 1), ['l0']);
  });
});

describe('selfCheck()', () => {
  it('passes identical counts and reports the largest difference', () => {
    const check = selfCheck([ok('a', 1, 1000), ok('a', 2, 500)], [ok('a', 1, 1000), ok('a', 2, 500.5)], 0.25);
    assert.equal(check.cells, 2);
    assert.deepEqual(check.disagreeing, []);
    assert.equal(check.max_diff, 0.5);
    assert.ok(Math.abs(check.max_diff_pct - 0.1) < 1e-9);
  });

  it('names every cell that differs by more than the tolerance', () => {
    const check = selfCheck(
      [ok('a', 1, 1000), ok('b', 1, 1000)],
      [ok('a', 1, 1002.5), ok('b', 1, 1002.6)],
      0.25,
    );
    assert.deepEqual(check.disagreeing, [{ suite: 's', variant: 'b', n: 1, first: 1000, second: 1002.6 }]);
  });

  it('leaves out cells that are not ok both times', () => {
    const failed: InstructionCell = { suite: 's', variant: 'a', n: 1, status: 'error' };
    assert.equal(selfCheck([failed], [ok('a', 1, 1)]).cells, 0);
  });
});

describe('instructionOutcome()', () => {
  const pass = selfCheck([ok('a', 1, 10)], [ok('a', 1, 10)]);
  const fail = selfCheck([ok('a', 1, 10)], [ok('a', 1, 11)]);
  const rows = (verdict: 'regressed' | 'failed' | 'improved') => [
    { suite: 's', variant: 'a', n: 1, verdict },
  ];

  it('gives no verdict when the A/A self-check disagreed or checked nothing', () => {
    assert.equal(instructionOutcome(rows('regressed'), fail), 'not deterministic');
    assert.equal(instructionOutcome([], selfCheck([], [])), 'not deterministic');
  });

  it('is regressed for a regression or a failure in head, ok for an improvement', () => {
    assert.equal(instructionOutcome(rows('regressed'), pass), 'regressed');
    assert.equal(instructionOutcome(rows('failed'), pass), 'regressed');
    assert.equal(instructionOutcome(rows('improved'), pass), 'ok');
  });
});
