import { plainTools } from '../lib/tools.ts';
import { consume, sink } from '../lib/sink.ts';
import type { Answer, Cell, Measure, RunOptions, SkipReason, Suite } from '../lib/types.ts';
import { batchSize, estimateCallNs, perCallNs } from './batch.ts';
import { MAX_STORED_SAMPLES, NO_CALIBRATION_MS } from './constants.ts';
import type { InputStore } from './inputs.ts';
import { type LadderPoint, predictCallNs } from './predict.ts';
import { summarize, thin } from './stats.ts';
import { answerText, checkAnswer, classifyError } from './verify.ts';

/** A size is given up without running when even the power-law prediction exceeds the budget this many times. */
export const HOPELESS_FACTOR = 20;

/** A full GC between cells (when node runs with --expose-gc), so one cell's garbage is not collected in the next one's samples. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** What one ladder needs besides the suite and variant. */
export interface LadderContext<I> {
  suite: Suite<I>;
  variant: string;
  sizes: readonly number[];
  options: Pick<RunOptions, 'budget_ms' | 'time_ms' | 'warmup_ms' | 'min_samples' | 'runner'>;
  inputs: InputStore<I>;
  measure: Measure;
  /** Milliseconds from an arbitrary origin, for the verified call's duration; tests inject a fake clock. */
  clock?: () => number;
  /** Called before each size is attempted (for progress display). */
  onCellStart?: (n: number) => void;
}

/**
 * Climbs one variant's size ladder, yielding one cell per size. Each answer is verified before it
 * is timed; a wrong answer, an error or a stack overflow ends the climb, and so does a verified call
 * over the budget (after that cell is timed). Later sizes are yielded as `skipped` with the reason.
 * Nothing a variant does escapes as an exception.
 */
export async function* climbLadder<I>(context: LadderContext<I>): AsyncGenerator<Cell> {
  const { suite, variant, sizes, options, inputs, measure } = context;
  const factory = suite.variants[variant];
  const base = { suite: suite.id, variant, runner: options.runner } as const;
  const clock = context.clock ?? (() => performance.now());
  const points: LadderPoint[] = [];
  let stopped: { reason: SkipReason; message: string } | undefined;

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
    const call = (): void => {
      consume(factory(plainTools)(input));
    };

    let answer: Answer;
    const started = clock();
    try {
      answer = factory(plainTools)(input);
    } catch (error) {
      const { status, message } = classifyError(error);
      stopped = {
        reason: status === 'stack-overflow' ? 'stack-overflow' : 'error',
        message: `failed at n = ${n}`,
      };
      yield { ...base, n, status, message };
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
    collectGarbage();
    let batch = 1;
    let samplesMs: number[];
    try {
      // The verified call ran cold (lazy compilation, inline caches empty), so it overstates a short
      // call's time: only a call that is long even then skips the warm calibration.
      if (verifyMs < NO_CALIBRATION_MS) batch = batchSize(estimateCallNs(call));
      samplesMs = await measure(call, batch, {
        time_ms: overBudget ? 0 : options.time_ms,
        warmup_ms: overBudget ? 0 : options.warmup_ms,
        min_samples: options.min_samples,
      });
    } catch (error) {
      const { status, message } = classifyError(error);
      stopped = {
        reason: status === 'stack-overflow' ? 'stack-overflow' : 'error',
        message: `failed at n = ${n}`,
      };
      yield {
        ...base,
        n,
        status,
        result,
        message: `passed verification, then failed while timed: ${message}`,
      };
      continue;
    }
    const timedAnswer = answerText(sink.value as Answer);
    if (timedAnswer !== result) {
      stopped = { reason: 'wrong-answer', message: `non-deterministic answer at n = ${n}` };
      yield {
        ...base,
        n,
        status: 'wrong-answer',
        result,
        message: `verified ${result}, but a timed call returned ${timedAnswer}`,
      };
      continue;
    }
    const samplesNs = perCallNs(samplesMs, batch);
    const stats = summarize(samplesNs, batch);
    points.push({ n, median_ns: stats.median_ns });
    yield {
      ...base,
      n,
      status: 'ok',
      result,
      verify_ms: verifyMs,
      ...stats,
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
