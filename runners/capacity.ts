import { isStackOverflow } from '../lib/errors.ts';
import { boundedRun, smallestSufficientCapacity } from '../lib/lru.ts';
import { rngFor } from '../lib/random.ts';
import type {
  Answer,
  CapacityAtSize,
  CapacityCurve,
  CapacityPoint,
  SuiteDefinition,
  VariantFactory,
} from '../lib/types.ts';
import { answerText } from './verify.ts';

/** A capacity is sufficient when it keeps calls within this factor of an unbounded cache's. */
export const CAPACITY_FACTOR = 2;

/** Curve points are run up to this many times the unbounded cache's calls (naive recursion is exponential). */
export const CURVE_LIMIT_FACTOR = 10;

/** What the curve is made of. */
export interface CapacityOptions {
  /** Seed of the inputs (as a run's --seed). */
  seed: number;
  /** The variant whose `t.memoize` cache is bounded; every suite's `closure` has one. */
  variant?: string;
  factor?: number;
  curve_limit_factor?: number;
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
 * unbounded run overflows the stack (the recursion is top-down). A variant whose answer changes
 * with the capacity is not a pure function of its state, and is an error.
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
  const curve: CapacityCurve = {
    suite: suite.id,
    variant,
    factor,
    curve_limit_factor: curveLimitFactor,
    sizes: [],
  };
  for (const n of sizes) {
    const input = suite.input(n, rngFor(options.seed, suite.id, n));
    try {
      curve.sizes.push(atSize(factory, input, n, factor, curveLimitFactor));
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      curve.note = `the top-down recursion overflowed the stack at n = ${n}; larger sizes were not run`;
      break;
    }
  }
  return curve;
}

function atSize<I>(
  factory: VariantFactory<I, Answer>,
  input: I,
  n: number,
  factor: number,
  curveLimitFactor: number,
): CapacityAtSize {
  const unbounded = boundedRun(factory, input, Number.POSITIVE_INFINITY);
  const expected = answerText(unbounded.answer as Answer);
  const run = (capacity: number, limit: number): CapacityPoint => {
    const { answer, ...point } = boundedRun(factory, input, capacity, limit);
    if (answer !== undefined && answerText(answer) !== expected) {
      throw new Error(
        `at n = ${n}, capacity ${capacity} answered ${answerText(answer)}, unbounded ${expected}: the recursion is not a pure function of its state`,
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

/** 0, 1, 2, 3 and the powers of two from 4, below `states` (at `states` nothing is evicted). */
function curveCapacities(states: number): number[] {
  const capacities = [0, 1, 2, 3];
  for (let capacity = 4; capacity < states; capacity *= 2) capacities.push(capacity);
  return capacities.filter((capacity) => capacity < states);
}
