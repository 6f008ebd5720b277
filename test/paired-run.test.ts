import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Ladder, openLadders, runPairedRounds, type Side } from '../checks/paired-run.ts';
import { roundOrder } from '../checks/paired-rounds.ts';
import { TIER2_DEFAULTS } from '../checks/sequential.ts';
import type { PairedCell, TrackedCell } from '../checks/types.ts';
import type { Results } from '../lib/types.ts';
import { syntheticResults } from './checks-synthetic.ts';
import { okCell } from './helpers.ts';

const SETTINGS = TIER2_DEFAULTS;

/**
 * Fixed round-to-round wobbles of a log ratio (a calm machine: about ±1%), by round; both signs in
 * each order group, so that the crossover analysis cannot take them for an order effect.
 */
const WOBBLE = [0.01, 0.008, -0.004, -0.012, 0.006, 0.002, -0.009, -0.005, 0.003, 0.007, -0.011, -0.004];

/**
 * A fake machine: each variant's head is `factor` times its base, times exp(spread x wobble of the
 * round); base times are fixed. It records what it was asked to measure.
 */
function fakeMachine(cells: Record<string, { factor: number; spread: number }>) {
  const calls: { side: Side; round: number; ladders: string[] | null }[] = [];
  const measure = async (side: Side, round: number, ladders: readonly Ladder[] | null): Promise<Results> => {
    calls.push({ side, round, ladders: ladders === null ? null : ladders.map((l) => l.variant) });
    const chosen = Object.entries(cells).filter(
      ([variant]) => ladders === null || ladders.some((ladder) => ladder.variant === variant),
    );
    return syntheticResults(
      chosen.map(([variant, { factor, spread }]) => {
        const wobble = spread * (WOBBLE[round - 1] as number);
        return okCell(variant, 10, side === 'base' ? 1000 : 1000 * factor * Math.exp(wobble));
      }),
      1,
    );
  };
  return { calls, measure };
}

const byVariant = (cells: readonly PairedCell[], variant: string) =>
  cells.find((cell) => cell.variant === variant) as PairedCell;

describe('openLadders()', () => {
  it('lists each ladder with an open or unlooked cell once, and none whose cells are all decided', () => {
    const cell = (variant: string, n: number, basis: PairedCell['basis'] | null): TrackedCell => ({
      id: { suite: 's', variant, runner: 'tinybench', n },
      rounds: [],
      looks: [],
      result: basis === null ? null : ({ basis } as PairedCell),
    });
    assert.deepEqual(
      openLadders([
        cell('a', 1, 'open'),
        cell('a', 2, null),
        cell('b', 1, 'significant'),
        cell('c', 1, 'equivalent'),
        cell('c', 2, 'open'),
        cell('d', 1, 'cap'),
      ]),
      [
        { suite: 's', variant: 'a', runner: 'tinybench' },
        { suite: 's', variant: 'c', runner: 'tinybench' },
      ],
    );
  });
});

describe('runPairedRounds()', () => {
  it('alternates ABBA, stops at the first look when every cell is decided, and compares round 1 exactly', async () => {
    const machine = fakeMachine({ slow: { factor: 2, spread: 1 }, same: { factor: 1, spread: 0.5 } });
    // From round 2 on, head answers differently: the exact comparison is round 1's only.
    const run = await runPairedRounds(async (side, round, ladders) => {
      const results = await machine.measure(side, round, ladders);
      if (side === 'base' || round === 1) return results;
      return { ...results, cells: results.cells.map((cell) => ({ ...cell, result: 'changed' })) };
    }, SETTINGS);
    assert.equal(run.rounds, 6);
    assert.deepEqual(
      machine.calls.map((call) => `${call.round}${call.side[0]}`),
      ['1b', '1h', '2h', '2b', '3b', '3h', '4h', '4b', '5b', '5h', '6h', '6b'],
    );
    assert.deepEqual(
      machine.calls.map((call) => call.side),
      machine.calls.map((call, i) =>
        (roundOrder(call.round) === 'base-first') === (i % 2 === 0) ? 'base' : 'head',
      ),
    );
    const slow = byVariant(run.cells, 'slow');
    assert.equal(slow.verdict, 'regressed');
    assert.equal(slow.blocking, true);
    assert.equal(slow.look, 1);
    assert.ok(Math.abs(slow.ratio - 2) < 0.01, String(slow.ratio));
    const same = byVariant(run.cells, 'same');
    assert.equal(same.verdict, 'no-change');
    assert.equal(same.basis, 'equivalent');
    assert.equal(run.exact.compared, 2);
    assert.equal(run.exact.differences.length, 0);
    assert.equal(run.prior.sd_pct, null, 'two cells are too few for a prior');
  });

  it('runs only the ladders of open cells after round 1, and makes a noisy cell undecided at the cap', async () => {
    const machine = fakeMachine({
      slow: { factor: 2, spread: 1 },
      noisy: { factor: 1.06, spread: 20 },
    });
    const heard: string[] = [];
    const run = await runPairedRounds(machine.measure, SETTINGS, (side, round, ladders) =>
      heard.push(`${round}${side[0]}:${ladders === null ? 'all' : ladders.length}`),
    );
    assert.equal(run.rounds, 12);
    assert.equal(machine.calls.length, 24);
    assert.equal(machine.calls[0]?.ladders, null);
    assert.deepEqual(machine.calls[2]?.ladders, ['slow', 'noisy']);
    // The slow cell is decided at round 6: from round 7 on only the noisy ladder runs.
    assert.deepEqual(machine.calls[12]?.ladders, ['noisy']);
    assert.deepEqual(heard.slice(0, 3), ['1b:all', '1h:all', '2h:2']);
    assert.equal(heard.at(-1), '12b:1');
    const noisy = byVariant(run.cells, 'noisy');
    assert.equal(noisy.verdict, 'undecided');
    assert.equal(noisy.basis, 'cap');
    assert.equal(noisy.rounds, 12);
    assert.equal(noisy.blocking, false);
    assert.equal(noisy.look, 4, 'looks after rounds 6, 8, 10 and 12 only');
    assert.equal(byVariant(run.cells, 'slow').rounds, 6);
  });

  it('stops after round 1 when no cell was timed on both sides', async () => {
    let calls = 0;
    const run = await runPairedRounds(async () => {
      calls++;
      return syntheticResults([], 1);
    }, SETTINGS);
    assert.equal(run.rounds, 1);
    assert.equal(calls, 2);
    assert.deepEqual(run.cells, []);
    assert.deepEqual(run.prior, { sd_pct: null, df: 0, cells: 0 });
    assert.deepEqual(run.exact, { compared: 0, differences: [] });
  });

  it('makes a cell that stopped appearing before its first look undecided, untested', async () => {
    const machine = fakeMachine({ slow: { factor: 2, spread: 1 } });
    const run = await runPairedRounds(async (side, round, ladders) => {
      const results = await machine.measure(side, round, ladders);
      // A second ladder fails from round 3 on.
      return round < 3 ? { ...results, cells: [...results.cells, okCell('gone', 10, 500)] } : results;
    }, SETTINGS);
    assert.equal(run.rounds, 12, 'the open cell keeps its ladder running to the cap, not beyond');
    const gone = byVariant(run.cells, 'gone');
    assert.equal(gone.verdict, 'undecided');
    assert.equal(gone.rounds, 2);
    assert.ok(Number.isNaN(gone.ci_low));
    assert.equal(byVariant(run.cells, 'slow').verdict, 'regressed');
  });
});
