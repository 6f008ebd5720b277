import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaries, studentBoundary } from '../checks/group-sequential.ts';
import { roundOrder } from '../checks/paired-rounds.ts';
import {
  anyOpen,
  closeOpen,
  evaluateLook,
  FIRST_LOOK_ROUNDS,
  lookRounds,
  ROUNDS_PER_LOOK,
  TIER2_DEFAULTS,
} from '../checks/sequential.ts';
import type { PairedCell, SequentialSettings, TrackedCell } from '../checks/types.ts';
import { simulateRun } from './paired-synthetic.ts';

const SETTINGS = TIER2_DEFAULTS;

/** A cell whose rounds have these log ratios (head over base), in ABBA order. */
function tracked(variant: string, logs: readonly number[]): TrackedCell {
  return {
    id: { suite: 's', variant, runner: 'tinybench', n: 10 },
    rounds: logs.map((log, index) => ({
      round: index + 1,
      order: roundOrder(index + 1),
      base_ns: 100,
      head_ns: 100 * Math.exp(log),
    })),
    looks: [],
    result: null,
  };
}

/**
 * Six rounds with mean `diff` and residual variance a^2 within both order groups (a, -a, 0 around
 * the mean in each): t = diff / (a / sqrt(6)) with 4 degrees of freedom.
 */
const six = (diff: number, a: number) => [diff + a, diff + a, diff - a, diff - a, diff, diff];

const result = (cell: TrackedCell) => cell.result as PairedCell;

describe('lookRounds()', () => {
  it('looks after every ABBA block from round 6 to the cap', () => {
    assert.deepEqual(lookRounds(SETTINGS), [6, 8, 10, 12]);
    assert.deepEqual(lookRounds({ max_rounds: 6 }), [6]);
    assert.deepEqual(lookRounds({ max_rounds: 16 }), [6, 8, 10, 12, 14, 16]);
  });
});

describe('evaluateLook()', () => {
  it('waits for FIRST_LOOK_ROUNDS rounds, then looks every ROUNDS_PER_LOOK', () => {
    assert.equal(FIRST_LOOK_ROUNDS, 6);
    assert.equal(ROUNDS_PER_LOOK, 2);
    const early = evaluateLook([tracked('a', [0.1, 0.1, 0.1, 0.1, 0.1])], SETTINGS);
    assert.equal(early.cells[0]?.result, null);
    assert.deepEqual(early.cells[0]?.looks, []);
    const first = evaluateLook([tracked('a', six(0, 0.2))], SETTINGS);
    assert.deepEqual(first.cells[0]?.looks, [0.5]);
    assert.equal(result(first.cells[0] as TrackedCell).basis, 'open');
    // No new rounds: no second look at the same fraction.
    assert.deepEqual(evaluateLook(first.cells, SETTINGS).cells[0]?.looks, [0.5]);
  });

  it('gives R’s t, interval and verdict for one cell at its first look (no prior)', () => {
    // Rounds 0.12, 0.12, 0.08, 0.08, 0.10, 0.10: both order groups have mean 0.1 and squares 0.0008,
    // so the variance is 0.0016 / 4 df and se = sqrt(0.0004 / 6). In R: z = -qnorm(2 *
    // pnorm(qnorm(0.0125) / sqrt(0.5))) = 2.962588 (O'Brien-Fleming, one look at half the rounds),
    // critical t = qt(pnorm(-z), 4, lower.tail = FALSE) = 6.405831, half-width 0.05230339.
    const { cells, prior } = evaluateLook([tracked('a', six(0.1, 0.02))], SETTINGS);
    const cell = result(cells[0] as TrackedCell);
    const close = (actual: number, expected: number, what: string) =>
      assert.ok(Math.abs(actual / expected - 1) < 1e-6, `${what}: ${actual} against ${expected}`);
    close(cell.t, 12.2474487139159, 't');
    assert.equal(cell.df, 4);
    close(cell.ratio, Math.exp(0.1), 'ratio');
    close(cell.ci_low, 1.04885239884676, 'ci_low');
    close(cell.ci_high, 1.16451348111816, 'ci_high');
    close(cell.base_ns, 100, 'base_ns');
    close(cell.head_ns, 100 * Math.exp(0.1), 'head_ns');
    assert.deepEqual(
      [cell.verdict, cell.basis, cell.blocking, cell.outlier, cell.look, cell.rounds],
      ['regressed', 'significant', false, false, 1, 6],
    );
    assert.deepEqual(cell, { ...cell, suite: 's', variant: 'a', runner: 'tinybench', n: 10 });
    assert.deepEqual(prior, { sd_pct: null, df: 0, cells: 1 });
    // The same cell, just short of the level: with |t| below 6.405831 it is not significant, and its
    // interval (half-width 6.405831 se) reaches beyond +5%, so it stays open.
    const justBelow = 6.4 * Math.sqrt(0.0004 / 6);
    const weak = result(evaluateLook([tracked('a', six(justBelow, 0.02))], SETTINGS).cells[0] as TrackedCell);
    assert.deepEqual([weak.verdict, weak.basis], ['undecided', 'open']);
    const justAbove = 6.41 * Math.sqrt(0.0004 / 6);
    const strong = result(
      evaluateLook([tracked('a', six(justAbove, 0.02))], SETTINGS).cells[0] as TrackedCell,
    );
    assert.deepEqual([strong.verdict, strong.basis], ['regressed', 'significant']);
  });

  it('flags a doubling as a blocking regression at the first look, and a halving as an improvement', () => {
    const { cells } = evaluateLook(
      [tracked('slow', six(Math.log(2.1), 0.02)), tracked('fast', six(-Math.log(2), 0.02))],
      SETTINGS,
    );
    const slow = result(cells[0] as TrackedCell);
    assert.deepEqual(
      [slow.verdict, slow.basis, slow.blocking, slow.look],
      ['regressed', 'significant', true, 1],
    );
    assert.ok(Math.abs(slow.ratio - 2.1) < 1e-9);
    assert.ok(slow.ci_low > 1.9 && slow.ci_high < 2.3, `${slow.ci_low} to ${slow.ci_high}`);
    const fast = result(cells[1] as TrackedCell);
    assert.deepEqual([fast.verdict, fast.blocking], ['improved', false]);
  });

  it('blocks only when the interval lies above +block_pct, not merely the estimate', () => {
    const { cells } = evaluateLook([tracked('a', six(Math.log(1.2), 0.001))], SETTINGS);
    assert.deepEqual(
      [result(cells[0] as TrackedCell).verdict, result(cells[0] as TrackedCell).blocking],
      ['regressed', false],
    );
    const lower = evaluateLook([tracked('a', six(Math.log(1.2), 0.001))], { ...SETTINGS, block_pct: 19 });
    assert.equal(result(lower.cells[0] as TrackedCell).blocking, true);
    // Estimate +30%, interval reaching below +25%: regressed, not blocking.
    const wide = result(
      evaluateLook([tracked('a', six(Math.log(1.3), 0.05))], SETTINGS).cells[0] as TrackedCell,
    );
    assert.equal(wide.verdict, 'regressed');
    assert.ok(wide.ci_low < 1.25, `interval from ${wide.ci_low}`);
    assert.equal(wide.blocking, false);
  });

  it('calls a significant change within the threshold no change, and a tight interval inside it no change', () => {
    const { cells } = evaluateLook(
      [tracked('small', six(Math.log(1.02), 0.0005)), tracked('flat', six(0.001, 0.002))],
      SETTINGS,
    );
    assert.deepEqual(
      [result(cells[0] as TrackedCell).verdict, result(cells[0] as TrackedCell).basis],
      ['no-change', 'significant'],
    );
    assert.deepEqual(
      [result(cells[1] as TrackedCell).verdict, result(cells[1] as TrackedCell).basis],
      ['no-change', 'equivalent'],
    );
    const flat = result(cells[1] as TrackedCell);
    assert.ok(flat.ci_low > 1 / 1.05 && flat.ci_high < 1.05);
  });

  it('calls no change only when the whole interval lies inside ±threshold', () => {
    // diff -0.04, critical t 6.405831 x se 0.008165: t = -4.9 is not significant, and the interval
    // (-0.092 to +0.012) reaches below -4.9% (log 1/1.05): open, although its upper end is inside.
    const cell = result(evaluateLook([tracked('a', six(-0.04, 0.02))], SETTINGS).cells[0] as TrackedCell);
    assert.deepEqual([cell.verdict, cell.basis], ['undecided', 'open']);
    assert.ok(cell.ci_high < 1.05 && cell.ci_low < 1 / 1.05);
  });

  it('leaves a noisy cell open before the cap and undecided at it, never passed', () => {
    const noisy = six(0.05, 0.2);
    const open = evaluateLook([tracked('a', noisy)], SETTINGS);
    assert.deepEqual(
      [result(open.cells[0] as TrackedCell).verdict, result(open.cells[0] as TrackedCell).basis],
      ['undecided', 'open'],
    );
    assert.equal(anyOpen(open.cells), true);
    const capped = evaluateLook([tracked('a', noisy)], { ...SETTINGS, max_rounds: 6 });
    assert.deepEqual(
      [result(capped.cells[0] as TrackedCell).verdict, result(capped.cells[0] as TrackedCell).basis],
      ['undecided', 'cap'],
    );
    assert.equal(anyOpen(capped.cells), false);
  });

  it('passes a rejected cell’s level on to the others (Holm, graphically) at the same look', () => {
    const settings: SequentialSettings = { ...SETTINGS, threshold_pct: 1 };
    // Critical t at the first look (fraction 0.5, 4 df) at levels alpha / 3 and alpha / 2.
    const critical = (level: number) =>
      studentBoundary(boundaries(settings.spending, level, [0.5])[0] as number, 4);
    const strict = critical(settings.alpha / 3);
    const relaxed = critical(settings.alpha / 2);
    assert.ok(relaxed < strict);
    const a = 0.01;
    const between = (((strict + relaxed) / 2) * a) / Math.sqrt(6);
    const cells = (first: number) => [
      tracked('first', six(first, 0.001)),
      tracked('between', six(between, a)),
      tracked('none', six(0, 0.01)),
    ];
    const withRejection = evaluateLook(cells(0.5), settings);
    assert.equal(result(withRejection.cells[0] as TrackedCell).basis, 'significant');
    assert.equal(result(withRejection.cells[1] as TrackedCell).basis, 'significant');
    assert.notEqual(result(withRejection.cells[2] as TrackedCell).basis, 'significant');
    const without = evaluateLook(cells(0), settings);
    assert.notEqual(result(without.cells[1] as TrackedCell).basis, 'significant');
  });

  it('counts cells rejected at earlier looks when it sets the levels', () => {
    const settings: SequentialSettings = { ...SETTINGS, threshold_pct: 1 };
    const critical = (level: number) =>
      studentBoundary(boundaries(settings.spending, level, [0.5])[0] as number, 4);
    const a = 0.01;
    const between = (((critical(settings.alpha / 3) + critical(settings.alpha / 2)) / 2) * a) / Math.sqrt(6);
    const earlier = tracked('first', six(0.5, 0.001));
    earlier.result = { ...(evaluateLook([earlier], settings).cells[0]?.result as PairedCell) };
    earlier.looks = [0.5];
    // Two more rounds after its decision (its ladder ran for another cell): not looked at again.
    earlier.rounds = tracked('first', [...six(0.5, 0.001), 0.5, 0.5]).rounds;
    const { cells } = evaluateLook(
      [earlier, tracked('between', six(between, a)), tracked('none', six(0, 0.01))],
      settings,
    );
    assert.equal(result(cells[1] as TrackedCell).basis, 'significant');
    assert.equal(cells[0]?.result, earlier.result, 'a decided cell keeps its result');
  });

  it('says the prior was not estimated with few cells, and fits one with many', () => {
    const few = evaluateLook([tracked('a', six(0, 0.02)), tracked('b', six(0, 0.03))], SETTINGS);
    assert.deepEqual(few.prior, { sd_pct: null, df: 0, cells: 2 });
    const many = evaluateLook(
      Array.from({ length: 12 }, (_, i) => tracked(`v${i}`, six(0, 0.02 + 0.001 * i))),
      SETTINGS,
    );
    assert.equal(many.prior.cells, 12);
    assert.ok(many.prior.sd_pct !== null && many.prior.sd_pct > 1.5 && many.prior.sd_pct < 3.5);
    assert.ok(many.prior.df > 0);
  });
});

describe('anyOpen()', () => {
  it('is true while any cell is open or not yet looked at, false when all are decided', () => {
    const decided = evaluateLook([tracked('c', six(Math.log(2), 0.01))], SETTINGS).cells[0] as TrackedCell;
    const open = evaluateLook([tracked('a', six(0.05, 0.2))], SETTINGS).cells[0] as TrackedCell;
    assert.equal(anyOpen([decided, open]), true);
    assert.equal(anyOpen([decided, tracked('new', [])]), true);
    assert.equal(anyOpen([decided]), false);
  });

  it('looks at the other cells when one has no rounds yet', () => {
    const { cells } = evaluateLook([tracked('empty', []), tracked('c', six(Math.log(2), 0.01))], SETTINGS);
    assert.equal(cells[0]?.result, null);
    assert.equal(cells[1]?.result?.verdict, 'regressed');
  });
});

describe('closeOpen()', () => {
  it('makes open cells undecided at the cap and gives cells never looked at a summary without a test', () => {
    const open = evaluateLook([tracked('a', six(0.05, 0.2))], SETTINGS).cells[0] as TrackedCell;
    const never = tracked('b', [Math.log(1.5), Math.log(1.5)]);
    const decided = evaluateLook([tracked('c', six(Math.log(2), 0.01))], SETTINGS).cells[0] as TrackedCell;
    const [a, b, c] = closeOpen([open, never, decided]);
    assert.deepEqual([a?.result?.verdict, a?.result?.basis], ['undecided', 'cap']);
    assert.deepEqual([b?.result?.verdict, b?.result?.basis, b?.result?.rounds], ['undecided', 'cap', 2]);
    assert.ok(Math.abs((b?.result?.ratio ?? 0) - 1.5) < 1e-9);
    assert.ok(Number.isNaN(b?.result?.ci_low));
    assert.equal(c, decided);
    // An open cell keeps its last look's test; a cell never looked at has no test and no flags.
    assert.equal(a?.result?.ci_low, open.result?.ci_low);
    assert.ok(Number.isFinite(a?.result?.ci_low));
    assert.ok(Math.abs((b?.result?.head_ns ?? 0) - 150) < 1e-9);
    assert.deepEqual([b?.result?.outlier, b?.result?.blocking, b?.result?.df], [false, false, 0]);
    const empty = closeOpen([tracked('d', [])])[0]?.result;
    assert.ok(Number.isNaN(empty?.base_ns) && Number.isNaN(empty?.ratio));
  });
});

/** Simulated runs of `cells` cells with `slowed` slowed by `factor`: what tier 2 concluded. */
function runs(trials: number, spec: { cells: number; slowed: number[]; factor: number }, seed: number) {
  return Array.from({ length: trials }, (_, trial) => simulateRun({ ...spec, seed: seed + trial }, SETTINGS));
}
const flagged = (cell: PairedCell) => cell.verdict === 'regressed' || cell.verdict === 'improved';

describe('tier 2 on simulated runs (test/paired-synthetic.ts)', () => {
  it('raises a false alarm in at most alpha of A/A runs of 40 cells, and never blocks', (t) => {
    const results = runs(200, { cells: 40, slowed: [], factor: 1 }, 100);
    const alarmed = results.filter((run) => run.cells.some(flagged)).length;
    const undecided = results.reduce(
      (sum, run) => sum + run.cells.filter((c) => c.verdict === 'undecided').length,
      0,
    );
    t.diagnostic(`${alarmed} of 200 runs with a false alarm; ${undecided} of 8,000 cells undecided`);
    assert.ok(alarmed / 200 <= SETTINGS.alpha, `${alarmed} of 200 runs`);
    assert.ok(results.every((run) => run.cells.every((cell) => !cell.blocking)));
    assert.ok(undecided / 8000 < 0.3, 'most cells are shown unchanged');
  });

  it('catches a 10% slowdown of one cell among 40 in at least 75% of runs, and 20% in at least 90%', (t) => {
    for (const [factor, least] of [
      [1.1, 0.75],
      [1.2, 0.9],
    ] as const) {
      const caught = runs(100, { cells: 40, slowed: [0], factor }, 5000).filter(
        (run) => run.cells[0]?.verdict === 'regressed',
      ).length;
      t.diagnostic(`${Math.round(100 * (factor - 1))}%: caught in ${caught} of 100 runs`);
      assert.ok(caught / 100 >= least, `${factor}: caught in ${caught} of 100`);
    }
  });

  it('blocks on a 2.1x slowdown of 2 of 4 cells (issue 11’s closure cells) by the second look, without a prior', () => {
    for (const run of runs(40, { cells: 4, slowed: [0, 1], factor: 2.1 }, 9000)) {
      for (const cell of run.cells.slice(0, 2)) {
        assert.deepEqual([cell.verdict, cell.blocking], ['regressed', true]);
        assert.ok(cell.look <= 2, `decided at look ${cell.look}`);
      }
      assert.equal(run.prior.sd_pct, null);
    }
  });

  it('sweeps slowdowns (MEMOBENCH_SWEEP=1; prints the operating characteristics)', {
    skip: process.env.MEMOBENCH_SWEEP !== '1',
  }, (t) => {
    const pct = (count: number, total: number) => `${((100 * count) / total).toFixed(1)}%`;
    for (const factor of [1, 1.05, 1.1, 1.2]) {
      const results = runs(400, { cells: 40, slowed: factor === 1 ? [] : [0], factor }, 20_000);
      const others = results.map((run) => run.cells.slice(factor === 1 ? 0 : 1));
      const cells = others.flat();
      const first = results.map((run) => run.cells[0] as PairedCell);
      const count = (list: PairedCell[], verdict: PairedCell['verdict']) =>
        list.filter((cell) => cell.verdict === verdict).length;
      t.diagnostic(
        [
          `x${factor}: runs with a false alarm ${pct(others.filter((list) => list.some(flagged)).length, results.length)}`,
          `other cells flagged ${pct(cells.filter(flagged).length, cells.length)}, undecided ${pct(count(cells, 'undecided'), cells.length)}`,
          `slowed cell regressed ${pct(count(first, 'regressed'), first.length)}, undecided ${pct(count(first, 'undecided'), first.length)}, blocking ${pct(first.filter((cell) => cell.blocking).length, first.length)}`,
          `mean rounds ${(results.reduce((sum, run) => sum + run.rounds, 0) / results.length).toFixed(1)}`,
        ].join('; '),
      );
    }
  });
});
