import { add, suite } from 'benny';
import type { Measure } from '../lib/types.ts';
import { WARMUP_ITERATIONS } from './constants.ts';

/**
 * benchmark.js `minTime`: the shortest timed cycle, s. benchmark.js would pick
 * max(timer resolution / 2 / 1%, 0.05 s); the 50 ms floor is for millisecond browser timers. With
 * process.hrtime its own 1% rule asks for microseconds, so 5 ms keeps every sample far above the
 * timer's resolution while fitting the profiles' sampling times (40 ms to 1 s per cell).
 */
export const BENNY_MIN_TIME_S = 0.005;

/** The part of a benchmark.js Benchmark this backend reads (@types/benchmark is not installed). */
interface TimedBenchmark {
  /** Seconds per operation, one entry per sample, in the order they were taken. */
  stats: { sample: number[] };
}

/** The part of a benchmark.js Suite this backend touches. */
interface BennySuite {
  off(type: string): BennySuite;
  on(type: 'cycle', listener: (event: { target: TimedBenchmark }) => void): BennySuite;
}

/**
 * Runs `operation` until at least `warmupMs` have passed and it ran `WARMUP_ITERATIONS` times, as
 * tinybench's warm-up does (benchmark.js has none: its calibration cycles are its only warm-up).
 */
function warmUp(operation: () => void, warmupMs: number): void {
  if (warmupMs <= 0) return;
  const start = performance.now();
  for (let runs = 0; runs < WARMUP_ITERATIONS || performance.now() - start < warmupMs; runs++) operation();
}

/**
 * A second backend, through benny (which wraps benchmark.js), with the contract of
 * `measureWithTinybench`: each returned number is the duration of one run of `batch` calls, ms.
 *
 * benchmark.js batches on top of our batch. Its "operation" is the function it is given, here one
 * run of our batch loop. Each sample is one cycle of `count` operations, with `count` grown until the
 * cycle lasts at least `minTime` ({@link BENNY_MIN_TIME_S}); it records the cycle's seconds per
 * operation. So a sample is already a mean over `count` batches, and seconds per operation times
 * 1000 is ms per batch.
 *
 * Options: `min_samples` is `minSamples`, `time_ms` is `maxTime` (s). benchmark.js only starts the
 * `maxTime` clock at the `minSamples`-th sample, so sampling lasts about (`min_samples` - 1) samples
 * plus `time_ms`: never shorter than tinybench's, often longer. With `time_ms` 0 it stops at the
 * first check, after exactly `min_samples` samples. `warmup_ms` is honoured by running the batch
 * before benchmark.js starts.
 *
 * Untimed extra runs of the batch: one when benny adds the case (it calls the function to see
 * whether it returns a promise) and one before every timed cycle (benchmark.js's pretest). For a
 * cell over the budget (one call per cycle) that makes about twice the calls tinybench makes.
 *
 * benny prints "Running ... suite" from a `start` listener it puts on the suite: the last entry
 * removes that listener, so nothing is printed and console is left alone. No `cycle`, `complete` or
 * `save` entry is used, so nothing else is printed and no file is written. Samples are copied when
 * the suite's `cycle` event fires, before benny's summary sorts them in place, so time order is kept.
 *
 * Errors: benchmark.js catches an error thrown in its pretest and reports it as an event, and benny
 * rejects with that event, not the error; an error in a timed cycle escapes benchmark.js as is. The
 * batch loop therefore records the first thrown value itself, and that value is what is rethrown.
 */
export const measureWithBenny: Measure = async (call, batch, sampling) => {
  let thrown: { value: unknown } | undefined;
  const operation = (): void => {
    try {
      for (let i = 0; i < batch; i++) call();
    } catch (error) {
      thrown ??= { value: error };
      throw error;
    }
  };
  warmUp(operation, sampling.warmup_ms);

  let samplesS: number[] | undefined;
  const quietAndRecord = async () => (bennySuite: BennySuite) =>
    bennySuite.off('start').on('cycle', (event) => {
      samplesS = [...event.target.stats.sample];
    });
  const outcome = await suite(
    'memobench',
    add('cell', operation, {
      minSamples: sampling.min_samples,
      maxTime: sampling.time_ms / 1e3,
      minTime: BENNY_MIN_TIME_S,
      initCount: 1,
    }),
    quietAndRecord,
  ).then(
    () => ({ ok: true as const }),
    (reason: unknown) => ({ ok: false as const, reason }),
  );

  if (thrown !== undefined) throw thrown.value;
  if (!outcome.ok) {
    throw outcome.reason instanceof Error
      ? outcome.reason
      : new Error(`benny failed: ${String(outcome.reason)}`, { cause: outcome.reason });
  }
  if (samplesS === undefined || samplesS.length === 0) throw new Error('benny returned no samples');
  return samplesS.map((secondsPerBatch) => secondsPerBatch * 1e3);
};
