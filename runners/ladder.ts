import { consume } from '../lib/sink.ts';
import { summarize, thin } from '../lib/stats.ts';
import { plainTools } from '../lib/tools.ts';
import type {
  Answer,
  Cell,
  CountedOperation,
  GcActivity,
  InstanceMode,
  LadderPhase,
  Measure,
  RunnerName,
  RunOptions,
  SkipReason,
  Suite,
  TimeStats,
  VariantFactory,
} from '../lib/types.ts';
import { batchSize, estimateCallNs, perCallNs } from './batch.ts';
import { MAX_STORED_SAMPLES, NO_CALIBRATION_MS } from './constants.ts';
import { countStep } from './counting-step.ts';
import { watchGc } from './gc-watch.ts';
import type { InputStore } from './inputs.ts';
import type { CountingCode } from './instrumented.ts';
import { memoryOfOperation } from './memory.ts';
import { buildOperation, type Operation, type OperationSpec } from './operation.ts';
import { type LadderPoint, predictCallNs } from './predict.ts';
import { settleHeap } from './settle-heap.ts';
import { answerText, checkAnswer, classifyError } from './verify.ts';

/** The verified call is about to start (`start`) or has returned (`end`). */
export interface VerifyEvent {
  type: 'start' | 'end';
  n: number;
}

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
  /** `discover` in the first round, `measure` in later ones (see LADDER_PHASES). */
  phase: LadderPhase;
  /** What the instrumented pass found at each size in an earlier run (the counts cache); it is not run again there. */
  known?: ReadonlyMap<number, CountedOperation>;
  /** The measure phase's instance mode per size, as the first round decided it (`per-call` where absent). */
  instances?: ReadonlyMap<number, InstanceMode>;
  /** A separate copy of the suite's code for the counting pass; without it the timed code is counted (tests). */
  counting?: CountingCode;
  /** Milliseconds from an arbitrary origin, for the verified call's duration; tests inject a fake clock. */
  clock?: () => number;
  /** Called before each size is attempted (progress display, the parent's time-out). */
  onCellStart?: (n: number) => void;
  /** Awaited just before the verified call starts and just after it returns: the parent's deadline. */
  onVerify?: (event: VerifyEvent) => Promise<void> | void;
  /**
   * True where nothing can stop a call (in-process runs): a size whose call is predicted
   * (runners/predict.ts) to take over PREDICTED_FACTOR x the budget is not started.
   */
  predictGuard?: boolean;
}

/**
 * An in-process run does not start a call predicted to take more than this many budgets: a
 * Fibonacci ladder would otherwise start naive F(100), which never returns.
 */
export const PREDICTED_FACTOR = 20;

/** Why a ladder stopped climbing, carried into the skipped cells above. */
export interface Stop {
  reason: SkipReason;
  message: string;
}

/** How much slower than the verified call the instrumented pass ran at size `n`. */
export interface CountingPace {
  n: number;
  slowdown: number;
}

/** What a climb carries from one size to the next. */
export interface LadderState<I = unknown> {
  /** Set once the climb has ended: every size above is skipped with it. */
  stop?: Stop;
  /** The last counted size's pace, to decide whether counting the next one is affordable. */
  pace?: CountingPace;
  /** The instance mode the last counting pass decided, for sizes whose counting pass is skipped. */
  instance?: InstanceMode;
  /** Timed sizes so far, for the in-process guard's prediction. */
  points?: readonly LadderPoint[];
  /**
   * The one instance of a variant found stateless (cold and sequence modes), which verifies and
   * times every later size as users call a function that keeps no state. Each call of a second
   * instance would teach V8's call feedback a second target, and the recursion through it would
   * then stay generic: `npm run mitata-compare` read naive F(25) at 962 µs with instances per size
   * and at 730 µs with one (mitata on one instance: 760 µs).
   */
  stateless?: (input: I) => Answer;
}

/** A step's value, or the cell that ends the climb and why. */
type Step<T> = { value: T } | { end: Cell; stop: Stop };

/** The cell of one size and the state the next size starts from. */
interface SizeOutcome<I> {
  cell: Cell;
  state: LadderState<I>;
}

/** What the verified call established. */
export interface Verified {
  result: string;
  /** Its wall time, ms. */
  verify_ms: number;
}

/**
 * Climbs one variant's size ladder, yielding one cell per size. At each size: verify one call
 * against the reference, take exact counts in a separate instrumented pass, time the plain code,
 * then measure memory (the measure phase only verifies and times). A wrong answer, an error, a stack
 * overflow or, in the discover phase, a verified call over the budget ends the climb; later sizes
 * are yielded as `skipped` with the reason. Each step returns its value or the cell that ends the
 * climb; nothing a variant does escapes as an exception.
 */
export async function* climbLadder<I>(context: LadderContext<I>): AsyncGenerator<Cell> {
  let state: LadderState<I> = { ...initialStop(context) };
  for (const n of context.sizes) {
    context.onCellStart?.(n);
    const outcome: SizeOutcome<I> =
      state.stop === undefined
        ? await climbSize(context, n, state)
        : { cell: skippedCell(context, n, state.stop), state };
    yield outcome.cell;
    state = outcome.state;
  }
}

/** A ladder that cannot start: sequence mode on a suite whose cache is tied to one input. */
function initialStop<I>(context: LadderContext<I>): { stop?: Stop } {
  if (context.options.cache_mode !== 'sequence' || context.suite.sequence === true) return {};
  return {
    stop: { reason: 'not-applicable', message: 'no sequence mode: the suite’s cache is tied to one input' },
  };
}

/** The fields every cell of this ladder has. */
function identity<I>(context: LadderContext<I>, n: number) {
  return {
    suite: context.suite.id,
    variant: context.variant,
    n,
    runner: context.runner,
    cache_mode: context.options.cache_mode,
  } as const;
}

function skippedCell<I>(context: LadderContext<I>, n: number, stop: Stop): Cell {
  return { ...identity(context, n), status: 'skipped', skip_reason: stop.reason, message: stop.message };
}

/** One size, step by step: prepare, verify, count, build the operation, time, measure memory. */
async function climbSize<I>(
  context: LadderContext<I>,
  n: number,
  state: LadderState<I>,
): Promise<SizeOutcome<I>> {
  const ended = (step: { end: Cell; stop: Stop }): SizeOutcome<I> => ({
    cell: step.end,
    state: { ...state, stop: step.stop },
  });
  const guarded = predictStep(context, n, state);
  if (guarded !== undefined) return ended(guarded);
  const prepared = prepareStep(context, n);
  if ('end' in prepared) return ended(prepared);
  const verified = await verifyStep(context, n, prepared.value, keptInstance(context, n, state));
  if ('end' in verified) return ended(verified);
  const spec: OperationSpec<I> = {
    mode: context.options.cache_mode,
    suite: context.suite,
    factory: prepared.value.factory,
    input: prepared.value.input,
    n,
    seed: context.options.seed,
  };
  const counted = countStep(context, spec, verified.value, state);
  const stateless =
    counted.instance === 'shared' && context.options.cache_mode !== 'warm'
      ? (state.stateless ?? verified.value.instance)
      : undefined;
  const operation = operationStep(
    context,
    { ...spec, instance: counted.instance, ...(stateless === undefined ? {} : { shared: stateless }) },
    { reference: prepared.value.reference, verified: verified.value },
  );
  const next: LadderState<I> = {
    ...state,
    pace: counted.pace,
    instance: counted.instance,
    stateless: stateless ?? state.stateless,
  };
  if ('end' in operation) return { cell: operation.end, state: { ...next, stop: operation.stop } };
  const timed = await timeStep(context, n, operation.value, verified.value);
  if ('end' in timed) return { cell: timed.end, state: { ...next, stop: timed.stop } };
  const memory = memoryStep(context, operation.value, timed.value.stats.median_ns);
  const points = [...(next.points ?? []), { n, median_ns: timed.value.stats.median_ns }];
  return {
    cell: {
      ...identity(context, n),
      status: 'ok',
      result: verified.value.result,
      verify_ms: verified.value.verify_ms,
      calls_per_op: operation.value.calls_per_op,
      instance: operation.value.instance,
      ...timed.value.stats,
      ...counted.fields,
      ...memory,
      ...timed.value.gc,
      samples_ns: thin(timed.value.samples_ns, MAX_STORED_SAMPLES),
    },
    state: { ...next, points },
  };
}

/** In-process only: the skipped cell of a size whose call is predicted to run far past the budget. */
function predictStep<I>(
  context: LadderContext<I>,
  n: number,
  state: LadderState<I>,
): { end: Cell; stop: Stop } | undefined {
  if (context.predictGuard !== true) return undefined;
  const predicted = predictCallNs(state.points ?? [], n);
  const limitNs = PREDICTED_FACTOR * context.options.budget_ms * 1e6;
  if (predicted === undefined || predicted <= limitNs) return undefined;
  const message = `not run: predicted ${(predicted / 1e6).toPrecision(3)} ms per call (over ${PREDICTED_FACTOR}x the ${context.options.budget_ms} ms budget), and an in-process run cannot stop a call; --isolate process measures it under a deadline`;
  return {
    end: { ...identity(context, n), status: 'skipped', skip_reason: 'predicted', message },
    stop: {
      reason: 'predicted',
      message: `not run in-process: n = ${n} was predicted over ${PREDICTED_FACTOR}x the budget`,
    },
  };
}

/** The variant's factory, the input of size n and its reference answer. */
function prepareStep<I>(
  context: LadderContext<I>,
  n: number,
): Step<{ factory: VariantFactory<I, Answer>; input: I; reference: string }> {
  const factory = context.suite.variants[context.variant];
  const prepared = context.inputs.prepare(n);
  if (factory === undefined || !prepared.ok) {
    const message = prepared.ok ? `unknown variant '${context.variant}'` : prepared.message;
    return {
      end: { ...identity(context, n), status: 'error', message },
      stop: { reason: 'error', message: `an earlier size failed: ${message}` },
    };
  }
  return { value: { factory, input: prepared.input, reference: prepared.reference } };
}

/** The cell of a variant that threw, and the stop it means. */
function thrown<I>(
  context: LadderContext<I>,
  n: number,
  error: unknown,
  after?: { result: string; stage: string },
): { end: Cell; stop: Stop } {
  const { status, message } = classifyError(error);
  return {
    end: {
      ...identity(context, n),
      status,
      ...(after === undefined ? {} : { result: after.result }),
      message: after === undefined ? message : `${after.stage}: ${message}`,
    },
    stop: { reason: status === 'stack-overflow' ? 'stack-overflow' : 'error', message: `failed at n = ${n}` },
  };
}

/**
 * The ladder's stateless instance, where this size is expected to share it: the first round's
 * decision in the measure phase, the last counted size's in the discover phase (the counting pass
 * at this size comes after the verified call). A size whose counting pass then finds it `per-call`
 * was still verified on the kept instance: its answer is checked all the same (state carried over
 * would show as a wrong answer), and its verify_ms is a warm instance's.
 */
function keptInstance<I>(
  context: LadderContext<I>,
  n: number,
  state: LadderState<I>,
): ((input: I) => Answer) | undefined {
  const expected = context.phase === 'measure' ? context.instances?.get(n) : state.instance;
  return expected === 'shared' ? state.stateless : undefined;
}

/**
 * One call, checked against the reference and the other variants' answers, before anything is
 * timed: cold, on a fresh instance, or on the ladder's one instance of a stateless variant (`kept`;
 * the counting pass still checks each size on fresh instances of its copy). In the discover phase
 * a call over the budget ends the climb here: it is recorded as measured (`over-budget`), and no
 * samples are spent on it.
 */
async function verifyStep<I>(
  context: LadderContext<I>,
  n: number,
  prepared: { factory: VariantFactory<I, Answer>; input: I; reference: string },
  kept: ((input: I) => Answer) | undefined,
): Promise<Step<Verified & { instance: (input: I) => Answer }>> {
  const clock = context.clock ?? (() => performance.now());
  const { budget_ms } = context.options;
  await context.onVerify?.({ type: 'start', n });
  const started = clock();
  let outcome: { answer: Answer; instance: (input: I) => Answer } | { error: unknown };
  try {
    const instance = kept ?? prepared.factory(plainTools);
    outcome = { answer: instance(prepared.input), instance };
  } catch (error) {
    outcome = { error };
  }
  const verifyMs = clock() - started;
  await context.onVerify?.({ type: 'end', n });
  if ('error' in outcome) return thrown(context, n, outcome.error);
  const result = answerText(outcome.answer);
  const answers = context.inputs.answers(n);
  const verdict = checkAnswer(result, prepared.reference, answers);
  if (!verdict.ok) {
    return {
      end: {
        ...identity(context, n),
        status: 'wrong-answer',
        result,
        message: verdict.message,
        verify_ms: verifyMs,
      },
      stop: { reason: 'wrong-answer', message: `wrong answer at n = ${n}` },
    };
  }
  answers.set(context.variant, result);
  if (context.phase === 'discover' && verifyMs > budget_ms) {
    const took = `one call took ${verifyMs.toPrecision(3)} ms`;
    return {
      end: {
        ...identity(context, n),
        status: 'over-budget',
        result,
        verify_ms: verifyMs,
        message: `${took}, over the ${budget_ms} ms budget`,
      },
      stop: { reason: 'budget', message: `${took} at n = ${n}, over the ${budget_ms} ms budget` },
    };
  }
  return { value: { result, verify_ms: verifyMs, instance: outcome.instance } };
}

/** The cache mode's timed operation; warm and sequence answers are verified too. */
function operationStep<I>(
  context: LadderContext<I>,
  spec: OperationSpec<I> & { instance: InstanceMode },
  checked: { reference: string; verified: Verified },
): Step<Operation> {
  const { cache_mode } = context.options;
  const { reference, verified } = checked;
  try {
    const operation = buildOperation(spec);
    if (cache_mode !== 'cold') {
      const modeResult = answerText(operation.timed());
      if (modeResult !== reference) {
        return {
          end: {
            ...identity(context, spec.n),
            status: 'wrong-answer',
            result: modeResult,
            message: `expected ${reference} (reference), got ${modeResult} in ${cache_mode} mode`,
            verify_ms: verified.verify_ms,
          },
          stop: { reason: 'wrong-answer', message: `wrong answer at n = ${spec.n}` },
        };
      }
    }
    return { value: operation };
  } catch (error) {
    return thrown(context, spec.n, error, { result: verified.result, stage: `failed in ${cache_mode} mode` });
  }
}

/** Samples of the plain code (per call, ns), their statistics and the GC activity inside them. */
interface Timed {
  stats: TimeStats;
  samples_ns: number[];
  gc: GcActivity;
}

/** Times the plain code; a timed answer that differs from the verified one is a wrong answer. */
async function timeStep<I>(
  context: LadderContext<I>,
  n: number,
  operation: Operation,
  verified: Verified,
): Promise<Step<Timed>> {
  const { options } = context;
  let batch = 1;
  let samplesMs: number[];
  let lastAnswer: Answer | undefined;
  const gc = watchGc();
  try {
    // The verified call ran cold (lazy compilation, inline caches empty; or on the ladder's kept
    // stateless instance, whose code is warm), so it may overstate a short call's time: only a call
    // that is long even then skips the warm calibration.
    // The last answer is kept here, not read back from the process-wide sink, which another run
    // in the same process (in-process runs side by side) may have written in between.
    const call = (): void => {
      lastAnswer = consume(operation.timed());
    };
    const short = verified.verify_ms < NO_CALIBRATION_MS;
    if (short) batch = batchSize(estimateCallNs(call));
    settleHeap();
    samplesMs = await context.measure(call, batch, {
      time_ms: options.time_ms,
      // A call of a millisecond or more has just run once, verified: that is its warm-up (its loops
      // were compiled on the stack while it ran). Warming it up again would cost WARMUP_ITERATIONS
      // more calls, most where calls are longest; each process's median absorbs a slow first sample.
      warmup_ms: short ? options.warmup_ms : 0,
      min_samples: options.min_samples,
    });
  } catch (error) {
    await gc.stop();
    return thrown(context, n, error, {
      result: verified.result,
      stage: 'passed verification, then failed while timed',
    });
  }
  const gcActivity = await gc.stop();
  const timedAnswer = lastAnswer === undefined ? verified.result : answerText(lastAnswer);
  if (timedAnswer !== verified.result) {
    return {
      end: {
        ...identity(context, n),
        status: 'wrong-answer',
        result: verified.result,
        message: `verified ${verified.result}, but a timed call returned ${timedAnswer}`,
      },
      stop: { reason: 'wrong-answer', message: `non-deterministic answer at n = ${n}` },
    };
  }
  const samplesNs = perCallNs(samplesMs, batch * operation.calls_per_op);
  return { value: { stats: summarize(samplesNs, batch), samples_ns: samplesNs, gc: gcActivity } };
}

/**
 * Memory figures, after timing, when the JIT has settled; the discover phase only (one process's
 * figures; the others would repeat them at the price of several forced full GCs each).
 */
function memoryStep<I>(
  context: LadderContext<I>,
  operation: Operation,
  medianNs: number,
): { retained_bytes?: number; allocated_bytes?: number; memory_note?: string } {
  if (context.phase === 'measure') return { memory_note: 'measured in the first round only' };
  const readings = context.options.memory_readings;
  if (readings === 0) return { memory_note: 'not measured in this profile (memory_readings 0)' };
  return memoryOfOperation(operation, readings, medianNs * operation.calls_per_op);
}
