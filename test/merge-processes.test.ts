import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  annotateRunnerDiff,
  MAX_MERGED_SAMPLES,
  mergeCells,
  mergeProcesses,
} from '../lib/merge-processes.ts';
import type { OkCell } from '../lib/types.ts';
import { expectOk, failedCell, field, okCell, skippedCell } from './helpers.ts';

const withSamples = (median: number, mad: number): OkCell => ({
  ...okCell('map', 10, median),
  mad_ns: mad,
  samples_ns: [median - mad, median, median + mad],
  calls: 19,
  cache_entries: 9,
  retained_bytes: 1000 + median,
});

describe('mergeProcesses()', () => {
  it('pools samples and puts the spread between processes beside the spread within one', () => {
    const merged = expectOk(mergeProcesses([withSamples(100, 1), withSamples(110, 2), withSamples(120, 3)]));
    assert.equal(merged.processes, 3);
    assert.deepEqual(merged.process_medians_ns, [100, 110, 120]);
    assert.equal(merged.median_ns, 110);
    assert.equal(merged.samples, 9);
    // sd of (100, 110, 120) = 10, over the mean 110.
    assert.ok(Math.abs((merged.spread_between_pct ?? 0) - 100 * (10 / 110)) < 1e-9);
    // MAD/median per process: 1%, 1.818%, 2.5% -> median 1.818%.
    assert.ok(Math.abs((merged.spread_within_pct ?? 0) - 100 * (2 / 110)) < 1e-9);
    assert.equal(merged.retained_bytes, 1110);
    assert.equal(merged.calls, 19);
  });

  it('gives a lone process its interval from its own samples, and keeps a cell merged before as it is', () => {
    const cell = withSamples(100, 1);
    const lone = expectOk(mergeProcesses([cell]));
    assert.deepEqual(
      [lone.median_ns, lone.interval_basis, lone.processes, lone.calls],
      [100, 'within-process', undefined, 19],
    );
    assert.ok(Math.abs((lone.estimate_ns ?? 0) - 100) < 1e-9, 'its median');
    assert.ok(lone.ci_low_ns < 100 && lone.ci_high_ns > 100);
    assert.equal(mergeProcesses([lone]), lone, 'merged before (or read from a file)');
  });

  it('gives a cell of several processes their estimate and a prediction interval around it', () => {
    const merged = expectOk(mergeProcesses([withSamples(100, 1), withSamples(102, 1), withSamples(104, 1)]));
    // All but the slowest: the geometric mean of 100 and 102.
    assert.ok(Math.abs((merged.estimate_ns ?? 0) - Math.sqrt(100 * 102)) < 1e-9);
    assert.equal(merged.interval_basis, 'processes');
    assert.ok(merged.ci_low_ns < (merged.estimate_ns ?? 0) && (merged.estimate_ns ?? 0) < merged.ci_high_ns);
    const wider = expectOk(mergeProcesses([withSamples(100, 1), withSamples(110, 1), withSamples(120, 1)]));
    assert.ok(wider.ci_high_ns / (wider.estimate_ns ?? 1) > merged.ci_high_ns / (merged.estimate_ns ?? 1));
  });

  it('names processes that fall into groups far apart', () => {
    const merged = expectOk(
      mergeProcesses([withSamples(100, 1), withSamples(101, 1), withSamples(300, 1), withSamples(302, 1)]),
    );
    assert.match(merged.message ?? '', /processes disagree: 2 at 100 ns, 2 at 301 ns/);
  });

  it('names the processes that failed beside the ones that succeeded', () => {
    const merged = expectOk(mergeProcesses([withSamples(100, 1), failedCell('map', 10, 'stack-overflow')]));
    assert.equal(merged.processes, undefined, 'one ok process has no spread between processes');
    assert.equal(merged.interval_basis, 'within-process');
    assert.match(merged.message ?? '', /stack-overflow in 1 of 2 processes/);
  });

  it('reports a wrong answer in any process as the cell’s status: it was not verified there', () => {
    const merged = mergeProcesses([
      withSamples(100, 1),
      failedCell('map', 10, 'wrong-answer'),
      withSamples(100, 1),
    ]);
    assert.equal(merged.status, 'wrong-answer');
    assert.match(merged.message, /\(in 1 of 3 processes\)$/);
  });

  it('reports the most severe status when no process succeeded', () => {
    const merged = mergeProcesses([skippedCell('map', 10), failedCell('map', 10, 'crashed')]);
    assert.equal(merged.status, 'crashed');
  });

  it('takes counts, memory and notes from the process that counted (round 1), medians from all', () => {
    const { calls: _c, cache_entries: _e, retained_bytes: _r, ...untimedFields } = withSamples(99, 1);
    const later: OkCell = {
      ...untimedFields,
      counts_note: 'counted in the first round only',
      memory_note: 'measured in the first round only',
    };
    const merged = expectOk(mergeProcesses([later, withSamples(100, 1), later]));
    assert.deepEqual([merged.calls, merged.counts_note, merged.memory_note], [19, undefined, undefined]);
    assert.equal(merged.retained_bytes, 1100, 'the one process that measured memory');
    assert.deepEqual(merged.process_medians_ns, [99, 100, 99]);
    assert.equal(merged.message, undefined, 'counts missing from later rounds are not a difference');
  });

  it('ranks over-budget below every failure and above skipped', () => {
    const over = {
      ...skippedCell('map', 10),
      status: 'over-budget' as const,
      verify_ms: 70,
      message: 'one call took 70.0 ms, over the 50 ms budget',
    };
    const { skip_reason: _, ...overBudget } = over;
    assert.equal(mergeProcesses([skippedCell('map', 10), overBudget]).status, 'over-budget');
    assert.equal(
      mergeProcesses([overBudget, failedCell('map', 10, 'stack-overflow')]).status,
      'stack-overflow',
    );
  });

  it('flags counts that differ between processes (they must be exact)', () => {
    const merged = mergeProcesses([withSamples(100, 1), { ...withSamples(100, 1), calls: 20 }]);
    assert.match(merged.message ?? '', /operation counts differed/);
  });
});

describe('mergeCells()', () => {
  it('orders cells as planned whatever order the jobs ran in', () => {
    const order = ['fixture/naive/tinybench', 'fixture/map/tinybench'];
    const merged = mergeCells(
      [okCell('map', 20, 2), okCell('naive', 20, 9), okCell('map', 10, 1), okCell('naive', 10, 5)],
      order,
    );
    assert.deepEqual(
      merged.map((cell) => `${cell.variant}@${cell.n}`),
      ['naive@10', 'naive@20', 'map@10', 'map@20'],
    );
  });

  it('merges a group again only when it grew, and then from all its processes', () => {
    const order = ['fixture/map/tinybench'];
    const raw = [withSamples(100, 1), withSamples(120, 3)];
    const [first] = mergeCells(raw, order);
    assert.deepEqual(mergeCells([...raw], order)[0], first, 'an unchanged group merges to the same cell');
    raw.push(withSamples(110, 2));
    const [grown] = mergeCells(raw, order);
    assert.notEqual(grown, first);
    assert.deepEqual(field(grown, 'process_medians_ns'), [100, 120, 110]);
    assert.deepEqual(field(first, 'process_medians_ns'), [100, 120]);
  });
});

describe('mergeCells() intervals', () => {
  it('moderates each cell by a prior fitted over the whole run: a cell of two close processes is not ±0%', () => {
    // 30 cells whose processes differ by about 5%, and one whose two processes happen to agree.
    const spread = (n: number, k: number) => withSamples(100 * (1 + 0.05 * Math.sin(n * 7 + k * 3)), 1);
    const raw = Array.from({ length: 30 }, (_, i) => i + 1).flatMap((n) =>
      [0, 1, 2].map((k) => ({ ...spread(n, k), n })),
    );
    const calm = [
      { ...withSamples(100, 1), n: 99 },
      { ...withSamples(100.01, 1), n: 99 },
    ];
    const alone = expectOk(mergeProcesses(calm));
    const inRun = expectOk(
      mergeCells([...raw, ...calm], ['fixture/map/tinybench']).find((cell) => cell.n === 99),
    );
    assert.ok(
      inRun.ci_high_ns / (inRun.estimate_ns ?? 1) > alone.ci_high_ns / (alone.estimate_ns ?? 1),
      'the run knows processes differ more than these two show',
    );
  });

  it('keeps at most MAX_MERGED_SAMPLES samples, an even share from each process', () => {
    const many = (median: number) => ({
      ...withSamples(median, 1),
      samples_ns: Array.from({ length: 1000 }, (_, i) => median + (i % 7)),
    });
    const merged = expectOk(mergeProcesses([many(100), many(101), many(102), many(103)]));
    assert.equal(merged.samples_ns?.length, MAX_MERGED_SAMPLES);
    assert.equal(merged.samples, 4000, 'the statistics use every stored sample');
  });
});

describe('annotateRunnerDiff()', () => {
  it('gives each benny cell its median relative to tinybench on the same cell', () => {
    const cells = annotateRunnerDiff([
      okCell('map', 10, 100),
      { ...okCell('map', 10, 110), runner: 'benny' },
    ]);
    assert.equal(field(cells[0], 'runner_diff_pct'), undefined);
    assert.ok(Math.abs((expectOk(cells[1]).runner_diff_pct ?? 0) - 10) < 1e-9);
  });
});
