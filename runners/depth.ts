import { laddersFor } from '../lib/define-suite.ts';
import { isStackOverflow } from '../lib/errors.ts';
import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, ProblemSuite, StackReach, State } from '../lib/types.ts';

/** Sizes past the ladder are doubled up to this one (for a problem whose top-down form never overflows). */
export const STACK_SEARCH_MAX_N = 1 << 24;

/** Where the search starts and how it calls. */
export interface StackReachOptions {
  /** Seed of the inputs (as a run's --seed). */
  seed: number;
  /** The top-down variant that is run: `closure` (the generic memoize, a frame more per level than `map-string`) by default. */
  variant?: string;
  max_n?: number;
}

/**
 * The largest n whose top-down call returns on this process's stack, and the recursion depth at
 * which it overflows. Each probe calls the plain variant once on the input of size n: it fits, or
 * throws V8's RangeError. The ladder is climbed, then n doubled past it, until a call overflows;
 * then n is bisected between the last size that fitted and the first that did not, so `reached_n`
 * and `overflow_n` are adjacent. Their exact depths come from exploring those two inputs (the
 * explorer has a stack of its own, lib/explore-problem.ts, and counts what the memoized top-down
 * recursion does), so the stack's limit, in frames of `self`, lies between `reached_depth` and
 * `overflow_depth`. Probes skip the exploration, which costs several top-down runs: a variant that
 * needs the input's bounds (`map-packed` with two or more arguments, `array`) cannot be probed.
 *
 * The depths are exact; the sizes are as precise as the stack is repeatable. V8 frames shrink once
 * the code is optimized, so a cold process overflows somewhat earlier than this search, which warms
 * the code on its way up; the search runs on the caller's stack (call it shallow, from the command),
 * with whatever --stack-size the process has.
 */
export function findStackReach<I, S extends State, R extends Answer>(
  suite: ProblemSuite<I, S, R>,
  options: StackReachOptions,
): StackReach {
  const variant = options.variant ?? 'closure';
  const factory = suite.variants[variant];
  if (factory === undefined) throw new Error(`problem '${suite.id}' has no variant '${variant}'`);
  const maxN = options.max_n ?? STACK_SEARCH_MAX_N;
  const reach: StackReach = {
    variant,
    reached_n: null,
    reached_depth: null,
    overflow_n: null,
    overflow_depth: null,
    probes: [],
  };
  const probe = (n: number): boolean => {
    const data = suite.problem.input(n, rngFor(options.seed, suite.id, n));
    const start = suite.problem.start(data);
    let fits = true;
    try {
      factory(plainTools)({ n, data, start, shape: null, shape_note: 'not explored: a stack probe' });
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      fits = false;
    }
    reach.probes.push({ n, fits });
    if (fits && (reach.reached_n === null || n > reach.reached_n)) reach.reached_n = n;
    if (!fits && (reach.overflow_n === null || n < reach.overflow_n)) reach.overflow_n = n;
    return fits;
  };
  /** The exact top-down depth at n, from the input's exploration (the stack of its own). */
  const depthAt = (n: number | null): number | null => {
    if (n === null) return null;
    const input = suite.input(n, rngFor(options.seed, suite.id, n));
    if (input.shape === null) reach.note = `the depth at n = ${n} is unknown: ${input.shape_note}`;
    return input.shape?.max_depth ?? null;
  };

  const ladder = laddersFor(suite, 'full');
  for (const n of ladder) if (!probe(n)) break;
  let n = ladder.at(-1) as number;
  while (reach.overflow_n === null) {
    n *= 2;
    if (n > maxN) {
      reach.note = `no overflow up to n = ${n / 2} (the search stops there)`;
      break;
    }
    probe(n);
  }
  while (reach.overflow_n !== null && reach.overflow_n - (reach.reached_n ?? 0) > 1) {
    probe(Math.floor(((reach.reached_n ?? 0) + reach.overflow_n) / 2));
  }
  reach.reached_depth = depthAt(reach.reached_n);
  reach.overflow_depth = depthAt(reach.overflow_n);
  return reach;
}
