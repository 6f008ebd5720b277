import { memoize } from './memoize.ts';
import { plainTools } from './tools.ts';
import type { Answer, CapacityPoint, Tools, VariantFactory } from './types.ts';

/**
 * A `Map` used as an LRU cache of `capacity` entries: a `get` that finds its key makes that entry
 * the most recent (delete and set again: a Map iterates in insertion order), and a `set` of a new
 * key into a full map first deletes the oldest. Capacity 0 stores nothing. The derived `lru-<c>`
 * variants write the same policy by hand on `t.map()` (lib/derive-problem.ts); a test checks that
 * both make the same calls.
 */
export class LruMap<K, V> extends Map<K, V> {
  constructor(readonly capacity: number) {
    super();
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined || super.has(key)) {
      super.delete(key);
      super.set(key, value as V);
    }
    return value;
  }

  override set(key: K, value: V): this {
    if (super.has(key)) super.delete(key);
    else if (this.size >= this.capacity) {
      if (this.capacity === 0) return this;
      super.delete(this.keys().next().value as K);
    }
    return super.set(key, value);
  }
}

/** Thrown to stop a run at its call limit. */
class CallLimit {}

/** One run with a bounded cache: its calls (see CapacityPoint), the entries its caches ended with, its answer when it finished. */
export interface BoundedRun extends CapacityPoint {
  entries: number;
  answer?: Answer;
}

/**
 * Runs one instance of a variant whose cache is `t.memoize` (every suite's `closure`) with that
 * cache replaced by an LruMap of `capacity` entries, counting calls exactly as the counting pass
 * does (every call of the memoized binding, hits included). The recursion really runs: an evicted
 * state is computed again, with all the calls that takes, which replaying the calls of an
 * unbounded run through an LRU would not show. Stops once calls exceed `limit` (`exact: false`).
 */
export function boundedRun<I>(
  factory: VariantFactory<I, Answer>,
  input: I,
  capacity: number,
  limit = Number.POSITIVE_INFINITY,
): BoundedRun {
  let calls = 0;
  const caches: LruMap<unknown, unknown>[] = [];
  const tools: Tools = {
    ...plainTools,
    memoize: (fn, keyOf) => {
      const cache = new LruMap<unknown, ReturnType<typeof fn>>(capacity);
      caches.push(cache);
      const memoized = memoize(fn, keyOf, cache);
      return (...args) => {
        if (++calls > limit) throw new CallLimit();
        return memoized(...args);
      };
    },
  };
  const entries = () => caches.reduce((sum, cache) => sum + cache.size, 0);
  try {
    const answer = factory(tools)(input);
    return { capacity, calls, exact: true, entries: entries(), answer };
  } catch (error) {
    if (error instanceof CallLimit) return { capacity, calls: limit, exact: false, entries: entries() };
    throw error;
  }
}

/**
 * The smallest capacity in [0, states] whose run makes at most `factor` x `unboundedCalls` calls,
 * by bisection (about log2(states) runs, each stopped just past the limit), and the run at it.
 * With `states` entries (the unbounded cache's size) nothing is evicted, so that end qualifies.
 * Bisection assumes that calls do not grow with capacity. LRU does not promise that here (what
 * is evicted changes which calls are made next), so the caller also reports the run with one
 * entry fewer, which must be over the limit.
 */
export function smallestSufficientCapacity(
  run: (capacity: number, limit: number) => CapacityPoint,
  states: number,
  unboundedCalls: number,
  factor: number,
): CapacityPoint {
  const limit = factor * unboundedCalls;
  const fits = (capacity: number) => {
    const point = run(capacity, limit);
    return point.exact && point.calls <= limit ? point : undefined;
  };
  const none = fits(0);
  if (none !== undefined) return none;
  let low = 0;
  let high = states;
  let best: CapacityPoint = { capacity: states, calls: unboundedCalls, exact: true };
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const point = fits(middle);
    if (point === undefined) low = middle;
    else {
      high = middle;
      best = point;
    }
  }
  return best;
}
