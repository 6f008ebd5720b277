import { messageOf } from '../lib/errors.ts';
import { consume } from '../lib/sink.ts';
import { summarize, thin } from '../lib/stats.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, Cell, Measure, RunnerName, RunOptions, SkipReason, Suite } from '../lib/types.ts';
import { batchSize, estimateCallNs, perCallNs } from './batch.ts';
import { MAX_STORED_SAMPLES, NO_CALIBRATION_MS, OVER_BUDGET_SAMPLES } from './constants.ts';
import { watchGc } from './gc-watch.ts';
import type { InputStore } from './inputs.ts';
import type { CountingCode } from './instrumented.ts';
import { exposedGc, measureMemory } from './memory.ts';
import { buildOperation } from './operation.ts';
import { type LadderPoint, predictCallNs } from './predict.ts';
import { answerText, checkAnswer, classifyError, isStackOverflow } from './verify.ts';

/** A size is given up without running when even the power-law prediction exceeds the budget this many times. */
export const HOPELESS_FACTOR = 20;

/** What one ladder needs besides the suite and variant. */
export interface LadderContext<I> {
  suite: Suite<I>;
  variant: string;
  sizes: readonly number[];
  options: Pick<
    RunOptions,
    'budget_ms' | 'time_ms' | 'warmup_ms' | 'min_samples' | 'memory_readings' | 'cache_mode' | 'seed'
  >;
  /** The backend that times this ladder. */
  runner: RunnerName;
  inputs: InputStore<I>;
  measure: Measure;
  /** A separate copy of the suite's code for the counting pass; without it the timed code is counted (tests). */
  counting?: CountingCode;
  /** Milliseconds from an arbitrary origin, for the verified call's duration; tests inject a fake clock. */
  clock?: () => number;
  /** Called before each size is attempted (progress display, the parent's time-out). */
  onCellStart?: (n: number) => void;
}

/** Why a ladder stopped climbing, carried into the skipped cells above. */
interface Stop {
  reason: SkipReason;
  message: string;
}

/**
 * Climbs one variant's size ladder, yielding one cell per size. At each size: verify one call
 * against the reference, take exact counts in a separate instrumented pass, time the plain code,
 * then measure memory. A wrong answer, an error or a stack overflow ends the climb, and so does a
 * verified call over the budget (after that cell is timed); later sizes are yielded as `skipped`
 * with the reason. Nothing a variant does escapes as an exception.
 */
export async function* climbLadder<I>(context: LadderContext<I>): AsyncGenerator<Cell> {
  const { suite, variant, sizes, options, inputs, measure } = context;
  const factory = suite.variants[variant];
  const clock = context.clock ?? (() => performance.now());
  const base = { suite: suite.id, variant, runner: context.runner, cache_mode: options.cache_mode } as const;
  const points: LadderPoint[] = [];
  /** The last counted size: how much longer its instrumented pass took than its verified call. */
  let countingPace: CountingPace | undefined;
  let stopped: Stop | undefined;
  if (options.cache_mode === 'sequence' && suite.sequence !== true) {
    stopped = {
      reason: 'not-applicable',
      message: 'no sequence mode: the suite’s cache is tied to one input',
    };
  }
  const fail = (n: number, error: unknown, result?: string, while_?: string): Cell => {
    const { status, message } = classifyError(error);
    stopped = {
      reason: status === 'stack-overflow' ? 'stack-overflow' : 'error',
      message: `failed at n = ${n}`,
    };
    return {
      ...base,
      n,
      status,
      ...(result === undefined ? {} : { result }),
      message: while_ ? `${while_}: ${message}` : message,
    };
  };

  for (const n of sizes) {
    context.onCellStart?.(n);
    if (stopped !== undefined) {
      yield { ...base, n, status: 'skipped', skip_reason: stopped.reason, message: stopped.message };
      continue;
    }
    const predicted = predictCallNs(points, n);
    if (predicted !== undefined && predicted > HOPELESS_FACTOR * options.budget_ms * 1e6) {
      stopped = {
        reason: 'budget',
        message: `predicted ${(predicted / 1e6).toPrecision(3)} ms per call at n = ${n} (power law through the last two sizes) is over ${HOPELESS_FACTOR}x the ${options.budget_ms} ms budget`,
      };
      yield { ...base, n, status: 'skipped', skip_reason: stopped.reason, message: stopped.message };
      continue;
    }
    const prepared = inputs.prepare(n);
    if (factory === undefined || !prepared.ok) {
      const message = prepared.ok ? `unknown variant '${variant}'` : prepared.message;
      stopped = { reason: 'error', message: `an earlier size failed: ${message}` };
      yield { ...base, n, status: 'error', message };
      continue;
    }
    const { input, reference } = prepared;

    // 1. Verify one cold call before anything is timed.
    let answer: Answer;
    const started = clock();
    try {
      answer = factory(plainTools)(input);
    } catch (error) {
      yield fail(n, error);
      continue;
    }
    const verifyMs = clock() - started;
    const result = answerText(answer);
    const verdict = checkAnswer(result, reference, inputs.answers(n));
    if (!verdict.ok) {
      stopped = { reason: 'wrong-answer', message: `wrong answer at n = ${n}` };
      yield { ...base, n, status: 'wrong-answer', result, message: verdict.message, verify_ms: verifyMs };
      continue;
    }
    inputs.answers(n).set(variant, result);
    const overBudget = verifyMs > options.budget_ms;

    // 2. The cache mode's operation; warm and sequence answers are verified too.
    let operation: ReturnType<typeof buildOperation<I>>;
    try {
      const countingFactory = context.counting?.variants[variant];
      operation = buildOperation(
        options.cache_mode,
        suite,
        factory,
        input,
        n,
        options.seed,
        countingFactory === undefined
          ? undefined
          : { factory: countingFactory, memoize: context.counting!.memoize },
      );
      if (options.cache_mode !== 'cold') {
        const modeResult = answerText(operation.timed());
        if (modeResult !== reference) {
          stopped = { reason: 'wrong-answer', message: `wrong answer at n = ${n}` };
          const message = `expected ${reference} (reference), got ${modeResult} in ${options.cache_mode} mode`;
          yield { ...base, n, status: 'wrong-answer', result: modeResult, message, verify_ms: verifyMs };
          continue;
        }
      }
    } catch (error) {
      yield fail(n, error, result, `failed in ${options.cache_mode} mode`);
      continue;
    }

    // 3. Exact counts, from the instrumented pass (never timed), unless it would take too long.
    const countingSkip = overBudget
      ? 'one call is over the budget (the instrumented pass is slower)'
      : slowCountingReason(countingPace, verifyMs, options.budget_ms);
    let counted: ReturnType<typeof countOperations>;
    if (countingSkip === undefined) {
      const countingStarted = clock();
      counted = countOperations(operation, result);
      countingPace = { n, slowdown: (clock() - countingStarted) / Math.max(verifyMs, MIN_PACE_MS) };
    } else {
      counted = { counts_note: `not counted: ${countingSkip}` };
    }

    // 4. Timing of the plain code, with GC activity inside the samples.
    let batch = 1;
    let samplesMs: number[];
    let lastAnswer: Answer | undefined;
    const gc = watchGc();
    try {
      // The verified call ran cold (lazy compilation, inline caches empty), so it overstates a short
      // call's time: only a call that is long even then skips the warm calibration.
      // The last answer is kept here, not read back from the process-wide sink, which another run
      // in the same process (in-process runs side by side) may have written in between.
      const call = (): void => {
        lastAnswer = consume(operation.timed());
      };
      if (verifyMs < NO_CALIBRATION_MS) batch = batchSize(estimateCallNs(call));
      exposedGc()?.();
      samplesMs = await measure(call, batch, {
        time_ms: overBudget ? 0 : options.time_ms,
        warmup_ms: overBudget ? 0 : options.warmup_ms,
        min_samples: overBudget ? Math.min(options.min_samples, OVER_BUDGET_SAMPLES) : options.min_samples,
      });
    } catch (error) {
      await gc.stop();
      yield fail(n, error, result, 'passed verification, then failed while timed');
      continue;
    }
    const gcActivity = await gc.stop();
    const timedAnswer = lastAnswer === undefined ? result : answerText(lastAnswer);
    if (timedAnswer !== result) {
      stopped = { reason: 'wrong-answer', message: `non-deterministic answer at n = ${n}` };
      const message = `verified ${result}, but a timed call returned ${timedAnswer}`;
      yield { ...base, n, status: 'wrong-answer', result, message };
      continue;
    }
    const samplesNs = perCallNs(samplesMs, batch * operation.calls_per_op);
    const stats = summarize(samplesNs, batch);
    points.push({ n, median_ns: stats.median_ns });

    // 5. Memory, after timing, when the JIT has settled.
    const memory =
      options.memory_readings === 0
        ? {
            retained_bytes: null,
            allocated_bytes: null,
            memory_note: 'not measured in this profile (memory_readings 0)',
          }
        : overBudget
          ? {
              retained_bytes: null,
              allocated_bytes: null,
              memory_note: 'not measured: one call is over the budget',
            }
          : memoryOf(operation, options.memory_readings, stats.median_ns * operation.calls_per_op);

    yield {
      ...base,
      n,
      status: 'ok',
      result,
      verify_ms: verifyMs,
      calls_per_op: operation.calls_per_op,
      ...stats,
      ...counted,
      ...stripNull(memory),
      ...gcActivity,
      samples_ns: thin(samplesNs, MAX_STORED_SAMPLES),
    };
    if (overBudget) {
      stopped = {
        reason: 'budget',
        message: `one call took ${verifyMs.toPrecision(3)} ms at n = ${n}, over the ${options.budget_ms} ms budget`,
      };
    }
  }
}

/** How much slower than the verified call the instrumented pass ran at size `n`. */
interface CountingPace {
  n: number;
  slowdown: number;
}

/** Verified calls shorter than this (ms) are taken as this long when computing a pace: a 0 ms call has no ratio. */
const MIN_PACE_MS = 0.01;

/**
 * Why the instrumented pass is skipped at this size, or undefined to run it: it is predicted (this
 * size's verified call times the slowdown measured at the last counted size) to take over
 * HOPELESS_FACTOR times the budget. Counting Proxies make table-heavy code 10-100x slower, and
 * one such pass at the top of a quick ladder cost seconds.
 */
export function slowCountingReason(
  pace: CountingPace | undefined,
  verifyMs: number,
  budgetMs: number,
): string | undefined {
  if (pace === undefined) return undefined;
  const predictedMs = Math.max(verifyMs, MIN_PACE_MS) * pace.slowdown;
  if (predictedMs <= HOPELESS_FACTOR * budgetMs) return undefined;
  return `the instrumented pass would take about ${predictedMs.toPrecision(3)} ms (predicted: this call's ${verifyMs.toPrecision(3)} ms times its ${pace.slowdown.toPrecision(3)}x slowdown at n = ${pace.n}), over ${HOPELESS_FACTOR}x the ${budgetMs} ms budget`;
}

/** Counts of one operation, or why there are none. The counted answer must match the verified one. */
function countOperations(operation: { count: () => { answer: Answer; counts: object } }, result: string) {
  try {
    const { answer, counts } = operation.count();
    if (answerText(answer) !== result)
      return { counts_note: `instrumented pass answered ${answerText(answer)}` };
    return counts;
  } catch (error) {
    return {
      counts_note: isStackOverflow(error)
        ? 'not counted: the instrumented pass overflowed the stack (its wrapper adds a frame per call)'
        : `not counted: ${messageOf(error)}`,
    };
  }
}

/**
 * Memory figures of one operation, or why there are none: the memory pass calls the variant again,
 * and a variant at the edge of the stack can overflow there too.
 */
function memoryOf(
  operation: { retain: () => unknown; timed: () => unknown },
  readings: number,
  operationNs: number,
) {
  try {
    return measureMemory(operation.retain, operation.timed, readings, operationNs);
  } catch (error) {
    const why = isStackOverflow(error) ? 'the memory pass overflowed the stack' : messageOf(error);
    return { retained_bytes: null, allocated_bytes: null, memory_note: `not measured: ${why}` };
  }
}

/** Drops null fields, so a missing figure is absent from the cell rather than a fake value. */
function stripNull<T extends object>(figures: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== null)) as Partial<{
    [K in keyof T]: NonNullable<T[K]>;
  }>;
}
