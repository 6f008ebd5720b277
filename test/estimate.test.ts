import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESTIMATE_MIN_SPENT_MS, ESTIMATE_PROCESS_OVERHEAD_MS } from '../runners/constants.ts';
import {
  cellCostMs,
  type EstimateSettings,
  estimateRemainingMs,
  type LadderOutlook,
  projectedCalls,
} from '../runners/estimate.ts';

const settings: EstimateSettings = {
  time_ms: 40,
  warmup_ms: 10,
  min_samples: 5,
  budget_ms: 500,
  memory_readings: 0,
  min_processes: 3,
  max_processes: 3,
};

/** A ladder whose round 1 timed sizes 1..k with calls of `callMs` ms, and stopped there. */
function discovered(callMs: readonly number[], processes: number, settled = false): LadderOutlook {
  return {
    planned: callMs.map((_, i) => i + 1),
    seen: callMs.map((call_ms, i) => ({ n: i + 1, call_ms, timed: true })),
    discovered: true,
    processes,
    settled,
  };
}

const later = (callMs: readonly number[]) =>
  callMs.reduce((sum, ms) => sum + cellCostMs(ms, true, false, settings), ESTIMATE_PROCESS_OVERHEAD_MS);

describe('cellCostMs()', () => {
  it('is the verified call, the warm-up and the longer of the sampling time and the minimum samples', () => {
    const overhead = cellCostMs(0, true, false, settings) - 50;
    assert.equal(cellCostMs(1, true, false, settings) - overhead, 1 + 10 + 40);
    assert.equal(cellCostMs(100, true, false, settings) - overhead, 100 + 10 + 500, '5 samples of 100 ms');
    assert.equal(cellCostMs(300, false, true, settings) - overhead, 300, 'over the budget: the call only');
    const memory = { ...settings, memory_readings: 3 };
    assert.ok(
      cellCostMs(1, true, true, memory) > cellCostMs(1, true, false, memory),
      'round 1 measures memory',
    );
  });
});

describe('projectedCalls()', () => {
  it('extends the last two timed sizes as a power law until the first size over the budget', () => {
    const outlook: LadderOutlook = {
      planned: [10, 20, 40, 80, 160],
      seen: [
        { n: 10, call_ms: 1, timed: true },
        { n: 20, call_ms: 4, timed: true },
      ],
      discovered: false,
      processes: 0,
      settled: false,
    };
    assert.deepEqual(projectedCalls(outlook, 50), [
      { n: 40, call_ms: 16, timed: true },
      { n: 80, call_ms: 50, timed: false },
    ]);
  });

  it('expects nothing more after a size that ended the climb', () => {
    const outlook: LadderOutlook = {
      planned: [1, 2, 3],
      seen: [{ n: 1, call_ms: 600, timed: false }],
      discovered: false,
      processes: 0,
      settled: false,
    };
    assert.deepEqual(projectedCalls(outlook, 500), []);
  });
});

describe('estimateRemainingMs()', () => {
  it('is nothing once every ladder is settled', () => {
    assert.equal(estimateRemainingMs([discovered([1, 2], 3, true)], 10_000, settings), 0);
  });

  it('counts the processes a discovered ladder still needs, each the cost of its timed sizes', () => {
    const calls = [0.001, 0.01, 1, 100];
    assert.equal(estimateRemainingMs([discovered(calls, 1)], 0, settings), 2 * later(calls));
    assert.equal(estimateRemainingMs([discovered(calls, 2)], 0, settings), later(calls));
  });

  it('expects the fewest processes plus the share of the rest that ladders needed so far', () => {
    const range = { ...settings, min_processes: 2, max_processes: 6 };
    const calls = [1];
    const cost = later(calls) - ESTIMATE_PROCESS_OVERHEAD_MS;
    // Nothing decided yet: half of the 4 processes beyond the fewest, i.e. 2 + 2 = 4 in all, 3 to go.
    const open = estimateRemainingMs([discovered(calls, 1)], 0, range);
    assert.ok(Math.abs(open - 3 * (cost + ESTIMATE_PROCESS_OVERHEAD_MS)) < 1e-9);
    // Of two ladders decided at 2 processes, one settled there: share 1/2 again; when both settled
    // at the fewest, an open ladder is expected to need the fewest only.
    const settledAtFewest = [discovered(calls, 2, true), discovered(calls, 2, true)];
    const single = estimateRemainingMs([...settledAtFewest, discovered(calls, 1)], 0, range);
    assert.ok(Math.abs(single - later(calls)) < 1e-9);
  });

  it('is steady: sizes the budget will stop cost nothing, however many are planned', () => {
    const seen = [
      { n: 10, call_ms: 1, timed: true },
      { n: 20, call_ms: 10, timed: true },
    ];
    const short: LadderOutlook = {
      planned: [10, 20, 40, 80],
      seen,
      discovered: false,
      processes: 0,
      settled: false,
    };
    const long: LadderOutlook = { ...short, planned: [10, 20, 40, 80, 160, 320, 640, 1280] };
    assert.equal(estimateRemainingMs([long], 0, settings), estimateRemainingMs([short], 0, settings));
  });

  it('prices a ladder not started yet as the discovered ones cost per planned size', () => {
    const done = discovered([1, 1, 1, 1], 1);
    const fresh: LadderOutlook = {
      planned: [1, 2],
      seen: [],
      discovered: false,
      processes: 0,
      settled: false,
    };
    const both = estimateRemainingMs([done, fresh], 0, settings);
    const alone = estimateRemainingMs([done], 0, settings);
    // Half the sizes of the discovered ladder: half its first round and half its later processes.
    const firstRound = 4 * cellCostMs(1, true, true, settings) + ESTIMATE_PROCESS_OVERHEAD_MS;
    assert.ok(Math.abs(both - alone - (firstRound / 2 + (2 * later([1, 1, 1, 1])) / 2)) < 1e-9);
  });

  it('scales the model by the time really spent once enough work is done', () => {
    const calls = [100, 100, 100, 100, 100, 100];
    const outlooks = [discovered(calls, 1)];
    const model = estimateRemainingMs(outlooks, 0, settings);
    const spent = calls.reduce(
      (sum, ms) => sum + cellCostMs(ms, true, true, settings),
      ESTIMATE_PROCESS_OVERHEAD_MS,
    );
    assert.ok(spent >= ESTIMATE_MIN_SPENT_MS);
    assert.ok(Math.abs(estimateRemainingMs(outlooks, 2 * spent, settings) - 2 * model) < 1e-6);
    const little = [discovered([1], 1)];
    assert.equal(
      estimateRemainingMs(little, 1e9, settings),
      estimateRemainingMs(little, 0, settings),
      'too little done to scale by',
    );
  });
});
