import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell, Suite } from '../lib/types.ts';
import type { LadderPlan } from '../runners/plan.ts';
import { afterProcess, jobOf, seeCell, startRounds } from '../runners/rounds.ts';
import { failedCell, fixtureSuite, okCell, skippedCell } from './helpers.ts';

const ladder: LadderPlan = { suite: fixtureSuite() as unknown as Suite, variant: 'map', sizes: [1, 2, 3, 4] };
const settings = { min_processes: 3, max_processes: 5, target_half_width_pct: 5 };
const ok = (n: number, median: number, instance: 'shared' | 'per-call' = 'per-call') => ({
  ...okCell('map', n, median),
  instance,
});
const overBudget: Cell = {
  suite: 'fixture',
  variant: 'map',
  n: 3,
  runner: 'tinybench',
  cache_mode: 'cold',
  status: 'over-budget',
  verify_ms: 70,
  result: '3',
  message: 'one call took 70.0 ms, over the 50 ms budget',
};
const firstRound: Cell[] = [ok(1, 100, 'shared'), ok(2, 200), overBudget, skippedCell('map', 4)];

describe('ladder rounds', () => {
  it('round 1 climbs every planned size with what earlier runs counted', () => {
    const known = new Map([[1, { counts: okCounts, instance: 'shared' as const }]]);
    const job = jobOf(startRounds(ladder, 'tinybench'), 1, known);
    assert.deepEqual([job.phase, job.sizes, job.round, job.known], ['discover', [1, 2, 3, 4], 1, known]);
  });

  it('later rounds measure the sizes round 1 timed, with round 1’s instance modes', () => {
    const after = afterProcess(startRounds(ladder, 'tinybench'), firstRound, settings, null);
    assert.deepEqual([after.processes, after.settled], [1, false]);
    const job = jobOf(after, 2);
    assert.deepEqual(
      [job.phase, job.sizes, [...job.instances]],
      [
        'measure',
        [1, 2],
        [
          [1, 'shared'],
          [2, 'per-call'],
        ],
      ],
    );
    assert.equal(job.known.size, 0);
  });

  it('settles from the fewest processes once every timed size is precise', () => {
    let rounds = afterProcess(startRounds(ladder, 'tinybench'), firstRound, settings, null);
    rounds = afterProcess(rounds, [ok(1, 100.1), ok(2, 200.1)], settings, null);
    assert.equal(rounds.settled, false, 'two processes: below the fewest');
    rounds = afterProcess(rounds, [ok(1, 100.05), ok(2, 200.05)], settings, null);
    assert.deepEqual(
      [...rounds.samples],
      [
        [1, [[100], [100.1], [100.05]]],
        [2, [[200], [200.1], [200.05]]],
      ],
      'each process’s samples (these fixture cells keep only their median)',
    );
    assert.equal(rounds.settled, true);
  });

  it('keeps going while a size is imprecise or failed in a process, until the most processes', () => {
    let rounds = afterProcess(startRounds(ladder, 'tinybench'), firstRound, settings, null);
    rounds = afterProcess(rounds, [ok(1, 100), failedCell('map', 2, 'stack-overflow')], settings, null);
    rounds = afterProcess(rounds, [ok(1, 130), ok(2, 260)], settings, null);
    assert.equal(rounds.settled, false);
    rounds = afterProcess(rounds, [ok(1, 70), ok(2, 140)], settings, null);
    assert.equal(rounds.settled, false);
    rounds = afterProcess(rounds, [ok(1, 115), ok(2, 230)], settings, null);
    assert.deepEqual([rounds.processes, rounds.settled], [5, true]);
    assert.equal(rounds.samples.get(2)?.length, 4, 'the process where size 2 failed adds nothing');
  });

  it('settles after round 1 when round 1 timed nothing', () => {
    const rounds = afterProcess(
      startRounds(ladder, 'tinybench'),
      [failedCell('map', 1, 'error')],
      settings,
      null,
    );
    assert.deepEqual([rounds.processes, rounds.settled], [1, true]);
  });

  it('remembers round 1’s cells for the estimate, leaving out skipped cells and later rounds', () => {
    let rounds = startRounds(ladder, 'tinybench');
    for (const cell of firstRound) rounds = seeCell(rounds, cell);
    assert.deepEqual(rounds.seen, [
      { n: 1, call_ms: 100 / 1e6, timed: true },
      { n: 2, call_ms: 200 / 1e6, timed: true },
      { n: 3, call_ms: 70, timed: false },
    ]);
    const after = afterProcess(rounds, firstRound, settings, null);
    assert.equal(seeCell(after, ok(1, 5)).seen, after.seen);
  });
});

const okCounts = { calls: 1, cache_hits: 0, cache_misses: 1, cache_entries: 1, max_depth: 1 };
