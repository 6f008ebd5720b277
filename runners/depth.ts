import { laddersFor } from '../lib/define-suite.ts';
import { isStackOverflow, messageOf } from '../lib/errors.ts';
import { exploreProblem } from '../lib/explore-problem.ts';
import { memoize } from '../lib/memoize.ts';
import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, ProblemSuite, StackReach, State, Tools } from '../lib/types.ts';

/** Sizes past the ladder are doubled up to this one (for a problem whose top-down form never overflows). */
export const STACK_SEARCH_MAX_N = 1 << 24;

/** Where the search starts, how it calls, and how far it may go. */
export interface StackReachOptions {
  /** Seed of the inputs (as a run's --seed). */
  seed: number;
  /** The top-down variant that is run: `closure` (the generic memoize, a frame more per level than `map-string`) by default. */
  variant?: string;
  max_n?: number;
  /**
   * A probe whose cache (`t.memoize` or `t.map`) would hold more entries than this is stopped, and
   * the search with it; the exploration that gives a size's depth stops there too. No limit when absent.
   */
  max_states?: number;
  /** No probe starts once this long has passed since the first, ms; the sizes found so far are reported. No limit when absent. */
  time_limit_ms?: number;
  /** The clock, ms (tests pass a fake one). */
  now?: () => number;
}

/** Thrown by a probe's cache when it would hold more than `max_states` entries. */
class StateLimit {}

/** A Map that refuses to grow past `limit` entries (by throwing StateLimit), for probes. */
class CappedMap<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) throw new StateLimit();
    return super.set(key, value);
  }
}

/** What one probe found: the call returned, overflowed the stack, or needed more states than allowed. */
type ProbeOutcome = 'fits' | 'overflows' | 'too-large';

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
 * Bounded: a probe past `max_states` cache entries stops the search (a probe that overflows costs
 * little, since the stack runs out on the first descent; one that fits costs a full top-down run),
 * and so does `time_limit_ms`, leaving the sizes apart; `note` says which limit stopped it.
 *
 * The depths are exact; the sizes are as precise as the stack is repeatable. V8 frames shrink once
 * the code is optimized, so a cold process overflows somewhat earlier than this search, which warms
 * the code on its way up; the search runs on the caller's stack (call it shallow, from the command),
 * with whatever --stack-size the process has.
 */
export function findStackReach<I, S extends State, R extends Answer>(
  suite: Pick<ProblemSuite<I, S, R>, 'id' | 'sizes' | 'variants' | 'problem'>,
  options: StackReachOptions,
): StackReach {
  const variant = options.variant ?? 'closure';
  const factory = suite.variants[variant];
  if (factory === undefined) throw new Error(`problem '${suite.id}' has no variant '${variant}'`);
  const maxN = options.max_n ?? STACK_SEARCH_MAX_N;
  const maxStates = options.max_states ?? Number.POSITIVE_INFINITY;
  const now = options.now ?? Date.now;
  const started = now();
  const tools: Tools = {
    ...plainTools,
    map: () => new CappedMap(maxStates),
    memoize: (fn, keyOf) => memoize(fn, keyOf, new CappedMap(maxStates)),
  };
  const reach: StackReach = {
    variant,
    reached_n: null,
    reached_depth: null,
    overflow_n: null,
    overflow_depth: null,
    probes: [],
  };
  const notes: string[] = [];
  const inputAt = (n: number) => {
    const data = suite.problem.input(n, rngFor(options.seed, suite.id, n));
    return { n, data, start: suite.problem.start(data) };
  };
  /** The outcome of one call at n, or undefined (with a note) when the time limit has passed. */
  const probe = (n: number): ProbeOutcome | undefined => {
    if (options.time_limit_ms !== undefined && now() - started > options.time_limit_ms) {
      notes.push(
        `the search stopped at its time limit (${options.time_limit_ms / 1000} s) before n = ${count(n)}`,
      );
      return undefined;
    }
    let outcome: ProbeOutcome = 'fits';
    try {
      factory(tools)({ ...inputAt(n), shape: null, shape_note: 'not explored: a stack probe' });
    } catch (error) {
      if (error instanceof StateLimit) outcome = 'too-large';
      else if (isStackOverflow(error)) outcome = 'overflows';
      else throw new Error(`${variant} threw at n = ${count(n)}: ${messageOf(error)}`);
    }
    if (outcome === 'too-large') {
      notes.push(`n = ${count(n)} needs more than ${count(maxStates)} states; the search stops there`);
      return outcome;
    }
    const fits = outcome === 'fits';
    reach.probes.push({ n, fits });
    if (fits && (reach.reached_n === null || n > reach.reached_n)) reach.reached_n = n;
    if (!fits && (reach.overflow_n === null || n < reach.overflow_n)) reach.overflow_n = n;
    return outcome;
  };
  /** The exact top-down depth at n, from the input's exploration (the stack of its own), within max_states. */
  const depthAt = (n: number | null): number | null => {
    if (n === null) return null;
    const { data, start } = inputAt(n);
    const explored = exploreProblem(suite.problem, data, start, { max_states: maxStates, watch: [] });
    if (explored.ok) return explored.exploration.max_depth;
    notes.push(`the depth at n = ${count(n)} is unknown: ${explored.message}`);
    return null;
  };

  const search = (): void => {
    const ladder = laddersFor(suite, 'full');
    for (const n of ladder) {
      const outcome = probe(n);
      if (outcome === undefined || outcome === 'too-large') return;
      if (outcome === 'overflows') break;
    }
    for (let n = (ladder.at(-1) as number) * 2; reach.overflow_n === null; n *= 2) {
      if (n > maxN) {
        notes.push(`no overflow up to n = ${count(n / 2)} (the search stops there)`);
        return;
      }
      const outcome = probe(n);
      if (outcome === undefined || outcome === 'too-large') return;
    }
    while (reach.overflow_n - (reach.reached_n ?? 0) > 1) {
      const outcome = probe(Math.floor(((reach.reached_n ?? 0) + reach.overflow_n) / 2));
      if (outcome === undefined || outcome === 'too-large') return;
    }
  };
  search();
  reach.reached_depth = depthAt(reach.reached_n);
  reach.overflow_depth = depthAt(reach.overflow_n);
  if (notes.length > 0) reach.note = notes.join('; ');
  return reach;
}

const count = (value: number) => value.toLocaleString('en-US');
