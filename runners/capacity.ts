import { isStackOverflow, messageOf } from '../lib/errors.ts';
import { boundedRun, smallestSufficientCapacity } from '../lib/lru.ts';
import { rngFor } from '../lib/random.ts';
import type {
  Answer,
  CapacityAtSize,
  CapacityCurve,
  CapacityPoint,
  CapacityStop,
  SuiteDefinition,
  VariantFactory,
} from '../lib/types.ts';
import { answerText } from './verify.ts';

/** A capacity is sufficient when it keeps calls within this factor of an unbounded cache's. */
export const CAPACITY_FACTOR = 2;

/** Curve points are run up to this many times the unbounded cache's calls (naive recursion is exponential). */
export const CURVE_LIMIT_FACTOR = 10;

/** What the curve is made of, and how far it may go. */
export interface CapacityOptions {
  /** Seed of the inputs (as a run's --seed). */
  seed: number;
  /** The variant whose `t.memoize` cache is bounded; every suite's `closure` has one. */
  variant?: string;
  factor?: number;
  curve_limit_factor?: number;
  /**
   * A size whose unbounded run makes more calls than this is not run, nor any larger one: the
   * bisection and the curve run it some 30 times more, up to 10x its calls each. No limit when absent.
   */
  max_calls?: number;
  /** No further size is started once this long has passed since the first, ms. No limit when absent. */
  time_limit_ms?: number;
  /** The clock, ms (tests pass a fake one). */
  now?: () => number;
}

/**
 * Calls of a suite's recursion against the capacity of an LRU cache, exactly, at each size: the
 * variant (by default `closure`, which every suite and every derived problem has, with one flat
 * `t.memoize` cache whatever its key: one argument, a packed number or "i,j") runs with that cache
 * replaced by an LRU of capacity c, and its calls are counted (lib/lru.ts). Running it, rather
 * than replaying the access sequence an unbounded run recorded, is what makes the count exact: an
 * evicted state is computed again, and the calls that recomputation makes are not in any sequence
 * an unbounded cache produced.
 *
 * Per size: the unbounded run (its calls and entries), the smallest capacity within `factor` x
 * its calls (bisection), the run one entry below it, and the curve. Sizes stop at the first whose
 * unbounded run overflows the stack (the recursion is top-down) or makes more than `max_calls`
 * calls, or once `time_limit_ms` has passed, or at a size where the recursion throws or answers
 * differently with another capacity (it is then not a pure function of its state): `stopped_by`
 * and `note` say which.
 */
export function capacityCurve<I>(
  suite: Pick<SuiteDefinition<I, Answer>, 'id' | 'input' | 'variants'>,
  sizes: readonly number[],
  options: CapacityOptions,
): CapacityCurve {
  const variant = options.variant ?? 'closure';
  const factor = options.factor ?? CAPACITY_FACTOR;
  const curveLimitFactor = options.curve_limit_factor ?? CURVE_LIMIT_FACTOR;
  const factory = suite.variants[variant];
  if (factory === undefined) throw new Error(`suite '${suite.id}' has no variant '${variant}'`);
  const maxCalls = options.max_calls ?? Number.POSITIVE_INFINITY;
  const curve: CapacityCurve = {
    suite: suite.id,
    variant,
    factor,
    curve_limit_factor: curveLimitFactor,
    max_calls: Number.isFinite(maxCalls) ? maxCalls : null,
    sizes: [],
  };
  const stop = (stoppedBy: CapacityStop, note: string) => {
    curve.stopped_by = stoppedBy;
    curve.note = `${note}; larger sizes were not run`;
  };
  const now = options.now ?? Date.now;
  const started = now();
  for (const n of sizes) {
    const elapsed = now() - started;
    if (options.time_limit_ms !== undefined && elapsed > options.time_limit_ms) {
      stop(
        'time-limit',
        `the time limit (${options.time_limit_ms / 1000} s) had passed before n = ${count(n)}`,
      );
      break;
    }
    let size: CapacityAtSize | undefined;
    try {
      const input = suite.input(n, rngFor(options.seed, suite.id, n));
      size = atSize(factory, input, { n, factor, curveLimitFactor, maxCalls });
    } catch (error) {
      if (isStackOverflow(error))
        stop('stack-overflow', `the top-down recursion overflowed the stack at n = ${count(n)}`);
      else stop('error', `at n = ${count(n)}: ${messageOf(error)}`);
      break;
    }
    if (size === undefined) {
      stop('call-limit', `at n = ${count(n)} an unbounded cache makes more than ${count(maxCalls)} calls`);
      break;
    }
    curve.sizes.push(size);
  }
  return curve;
}

/** One size of a curve, and the limits it is run within. */
interface SizeSettings {
  n: number;
  factor: number;
  curveLimitFactor: number;
  maxCalls: number;
}

/** The curve at one size, or undefined when its unbounded run makes more than `maxCalls` calls. */
function atSize<I>(
  factory: VariantFactory<I, Answer>,
  input: I,
  { n, factor, curveLimitFactor, maxCalls }: SizeSettings,
): CapacityAtSize | undefined {
  const unbounded = boundedRun(factory, input, Number.POSITIVE_INFINITY, maxCalls);
  if (!unbounded.exact) return undefined;
  const expected = answerText(unbounded.answer as Answer);
  const run = (capacity: number, limit: number): CapacityPoint => {
    const { answer, ...point } = boundedRun(factory, input, capacity, limit);
    if (answer !== undefined && answerText(answer) !== expected) {
      throw new Error(
        `capacity ${capacity} answered ${answerText(answer)}, unbounded ${expected}: the recursion is not a pure function of its state`,
      );
    }
    return { capacity: point.capacity, calls: point.calls, exact: point.exact };
  };
  const states = unbounded.entries;
  const smallest = smallestSufficientCapacity(run, states, unbounded.calls, factor);
  const curveLimit = curveLimitFactor * unbounded.calls;
  return {
    n,
    states,
    unbounded_calls: unbounded.calls,
    smallest_sufficient: smallest.capacity,
    calls_at_smallest: smallest.calls,
    below_smallest: smallest.capacity === 0 ? null : run(smallest.capacity - 1, factor * unbounded.calls),
    curve: curveCapacities(states).map((capacity) => run(capacity, curveLimit)),
  };
}

const count = (value: number) => value.toLocaleString('en-US');

/** 0, 1, 2, 3 and the powers of two from 4, below `states` (at `states` nothing is evicted). */
function curveCapacities(states: number): number[] {
  const capacities = [0, 1, 2, 3];
  for (let capacity = 4; capacity < states; capacity *= 2) capacities.push(capacity);
  return capacities.filter((capacity) => capacity < states);
}
