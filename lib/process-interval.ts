/**
 * The process-level interval of a cell: what another run would report.
 *
 * Quantity. The 95% PREDICTION interval of the estimate that an independent run of the same code
 * on the same machine, with `replicateProcesses` processes (default: as many as this run), would
 * report. Issue 12 measured two runs: the order-statistics interval of the median of one process
 * held the other run's median in 13% of cells, because processes differ far more (3.8% in the
 * median cell, JIT outcomes 2.6x apart) than samples within one. A confidence interval for the true
 * value would not do either: another run's estimate has its own error, so at equal variance it
 * falls inside a 95% confidence interval only ~83% of the time; the prediction interval is wider
 * by sqrt(1 + k/k') (√2 for k' = k).
 *
 * Estimator. Each process gives the median of its samples; the cell's estimate is the geometric
 * mean of the process medians but the slowest (of two: the faster; the same centre as the ab
 * comparison's from 4 processes on, lib/trimmed-log-mean.ts). Log scale, because a process effect
 * multiplies a time and the reported quantities are ratios; the slowest set aside, because
 * disturbed processes are slower and never faster (RUN_TRIM_FROM gives the simulated gain).
 *
 * Interval. log estimate ± t(df) × sqrt(v × (share(k) + share(k'))), where v is the variance of one
 * log process median and share(r) what r processes make of it (estimateShare: 1/r, the faster of
 * two 1 - 1/π, the trimmed mean inflated for trimming). v is the cell's own sample variance
 * (d = kept - 1 degrees of freedom; both processes' with two), never below what its medians can
 * resolve (each one's error from its own samples, the step of quantised samples, MIN_PROCESS_SD:
 * no zero-width interval), moderated by a prior fitted over all cells of the run
 * (process-prior.ts: limma's empirical Bayes, v = (d0 s0² + d s²) / (d0 + d) with d0 + d degrees of
 * freedom, s0² following the cell's duration). With 2-3 processes a cell's own variance has 1
 * degree of freedom (t = 12.7); hundreds of cells on one machine know the typical spread better.
 * A cell whose spread is improbable under the prior (PRIOR_OUTLIER_P) uses its own alone.
 * Processes that disagree (process-modes.ts) are reported, with their groups, and the interval
 * reaches at least DISAGREEMENT_SWAPS processes changing group in another run
 * (disagreementHalfWidth): another run mixes the groups in other proportions.
 *
 * One process: with a prior, the prior's variance (basis `prior`): what another run would see if
 * this cell spreads like its neighbours in duration, which it may not. Without one (a run of one
 * process per cell has no spread to fit), only the order-statistics interval of that process's
 * median (basis `within-process`): it says nothing about another run (23% coverage below).
 *
 * Why not a bootstrap. Resampling 2-5 processes (then samples within them) knows only the spread
 * those few show and has no t correction: its prediction intervals covered 48-78% at 2-5
 * processes. Calibration (test/process-interval.test.ts, MEMOBENCH_SWEEP=1; two independent runs
 * of 600 simulated cells, test/process-simulation.ts; coverage of run B's estimates by run A's
 * intervals, and A's median half-width):
 *
 *   processes per cell              1        2        3        5        8
 *   TYPICAL_WORLD  this      23% ±0.9  96% ±16  96% ±13  95% ±9.1 94% ±6.2
 *                  ratios    22% ±1.9  97% ±27  96% ±25  95% ±17  96% ±12
 *                  no prior     -      97% ±57  98% ±49  94% ±11  93% ±6.8
 *                  limma fit    -      90% ±11  92% ±8.6 95% ±8.6 94% ±6.0
 *                  bootstrap    -      48% ±3.8 73% ±5.3 78% ±5.7 89% ±5.1
 *                  pooled    21% ±0.8  33% ±1.6 28% ±0.9 27% ±0.9 32% ±0.7
 *   HARSH_WORLD    this      17% ±0.9  95% ±26  95% ±20  94% ±20  94% ±14
 *                  ratios    16% ±1.7  96% ±65  95% ±53  95% ±39  95% ±26
 *
 * ("pooled": today's order-statistics interval of all samples pooled; "no prior": the same
 * construction from the cell alone; "limma fit": the prior fitted as checks/moderated.ts does,
 * narrower but at 90% with 2 processes; bootstrap on 200 cells.) HARSH_WORLD, with a third of the
 * cells bimodal and 8% of processes disturbed, is closer to issue 12's tail; its intervals are wide
 * because its processes are. The other constants are in interval-constants.ts, each with its reason.
 */
import {
  DISAGREEMENT_SWAPS,
  INTERVAL_ALPHA,
  MIN_PROCESS_SD,
  PRIOR_OUTLIER_P,
  RUN_TRIM_FROM,
} from './interval-constants.ts';
import { processDisagreement } from './process-modes.ts';
import { priorVarianceAt } from './process-prior.ts';
import { fUpperTail, studentQuantileTwoSided } from './special.ts';
import { median, medianInterval, quantile } from './stats.ts';
import { keptProcesses, trimInflation, trimmedLogMean } from './trimmed-log-mean.ts';
import type { ProcessInterval, ProcessPrior, ProcessSummary } from './types.ts';

/** The 97.5% quantile of the standard normal: medianInterval's order statistics are n/2 ± this·√n/2. */
const Z_975 = 1.959964;

/** One process's median, the squared standard error of its log from its samples, MAD / median and resolution. */
function processFigures(samplesNs: readonly number[]) {
  const sorted = [...samplesNs].sort((x, y) => x - y);
  const medianNs = quantile(sorted, 0.5);
  const [low, high] = medianInterval(sorted);
  // Quantised samples repeat values; only then is the smallest step a resolution (between distinct
  // continuous samples it only reflects how few there are).
  let step = Number.POSITIVE_INFINITY;
  let ties = false;
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i] as number) - (sorted[i - 1] as number);
    if (gap === 0) ties = true;
    else if (gap < step) step = gap;
  }
  return {
    medianNs,
    // The order-statistics interval read as ±1.96 standard errors of the log median.
    withinVariance: ((Math.log(high) - Math.log(low)) / (2 * Z_975)) ** 2,
    madRatio: median(sorted.map((x) => Math.abs(x - medianNs))) / medianNs,
    resolution: ties && Number.isFinite(step) ? step / medianNs : 0,
  };
}

/** Sample variance of the logs of values (log units squared). */
function logVariance(values: readonly number[]): number {
  const logs = values.map(Math.log);
  const mean = logs.reduce((sum, x) => sum + x, 0) / logs.length;
  return logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (logs.length - 1);
}

/** Var(min of two independent normals) / their variance (1 - 1/π). */
const MIN_OF_TWO_VARIANCE = 1 - 1 / Math.PI;

/**
 * Var(log estimate of a cell measured in r processes) / the variance of one log process median,
 * as estimated by a summary's variance_log: the mean of r below RUN_TRIM_FROM; the faster of two
 * (variance_log from both); the mean of all but the slowest from 3 on (variance_log from those,
 * which are less spread than the processes are, hence the inflation: lib/trimmed-log-mean.ts).
 */
export function estimateShare(processes: number): number {
  if (processes < RUN_TRIM_FROM) return 1 / processes;
  if (processes === 2) return MIN_OF_TWO_VARIANCE;
  return trimInflation(processes, RUN_TRIM_FROM) / keptProcesses(processes, RUN_TRIM_FROM);
}

/** The least variance of a log process median a cell can claim: its samples' own error, its resolution, MIN_PROCESS_SD. */
export function varianceFloor(summary: Pick<ProcessSummary, 'within_variance_log' | 'resolution'>): number {
  return Math.max(summary.within_variance_log, summary.resolution ** 2, MIN_PROCESS_SD ** 2);
}

/**
 * The least half-width (log units) of a cell whose processes disagree: DISAGREEMENT_SWAPS times
 * what one process changing group moves the estimate by, the farthest process's distance from the
 * estimate over the processes the estimate keeps.
 */
export function disagreementHalfWidth(
  summary: Pick<ProcessSummary, 'process_medians_ns' | 'log_estimate' | 'kept'>,
): number {
  const logs = summary.process_medians_ns.map(Math.log);
  const farthest = Math.max(...logs.map((log) => Math.abs(log - summary.log_estimate)));
  return (DISAGREEMENT_SWAPS * farthest) / summary.kept;
}

/** Summarises one cell's samples (ns per call), one array per process, each with at least one sample. */
export function summarizeProcesses(samplesNs: readonly (readonly number[])[]): ProcessSummary {
  if (samplesNs.length === 0 || samplesNs.some((samples) => samples.length === 0))
    throw new Error('summarizeProcesses needs at least one sample from each of at least one process');
  const figures = samplesNs.map(processFigures);
  const medians = figures.map((figure) => figure.medianNs);
  const trimmed = trimmedLogMean(medians.map(Math.log), RUN_TRIM_FROM);
  // One kept of two: the spread of both is the only spread there is.
  const spread =
    trimmed.kept >= 2
      ? { variance: trimmed.squares / (trimmed.kept - 1), df: trimmed.kept - 1 }
      : { variance: logVariance(medians), df: medians.length - 1 };
  const mean = medians.reduce((sum, x) => sum + x, 0) / medians.length;
  const sd =
    medians.length > 1
      ? Math.sqrt(medians.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (medians.length - 1))
      : 0;
  // The finest step of any quantised process (a cell measured with one batch size has one step).
  const finest = Math.min(...figures.map((figure) => figure.resolution || Number.POSITIVE_INFINITY));
  const floorOf = {
    within_variance_log: figures.reduce((sum, figure) => sum + figure.withinVariance, 0) / figures.length,
    resolution: Number.isFinite(finest) ? finest : 0,
  };
  return {
    processes: medians.length,
    process_medians_ns: medians,
    spread_between_pct: (100 * sd) / mean,
    spread_within_pct: 100 * median(figures.map((figure) => figure.madRatio)),
    log_estimate: trimmed.mean,
    kept: trimmed.kept,
    variance_log: spread.df > 0 ? Math.max(spread.variance, varianceFloor(floorOf)) : Number.NaN,
    df: spread.df,
    ...floorOf,
  };
}

/**
 * The cell's estimate and the 95% prediction interval of the estimate an independent run with
 * `replicateProcesses` processes would report (default: as many as this one), under the run's
 * prior when one was fitted (fitProcessPrior over all cells of the run), else from the cell alone.
 */
export function processInterval(
  summary: ProcessSummary,
  prior: ProcessPrior | null,
  replicateProcesses: number = summary.processes,
): ProcessInterval {
  const estimate = Math.exp(summary.log_estimate);
  const floor = varianceFloor(summary);
  const priorVariance = prior === null ? Number.NaN : Math.max(priorVarianceAt(prior, estimate), floor);
  const disagreement = processDisagreement(
    summary.process_medians_ns,
    Math.sqrt(prior === null ? floor : priorVariance),
  );
  const replicateShare = estimateShare(replicateProcesses);
  let variance: number;
  let df: number;
  let share: number;
  let priorRejected = false;
  let basis: ProcessInterval['basis'] = 'processes';
  if (summary.df >= 1) {
    const own = summary.variance_log;
    const d = summary.df;
    priorRejected = prior !== null && fUpperTail(own / priorVariance, d, prior.df) < PRIOR_OUTLIER_P;
    const d0 = prior === null || priorRejected ? 0 : prior.df;
    variance = d0 > 0 ? (d0 * priorVariance + d * own) / (d0 + d) : own;
    df = d0 + d;
    share = estimateShare(summary.processes) + replicateShare;
  } else if (prior !== null) {
    basis = 'prior';
    variance = priorVariance;
    df = prior.df;
    share = 1 + replicateShare;
  } else {
    basis = 'within-process';
    variance = floor;
    df = Number.POSITIVE_INFINITY;
    share = 1;
  }
  const tQuantile = studentQuantileTwoSided(INTERVAL_ALPHA, df);
  // Processes in groups: another run mixes the groups in other proportions. Its estimate moves by
  // (the farthest process's distance from this estimate) / kept for each process that lands in the
  // other group: the interval reaches at least DISAGREEMENT_SWAPS such moves.
  const leastHalf = disagreement === null || summary.df < 1 ? 0 : disagreementHalfWidth(summary);
  const predictionVariance = Math.max(variance * share, (leastHalf / tQuantile) ** 2);
  const half = tQuantile * Math.sqrt(predictionVariance);
  return {
    processes: summary.processes,
    process_medians_ns: summary.process_medians_ns,
    spread_between_pct: summary.spread_between_pct,
    spread_within_pct: summary.spread_within_pct,
    estimate_ns: estimate,
    low_ns: estimate * Math.exp(-half),
    high_ns: estimate * Math.exp(half),
    half_width_pct: 100 * Math.expm1(half),
    basis,
    prediction_variance_log: predictionVariance,
    df,
    kept: summary.kept,
    replicate_processes: replicateProcesses,
    prior_rejected: priorRejected,
    disagreement,
  };
}
