import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedSummary, pairRound, roundOrder } from '../checks/paired-rounds.ts';
import type { PairedRound } from '../checks/types.ts';
import { okCell } from './helpers.ts';
import { syntheticResults } from './checks-synthetic.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

/** Rounds whose log ratios are `logs`, in ABBA order. */
const rounds = (logs: readonly number[]): PairedRound[] =>
  logs.map((log, index) => ({
    round: index + 1,
    order: roundOrder(index + 1),
    base_ns: 100,
    head_ns: 100 * Math.exp(log),
  }));

describe('roundOrder()', () => {
  it('alternates ABBA: base first in odd rounds, head first in even ones', () => {
    assert.deepEqual([1, 2, 3, 4].map(roundOrder), ['base-first', 'head-first', 'base-first', 'head-first']);
  });
});

describe('pairedSummary()', () => {
  it('cancels an effect of going first (a linear drift) exactly', () => {
    // change 0.1, order effect ±0.03: base-first rounds read 0.13, head-first ones 0.07.
    const summary = pairedSummary(rounds([0.13, 0.07, 0.13, 0.07, 0.13, 0.07]));
    close(summary.diff, 0.1, 1e-12);
    close(summary.variance, 0, 1e-20);
    assert.equal(summary.df, 4);
    close(summary.share, (1 / 3 + 1 / 3) / 4, 1e-15);
    assert.equal(summary.rounds, 6);
  });

  it('pools the variance within the two order groups', () => {
    // Groups [0.1, 0.3] and [0.0, 0.2] (means 0.2 and 0.1): squares 0.02 + 0.02 over 4 - 2 df.
    const summary = pairedSummary(rounds([0.1, 0.0, 0.3, 0.2]));
    close(summary.diff, 0.15, 1e-12);
    close(summary.variance, 0.02, 1e-12);
    assert.equal(summary.df, 2);
    close(summary.share, 0.25, 1e-15);
  });

  it('falls back to the plain mean with one order only, and has no variance with one round', () => {
    const one = rounds([0.1, 0.0, 0.3]).filter((r) => r.order === 'base-first');
    const summary = pairedSummary(one);
    close(summary.diff, 0.2, 1e-12);
    close(summary.variance, 0.02, 1e-12);
    assert.equal(summary.df, 1);
    close(summary.share, 0.5, 1e-15);
    const single = pairedSummary(rounds([0.1]));
    assert.ok(Number.isNaN(single.variance));
    assert.equal(single.df, 0);
    assert.throws(() => pairedSummary([]), /pairedSummary needs at least one round/);
  });

  it('gives each side’s geometric mean', () => {
    const summary = pairedSummary([
      { round: 1, order: 'base-first', base_ns: 100, head_ns: 200 },
      { round: 2, order: 'head-first', base_ns: 400, head_ns: 800 },
    ]);
    close(summary.base_ns, 200, 1e-9);
    close(summary.head_ns, 400, 1e-9);
  });
});

describe('pairRound()', () => {
  it('pairs the cells timed in both runs of a round, by cell key', () => {
    const base = syntheticResults(
      [okCell('map', 10, 100), okCell('dict', 10, 50), okCell('closure', 10, 70)],
      1,
    );
    const head = syntheticResults(
      [okCell('map', 10, 110), { ...okCell('dict', 10, 0), median_ns: 0 }, okCell('naive', 10, 9)],
      1,
    );
    // A cell that did not end ok is not paired, whatever numbers it carries.
    base.cells.push({
      ...okCell('lost', 10, 100),
      status: 'failed',
    } as unknown as (typeof base.cells)[number]);
    head.cells.push(okCell('lost', 10, 100));
    const pairs = pairRound(base, head, 3);
    assert.deepEqual([...pairs.keys()], ['fixture/map/tinybench/10']);
    assert.deepEqual(pairs.get('fixture/map/tinybench/10'), {
      id: { suite: 'fixture', variant: 'map', runner: 'tinybench', n: 10 },
      round: { round: 3, order: 'base-first', base_ns: 100, head_ns: 110 },
    });
  });
});
