import { isStackOverflow, messageOf } from '../lib/errors.ts';
import type {
  Answer,
  CountedOperation,
  InstanceMode,
  OperationCounts,
  VariantFactory,
} from '../lib/types.ts';
import { COUNTING_LIMIT_FACTOR, MIN_PACE_MS } from './constants.ts';
import type { CountingPace, LadderContext, LadderState, Verified } from './ladder.ts';
import { countOperation, type OperationSpec } from './operation.ts';
import { answerText } from './verify.ts';

/**
 * The ladder's counting step (runners/ladder.ts): exact counts from the instrumented pass on the
 * separate copy of the code, which also decides whether the timed operation can share one instance.
 */

/** Counts (or why there are none), the instance mode for the timed operation, and the counting pace. */
export interface Counted {
  fields: Partial<OperationCounts> & { counts_note?: string };
  instance: InstanceMode;
  pace: CountingPace | undefined;
}

/**
 * Exact counts from the instrumented pass (never timed), which also decides whether the timed
 * operation can share one instance. Known results (the counts cache) are used as they are; the
 * pass is skipped when it would take too long, and then the last decided instance mode carries up
 * the ladder. The measure phase takes the first round's decision and counts nothing.
 */
export function countStep<I>(
  context: LadderContext<I>,
  spec: OperationSpec<I>,
  verified: Verified,
  state: LadderState<I>,
): Counted {
  const carried = { instance: state.instance ?? ('per-call' as const), pace: state.pace };
  if (context.phase === 'measure') {
    return {
      fields: { counts_note: 'counted in the first round only' },
      instance: context.instances?.get(spec.n) ?? 'per-call',
      pace: state.pace,
    };
  }
  const known = context.known?.get(spec.n);
  if (known !== undefined) return { fields: known.counts, instance: known.instance, pace: state.pace };
  const skip = slowCountingReason(state.pace, verified.verify_ms, context.options.budget_ms);
  if (skip !== undefined) return { fields: { counts_note: `not counted: ${skip}` }, ...carried };
  const clock = context.clock ?? (() => performance.now());
  const started = clock();
  const counted = countedOperation(context, spec, verified.result);
  const pace = { n: spec.n, slowdown: (clock() - started) / Math.max(verified.verify_ms, MIN_PACE_MS) };
  return 'counts_note' in counted
    ? { fields: counted, instance: carried.instance, pace }
    : { fields: counted.counts, instance: counted.instance, pace };
}

/**
 * Why the instrumented pass is skipped at this size, or undefined to run it: it is predicted (this
 * size's verified call times the slowdown measured at the last counted size) to take over
 * COUNTING_LIMIT_FACTOR times the budget.
 */
export function slowCountingReason(
  pace: CountingPace | undefined,
  verifyMs: number,
  budgetMs: number,
): string | undefined {
  if (pace === undefined) return undefined;
  const predictedMs = Math.max(verifyMs, MIN_PACE_MS) * pace.slowdown;
  if (predictedMs <= COUNTING_LIMIT_FACTOR * budgetMs) return undefined;
  return `the instrumented pass would take about ${predictedMs.toPrecision(3)} ms (predicted: this call's ${verifyMs.toPrecision(3)} ms times its ${pace.slowdown.toPrecision(3)}x slowdown at n = ${pace.n}), over ${COUNTING_LIMIT_FACTOR}x the ${budgetMs} ms budget`;
}

/** The instrumented pass on the counting copy (or the timed code in tests); its answer must match the verified one. */
function countedOperation<I>(
  context: LadderContext<I>,
  spec: OperationSpec<I>,
  result: string,
): CountedOperation | { counts_note: string } {
  const copy = context.counting?.variants[context.variant] as VariantFactory<I, Answer> | undefined;
  try {
    const counted = countOperation({
      ...spec,
      counting: { factory: copy ?? spec.factory, memoize: context.counting?.memoize },
    });
    if (answerText(counted.answer) !== result) {
      return { counts_note: `instrumented pass answered ${answerText(counted.answer)}` };
    }
    return { counts: counted.counts, instance: counted.instance };
  } catch (error) {
    return {
      counts_note: isStackOverflow(error)
        ? 'not counted: the instrumented pass overflowed the stack (its wrapper adds a frame per call)'
        : `not counted: ${messageOf(error)}`,
    };
  }
}
