import { laddersFor } from '../lib/define-suite.ts';
import { messageOf } from '../lib/errors.ts';
import type { CapacityCurve, Profile, Suite } from '../lib/types.ts';
import { CAPACITY_FACTOR, type CapacityOptions, CURVE_LIMIT_FACTOR, capacityCurve } from './capacity.ts';
import {
  type CapacityStore,
  type CurveParameters,
  capacityCodeKeys,
  openCapacityCache,
} from './capacity-cache.ts';

/**
 * A size whose unbounded `closure` run makes more calls than this gets no curve, nor any larger
 * size: the bisection and the curve run it about 30 times more, up to 10x its calls each. At this
 * limit the 22 shipped suites' quick ladders take about 11 s on the loaded 2-core machine when
 * nothing is cached (2^16 took 61 s), and still reach about a row's worth of a two-dimensional
 * table: LCS to n = 64, grid paths to n = 50.
 */
export const CAPACITY_MAX_CALLS = 1 << 14;

/** No further size of one suite's curve is started after this long, ms; such a curve is not cached (where it stops depends on the machine). */
export const CAPACITY_TIME_LIMIT_MS = 3000;

/** The variant whose `t.memoize` cache is bounded: every suite and every problem has a `closure` with one flat cache. */
const CURVE_VARIANT = 'closure';

/** How the step runs. */
export interface CapacityStepOptions {
  /** Seed of the inputs (the run's --seed). */
  seed: number;
  /** The run's profile: each suite's curve is computed at the sizes of its ladder. */
  profile: Profile;
  /** Where curves of earlier runs are kept (the default cache under node_modules/.cache/memobench/). */
  cache?: CapacityStore;
  max_calls?: number;
  time_limit_ms?: number;
  /** The clock of the time limit, ms (tests pass a fake one). */
  now?: () => number;
}

/** The curves of a run's suites and where they came from. */
export interface CapacityStepResult {
  /** One per suite, in the suites' order; a suite whose recursion failed has no sizes and a note. */
  curves: CapacityCurve[];
  /** Suites whose curve came from the cache. */
  cached: string[];
  /** One line for the progress stream: how many curves, how many from the cache, how long. */
  text: string;
}

/**
 * The capacity step of a run, after the ladders (invoked by the commands, never by the runner):
 * for each suite, exact calls against LRU capacity at the sizes of the profile's ladder
 * (runners/capacity.ts), within CAPACITY_MAX_CALLS per size and CAPACITY_TIME_LIMIT_MS per suite.
 * Curves are exact and the same on every machine, so they are cached across runs, keyed by the
 * suite file's content (and the code it imports, and the capacity code) and the parameters: a
 * changed suite file computes its curve again. A curve cut short by the time limit is not cached.
 */
export async function capacityStep(
  suites: readonly Suite[],
  options: CapacityStepOptions,
): Promise<CapacityStepResult> {
  const started = Date.now();
  const cache = options.cache ?? openCapacityCache();
  const keys = await capacityCodeKeys(suites.map((suite) => suite.path));
  const maxCalls = options.max_calls ?? CAPACITY_MAX_CALLS;
  const curves: CapacityCurve[] = [];
  const cached: string[] = [];
  for (const suite of suites) {
    const parameters: CurveParameters = {
      seed: options.seed,
      sizes: laddersFor(suite, options.profile),
      variant: CURVE_VARIANT,
      factor: CAPACITY_FACTOR,
      curve_limit_factor: CURVE_LIMIT_FACTOR,
      max_calls: maxCalls,
    };
    const key = keys.get(suite.path);
    const stored = key === undefined ? undefined : await cache.get(key, parameters);
    if (stored !== undefined) {
      curves.push(stored);
      cached.push(suite.id);
      continue;
    }
    const curve = computeCurve(suite, parameters, {
      time_limit_ms: options.time_limit_ms ?? CAPACITY_TIME_LIMIT_MS,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    curves.push(curve);
    if (key !== undefined && curve.stopped_by !== 'time-limit' && curve.stopped_by !== 'error') {
      await cache.set(key, parameters, curve);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const text = `${curves.length} suite${curves.length === 1 ? '' : 's'} (${cached.length} from the cache) in ${seconds} s`;
  return { curves, cached, text };
}

/** The curve, or none with the reason when the suite has no such variant. */
function computeCurve(
  suite: Suite,
  parameters: CurveParameters,
  clock: Pick<CapacityOptions, 'time_limit_ms' | 'now'>,
): CapacityCurve {
  try {
    return capacityCurve(suite, parameters.sizes, {
      seed: parameters.seed,
      variant: parameters.variant,
      factor: parameters.factor,
      curve_limit_factor: parameters.curve_limit_factor,
      max_calls: parameters.max_calls ?? Number.POSITIVE_INFINITY,
      ...clock,
    });
  } catch (error) {
    return {
      suite: suite.id,
      variant: parameters.variant,
      factor: parameters.factor,
      curve_limit_factor: parameters.curve_limit_factor,
      max_calls: parameters.max_calls,
      sizes: [],
      stopped_by: 'error',
      note: `not computed: ${messageOf(error)}`,
    };
  }
}
