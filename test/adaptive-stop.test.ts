import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_STOP, stopDecision } from '../lib/adaptive-stop.ts';
import { MAX_PROCESSES, MIN_PROCESSES, TARGET_HALF_WIDTH_PCT } from '../lib/interval-constants.ts';
import { median } from '../lib/stats.ts';
import type { ProcessInterval, StopSettings } from '../lib/types.ts';
import {
  coverage,
  runIntervals,
  type SimulatedCell,
  simulatedCells,
  simulatedMachine,
  TYPICAL_WORLD,
} from './process-simulation.ts';

const widths = (...halfWidthsPct: number[]) => halfWidthsPct.map((half_width_pct) => ({ half_width_pct }));

describe('stopDecision()', () => {
  it('continues below the minimum, however narrow the intervals', () => {
    assert.deepEqual(stopDecision(widths(0.5, 1), MIN_PROCESSES - 1), {
      stop: false,
      reason: 'minimum',
      widest_pct: 1,
    });
  });

  it('stops once every interval is within the target, and continues while one is not', () => {
    assert.deepEqual(stopDecision(widths(1, TARGET_HALF_WIDTH_PCT), MIN_PROCESSES), {
      stop: true,
      reason: 'target',
      widest_pct: TARGET_HALF_WIDTH_PCT,
    });
    assert.deepEqual(stopDecision(widths(1, TARGET_HALF_WIDTH_PCT + 0.1), MIN_PROCESSES), {
      stop: false,
      reason: 'wide',
      widest_pct: TARGET_HALF_WIDTH_PCT + 0.1,
    });
    // A ladder whose every cell failed has nothing to wait for.
    assert.equal(stopDecision([], MIN_PROCESSES).reason, 'target');
  });

  it('stops at the cap, however wide the intervals', () => {
    assert.deepEqual(stopDecision(widths(40), MAX_PROCESSES), { stop: true, reason: 'cap', widest_pct: 40 });
    const custom: StopSettings = { min_processes: 2, max_processes: 4, target_half_width_pct: 10 };
    assert.equal(stopDecision(widths(8), 2, custom).reason, 'target');
    assert.equal(stopDecision(widths(12), 3, custom).reason, 'wide');
    assert.equal(stopDecision(widths(12), 4, custom).reason, 'cap');
    assert.equal(DEFAULT_STOP.target_half_width_pct, TARGET_HALF_WIDTH_PCT);
  });
});

const LADDER_CELLS = 4;

/**
 * An adaptive run as the run would make it: rounds of one process for every ladder (LADDER_CELLS
 * neighbouring cells) still going; after each round the prior is refitted over all cells and
 * every ladder asks stopDecision whether it is done.
 */
function adaptiveRun(cells: readonly SimulatedCell[], seed: number, settings: StopSettings) {
  const measure = simulatedMachine(TYPICAL_WORLD, cells, seed);
  const samples: number[][][] = cells.map(() => []);
  const going = new Set(
    Array.from({ length: Math.ceil(cells.length / LADDER_CELLS) }, (_, ladder) => ladder),
  );
  const reasons: string[] = [];
  let intervals: ProcessInterval[] = [];
  for (let round = 1; going.size > 0; round++) {
    for (const ladder of going)
      for (
        let cell = ladder * LADDER_CELLS;
        cell < Math.min(cells.length, (ladder + 1) * LADDER_CELLS);
        cell++
      )
        samples[cell]?.push(measure(cell));
    intervals = runIntervals(samples);
    for (const ladder of [...going]) {
      const decision = stopDecision(
        intervals.slice(ladder * LADDER_CELLS, (ladder + 1) * LADDER_CELLS),
        round,
        settings,
      );
      if (decision.stop) {
        going.delete(ladder);
        reasons.push(decision.reason);
      }
    }
  }
  return { intervals, reasons };
}

describe('stopDecision() in simulated adaptive runs', () => {
  it('keeps coverage of another adaptive run at 90% or more while stopping calm ladders early', (t) => {
    const cells = simulatedCells(TYPICAL_WORLD, 160, 60);
    const settings: StopSettings = { min_processes: 3, max_processes: 8, target_half_width_pct: 10 };
    const a = adaptiveRun(cells, 1, settings);
    const b = adaptiveRun(cells, 2, settings);
    const share = coverage(
      a.intervals.map((interval) => ({ low: interval.low_ns, high: interval.high_ns })),
      b.intervals.map((interval) => interval.estimate_ns),
    );
    const processes = a.intervals.map((interval) => interval.processes);
    const early = a.reasons.filter((reason) => reason === 'target').length;
    t.diagnostic(
      `coverage ${(100 * share).toFixed(1)}%, median half-width ${median(a.intervals.map((interval) => interval.half_width_pct)).toFixed(2)}%, ` +
        `mean processes ${(processes.reduce((sum, x) => sum + x, 0) / processes.length).toFixed(2)}, ${early} of ${a.reasons.length} ladders stopped at the target`,
    );
    assert.ok(share >= 0.9, `coverage ${share}`);
    assert.ok(processes.every((count) => count >= 3 && count <= 8));
    assert.ok(early > 0 && early < a.reasons.length);
  });
});
