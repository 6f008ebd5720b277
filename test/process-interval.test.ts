import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPrior } from '../checks/moderated.ts';
import { MIN_PROCESS_SD } from '../lib/interval-constants.ts';
import {
  disagreementHalfWidth,
  estimateShare,
  processInterval,
  summarizeProcesses,
} from '../lib/process-interval.ts';
import { createRng } from '../lib/random.ts';
import { ratioInterval } from '../lib/ratio-interval.ts';
import { studentQuantileTwoSided } from '../lib/special.ts';
import { median, medianInterval } from '../lib/stats.ts';
import { trimInflation } from '../lib/trimmed-log-mean.ts';
import type { ProcessPrior } from '../lib/types.ts';
import {
  coverage,
  HARSH_WORLD,
  hierarchicalBootstrapInterval,
  type ProcessWorld,
  pooledInterval,
  runIntervals,
  simulatedCells,
  simulatedRun,
  TYPICAL_WORLD,
} from './process-simulation.ts';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

/** A prior with one typical between-process standard deviation (log units) at every duration. */
const flatPrior = (sd: number, df: number): ProcessPrior => ({
  knots: [{ duration_ns: 1000, variance_log: sd ** 2 }],
  df,
  cells: 100,
});

describe('summarizeProcesses()', () => {
  it('takes each process median, sets the slowest of three aside and reports both spreads', () => {
    const summary = summarizeProcesses([
      [99, 100, 101],
      [109, 110, 111],
      [119, 120, 121],
    ]);
    assert.deepEqual(summary.process_medians_ns, [100, 110, 120]);
    assert.equal(summary.processes, 3);
    assert.equal(summary.kept, 2);
    close(summary.log_estimate, (Math.log(100) + Math.log(110)) / 2, 1e-12);
    close(summary.variance_log, Math.log(1.1) ** 2 / 2, 1e-12);
    // sd of (100, 110, 120) over their mean; MAD / median 1%, 0.91%, 0.83% -> 0.91%.
    close(summary.spread_between_pct, (100 * 10) / 110, 1e-9);
    close(summary.spread_within_pct, 100 / 110, 1e-9);
  });

  it('reads the resolution of quantised samples and never reports a variance below the floor', () => {
    const step = [73.6, 73.7, 73.7, 73.7, 73.6, 73.7, 73.7];
    const quantised = summarizeProcesses([step, step, step]);
    close(quantised.resolution, 0.1 / 73.7, 1e-6);
    close(quantised.variance_log, (0.1 / 73.7) ** 2, 1e-9);
    assert.equal(quantised.df, 1);
    const constant = Array.from({ length: 50 }, () => 73.647);
    const identical = summarizeProcesses([constant, constant]);
    assert.equal(identical.resolution, 0);
    assert.equal(identical.within_variance_log, 0);
    assert.equal(identical.variance_log, MIN_PROCESS_SD ** 2);
  });

  it('needs a sample from every process', () => {
    assert.throws(() => summarizeProcesses([]), /at least one/);
    assert.throws(() => summarizeProcesses([[1], []]), /at least one/);
  });
});

describe('processInterval()', () => {
  it('is a t prediction interval for another run of as many processes, from the cell alone without a prior', () => {
    const summary = summarizeProcesses([[110], [100]]);
    const interval = processInterval(summary, null);
    const variance = Math.log(1.1) ** 2 / 2;
    // The faster of two; Var(this estimate - the other run's) = variance × 2 (1 - 1/π), 1 degree of freedom.
    const half = studentQuantileTwoSided(0.05, 1) * Math.sqrt(variance * 2 * (1 - 1 / Math.PI));
    close(interval.estimate_ns, 100, 1e-9);
    close(interval.high_ns, 100 * Math.exp(half), 1e-6);
    close(interval.low_ns, 100 * Math.exp(-half), 1e-6);
    close(interval.half_width_pct, 100 * Math.expm1(half), 1e-9);
    assert.deepEqual(
      [interval.basis, interval.df, interval.kept, interval.replicate_processes],
      ['processes', 1, 1, 2],
    );
    // A confidence interval of the true value (an infinite replicate) is √2 narrower with 2 processes.
    const confidence = processInterval(summary, null, 1e12);
    close(Math.log(confidence.high_ns / confidence.estimate_ns) * Math.SQRT2, half, 1e-6);
  });

  it('takes all but the slowest process from three on, inflating the variance of the kept ones', () => {
    const summary = summarizeProcesses([[100], [110], [120], [105]]);
    assert.equal(summary.kept, 3);
    assert.equal(summary.df, 2);
    close(estimateShare(4), trimInflation(4, 2) / 3, 1e-12);
    close(estimateShare(1), 1, 0);
    const interval = processInterval(summary, null, 8);
    close(
      interval.prediction_variance_log,
      summary.variance_log * (estimateShare(4) + estimateShare(8)),
      1e-12,
    );
  });

  it('gives one process the run prior spread, or says it rests on the one process alone', () => {
    const samples = Array.from({ length: 101 }, (_, i) => 1000 + i - 50);
    const summary = summarizeProcesses([samples]);
    const withPrior = processInterval(summary, flatPrior(0.03, 8));
    assert.equal(withPrior.basis, 'prior');
    assert.equal(withPrior.df, 8);
    // One process here, one in the other run: twice the per-process variance.
    close(withPrior.prediction_variance_log, 2 * 0.03 ** 2, 1e-12);
    const alone = processInterval(summary, null);
    assert.equal(alone.basis, 'within-process');
    assert.equal(alone.df, Number.POSITIVE_INFINITY);
    const [low, high] = medianInterval(samples);
    close(alone.low_ns, low, 1);
    close(alone.high_ns, high, 1);
    assert.ok(alone.half_width_pct < withPrior.half_width_pct / 5);
  });

  it('never gives quantised samples a zero-width interval', () => {
    const constant = Array.from({ length: 7236 }, () => 73.647);
    const interval = processInterval(summarizeProcesses([constant, constant, constant]), null);
    assert.ok(interval.high_ns > interval.low_ns);
    // kept 2 of 3 (1 df), each side's share 1.33/2: at least t(1) × MIN_PROCESS_SD × √1.33.
    assert.ok(interval.half_width_pct >= 100 * 12.7 * MIN_PROCESS_SD * Math.sqrt(1.33));
    const withPrior = processInterval(
      summarizeProcesses([constant, constant, constant]),
      flatPrior(0.02, 10),
    );
    assert.ok(withPrior.half_width_pct > 2, `${withPrior.half_width_pct}% borrows the run's 2% spread`);
  });

  it("shrinks a cell's spread towards the prior unless the prior cannot explain it", () => {
    const process = (medianNs: number) =>
      Array.from({ length: 21 }, (_, i) => medianNs * (1 + (i - 10) * 1e-4));
    const calm = summarizeProcesses([100, 100.1, 100.2, 100.1, 100].map(process));
    const prior = flatPrior(0.03, 10);
    const moderated = processInterval(calm, prior);
    const alone = processInterval(calm, null);
    assert.equal(moderated.prior_rejected, false);
    assert.ok(moderated.half_width_pct > 5 * alone.half_width_pct);
    const noisy = summarizeProcesses([100, 160, 80, 130, 95].map(process));
    const rejected = processInterval(noisy, flatPrior(0.01, 30));
    assert.equal(rejected.prior_rejected, true);
    close(rejected.df, noisy.df, 0);
  });

  it('reports processes that disagree, and covers both groups', () => {
    const process = (medianNs: number) => [medianNs * 0.98, medianNs, medianNs * 1.02];
    const summary = summarizeProcesses([113e3, 298e3, 115e3, 296e3, 112e3, 301e3].map(process));
    const interval = processInterval(summary, flatPrior(0.03, 10));
    const clusters = interval.disagreement?.clusters ?? [];
    assert.deepEqual(
      clusters.map((cluster) => cluster.processes),
      [3, 3],
    );
    close(clusters[0]?.centre_ns ?? 0, Math.cbrt(113e3 * 115e3 * 112e3), 1e-6);
    for (const cluster of clusters)
      assert.ok(interval.low_ns < cluster.centre_ns && cluster.centre_ns < interval.high_ns);
    assert.equal(processInterval(summarizeProcesses([100, 101, 99].map(process)), null).disagreement, null);
  });

  it('reaches two processes changing group in another run, and no further than the spread needs', () => {
    const process = (medianNs: number) => [medianNs * 0.999, medianNs, medianNs * 1.001];
    // Three processes at 100 ns and one at 150 ns: the estimate keeps the three; another run with
    // two more slow processes moves it by 2 x ln(1.5) / 3. A prior of 1% spread with many degrees of
    // freedom makes the moderated variance small, so this floor decides the width.
    const summary = summarizeProcesses([100, 100, 150, 100].map(process));
    assert.equal(summary.kept, 3);
    close(disagreementHalfWidth(summary), (2 * Math.log(1.5)) / 3, 1e-12);
    const interval = processInterval(summary, flatPrior(0.01, 30));
    assert.notEqual(interval.disagreement, null);
    close(interval.half_width_pct, 100 * Math.expm1((2 * Math.log(1.5)) / 3), 1e-9);
    close(interval.high_ns, 100 * Math.exp((2 * Math.log(1.5)) / 3), 1e-9);
    // Without a disagreement the same prior gives a far narrower interval.
    const calm = processInterval(summarizeProcesses([100, 100, 101, 100].map(process)), flatPrior(0.01, 30));
    assert.equal(calm.disagreement, null);
    assert.ok(calm.half_width_pct < interval.half_width_pct / 5);
  });
});

/** Two independent runs of the same cells with `processes` processes each. */
function twoRuns(world: ProcessWorld, cellCount: number, processes: number, seed: number) {
  const cells = simulatedCells(world, cellCount, seed);
  const a = simulatedRun(world, cells, processes, 2 * seed + 1);
  const b = simulatedRun(world, cells, processes, 2 * seed + 2);
  return { a, b, intervalsA: runIntervals(a), intervalsB: runIntervals(b) };
}

/** Coverage of run B's estimates by run A's intervals, and the median half-width, percent. */
function calibration(runs: ReturnType<typeof twoRuns>) {
  return {
    coverage: coverage(
      runs.intervalsA.map((interval) => ({ low: interval.low_ns, high: interval.high_ns })),
      runs.intervalsB.map((interval) => interval.estimate_ns),
    ),
    halfWidth: median(runs.intervalsA.map((interval) => interval.half_width_pct)),
  };
}

describe('processInterval() on simulated runs', () => {
  for (const processes of [2, 3, 5, 8]) {
    it(`covers another run's estimate in at least 90% of cells with ${processes} processes per cell`, (t) => {
      const result = calibration(twoRuns(TYPICAL_WORLD, 300, processes, processes));
      t.diagnostic(
        `coverage ${(100 * result.coverage).toFixed(1)}%, median half-width ${result.halfWidth.toFixed(2)}%`,
      );
      assert.ok(result.coverage >= 0.9, `coverage ${result.coverage}`);
    });
  }

  it("fails where today's interval fails: pooled samples, or one process alone, cover under half", () => {
    const three = twoRuns(TYPICAL_WORLD, 300, 3, 11);
    const pooledA = three.a.map(pooledInterval);
    const pooledB = three.b.map(pooledInterval);
    assert.ok(
      coverage(
        pooledA,
        pooledB.map((interval) => interval.estimate),
      ) < 0.5,
    );
    const one = twoRuns(TYPICAL_WORLD, 300, 1, 12);
    assert.ok(one.intervalsA.every((interval) => interval.basis === 'within-process'));
    assert.ok(calibration(one).coverage < 0.5);
  });
});

describe('the calibration table (MEMOBENCH_SWEEP=1)', () => {
  it('prints coverage and median half-width of cells and ratios, for each construction, world and process count', {
    skip: process.env.MEMOBENCH_SWEEP !== '1',
  }, (t) => {
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    for (const [name, world] of [
      ['TYPICAL_WORLD', TYPICAL_WORLD],
      ['HARSH_WORLD', HARSH_WORLD],
    ] as const) {
      for (const processes of [1, 2, 3, 5, 8]) {
        const runs = twoRuns(world, 600, processes, 100 + processes);
        const cells = calibration(runs);
        const ratiosA = [];
        const ratiosB = [];
        for (let i = 0; i + 1 < runs.intervalsA.length; i += 2) {
          ratiosA.push(ratioInterval(runs.intervalsA[i]!, runs.intervalsA[i + 1]!));
          ratiosB.push(ratioInterval(runs.intervalsB[i]!, runs.intervalsB[i + 1]!));
        }
        const ratioCoverage = coverage(
          ratiosA,
          ratiosB.map((ratio) => ratio.ratio),
        );
        const withoutPrior = runs.a.map((processes) => processInterval(summarizeProcesses(processes), null));
        const estimatesB = runs.intervalsB.map((interval) => interval.estimate_ns);
        const own = coverage(
          withoutPrior.map((interval) => ({ low: interval.low_ns, high: interval.high_ns })),
          estimatesB,
        );
        // limma's moment fit (checks/moderated.ts) in place of the likelihood fit, for comparison.
        const summaries = runs.a.map(summarizeProcesses);
        const usable = summaries.filter((summary) => summary.df >= 1);
        const limma = fitPrior(
          usable.map((summary) => summary.variance_log),
          usable.map((summary) => summary.df),
        );
        const limmaIntervals =
          usable.length === 0
            ? []
            : summaries.map((summary) =>
                processInterval(summary, flatPrior(Math.sqrt(limma.variance), limma.df)),
              );
        const pooledA = runs.a.map(pooledInterval);
        const pooledB = runs.b.map(pooledInterval);
        const rng = createRng(processes);
        const bootstrapA = runs.a.slice(0, 200).map((cell) => hierarchicalBootstrapInterval(cell, rng, 100));
        const line = [
          `${name} ${processes} processes:`,
          `cells ${percent(cells.coverage)} ±${cells.halfWidth.toFixed(2)}%`,
          `ratios ${percent(ratioCoverage)} ±${median(ratiosA.map((ratio) => ratio.half_width_pct)).toFixed(2)}%`,
          `no prior ${percent(own)} ±${median(withoutPrior.map((interval) => interval.half_width_pct)).toFixed(2)}%`,
          limmaIntervals.length === 0
            ? ''
            : `limma prior ${percent(
                coverage(
                  limmaIntervals.map((interval) => ({ low: interval.low_ns, high: interval.high_ns })),
                  estimatesB,
                ),
              )} ±${median(limmaIntervals.map((interval) => interval.half_width_pct)).toFixed(2)}%`,
          `bootstrap ${percent(coverage(bootstrapA, estimatesB))} ±${median(bootstrapA.map((b) => 100 * (Math.sqrt(b.high / b.low) - 1))).toFixed(2)}%`,
          `pooled samples ${percent(
            coverage(
              pooledA,
              pooledB.map((interval) => interval.estimate),
            ),
          )} ±${median(pooledA.map((p) => 100 * (Math.sqrt(p.high / p.low) - 1))).toFixed(2)}%`,
        ];
        t.diagnostic(line.filter((part) => part !== '').join('  '));
      }
    }
  });
});
