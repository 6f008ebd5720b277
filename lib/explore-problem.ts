import { isStackOverflow, messageOf } from './errors.ts';
import { StateStore } from './state-store.ts';
import type {
  Answer,
  ArgumentFacts,
  Exploration,
  ProblemDefinition,
  State,
  StateArg,
  StateKind,
} from './types.ts';

/**
 * Levels of recursion the explorer runs on the JavaScript stack from one frame of its own stack.
 * Each level is about three frames (self, execute, the recurrence), so 200 levels stay far below
 * V8's default stack whatever called the explorer.
 */
const NATIVE_LEVELS = 200;

/** The explorer's outcome: the exploration, or why there is none (`fault`: a mistake in the problem; else a limit). */
export type ExploreOutcome =
  | { ok: true; exploration: Exploration }
  | { ok: false; fault: boolean; message: string };

/** How far the explorer goes and what it looks for. */
export interface ExploreLimits {
  /** Stop (not a fault) once more distinct states than this were computed. */
  max_states: number;
  /** Values whose occurrence among the states' values is reported (`watched_seen`). */
  watch: readonly number[];
}

/** A state on the explorer's own stack, at its depth in the recursion. */
interface Frame {
  state: StateArg[];
  depth: number;
}

/**
 * Thrown by `self` to hand a state to the explorer's own stack, with the frames that were running
 * on the JavaScript stack above it (`chain`, outermost first): they go on the explorer's stack too,
 * each to be run again once the state below it is known.
 */
class Deferral {
  constructor(
    readonly frame: Frame,
    readonly chain: readonly Frame[],
  ) {}
}

/** A mistake in the problem, found while running it; the message names the field. */
class Fault {
  constructor(readonly message: string) {}
}

/** The state limit was reached. */
class LimitReached {}

const PENDING = Symbol('pending');

/**
 * Evaluates the recurrence at the start state the way a memoized top-down recursion does (the same
 * calls in the same order, every state computed once), but with its own stack: when the recursion
 * is NATIVE_LEVELS deep, `self` throws the state it was asked for to the explorer, together with the
 * frames running above it; the explorer computes that state from a fresh JavaScript stack, then runs
 * each of those frames again, innermost first (their earlier calls are now cache hits). So any
 * depth is explored, and each state's body runs about once more per NATIVE_LEVELS levels below it.
 * (Running only the outermost frame again would redo up to NATIVE_LEVELS frames per hand-over:
 * 27 µs per state on a 512 x 512 grid instead of about 1.)
 *
 * The cache key is exact (a Map per argument: SameValueZero on primitives), never a derived key, so
 * the answer can check the derived variants' keys. Calls and depth are those of the memoized
 * top-down recursion: re-run frames repeat calls already counted and are not counted again.
 * Mistakes are reported with the field and the state: `self` called with another number of
 * arguments or with an object, a state that depends on itself, a value that is not a Number,
 * BigInt or string, an error thrown, and a recurrence that catches what `self` throws.
 */
export function exploreProblem<I, S extends State, R extends Answer>(
  problem: Pick<ProblemDefinition<I, S, R>, 'recurrence'>,
  data: I,
  start: S,
  limits: ExploreLimits,
): ExploreOutcome {
  const recurrence = problem.recurrence as unknown as (
    input: I,
    self: (...state: StateArg[]) => Answer,
    ...state: StateArg[]
  ) => Answer;
  const arity = start.length;
  const store = new StateStore<Answer | typeof PENDING>(arity);
  const facts = start.map(() => ({ kinds: new Set<StateKind>(), min: Infinity, max: -Infinity }));
  const watched = new Set<number>();
  let states = 0;
  let calls = 1;
  let maxDepth = 1;
  let numbers = true;
  let int32 = true;
  /** A Deferral on its way to the explorer; set while user code could still catch it. */
  let outstanding: Deferral | undefined;
  /** The frames running on the JavaScript stack above the explorer's top frame, outermost first. */
  const chain: Frame[] = [];

  const checkState = (state: StateArg[], caller: StateArg[]) => {
    if (state.length !== arity) {
      throw new Fault(
        `field 'recurrence' called self with ${state.length} argument(s) in ${show(caller)}; a state has ${arity} (the length of what 'start' returns)`,
      );
    }
    for (const argument of state) {
      if (kindOf(argument) === undefined) {
        throw new Fault(
          `field 'recurrence' called self with ${describe(argument)} in ${show(caller)}; state arguments must be numbers, strings, bigints or booleans`,
        );
      }
    }
  };

  const record = (state: StateArg[], value: unknown) => {
    if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'string') {
      throw new Fault(
        `field 'recurrence' returned ${describe(value)} at ${show(state)}; a value must be a number, bigint or string`,
      );
    }
    if (++states > limits.max_states) throw new LimitReached();
    if (typeof value === 'number') {
      if ((value | 0) !== value) int32 = false;
      if (limits.watch.includes(value)) watched.add(value);
    } else {
      numbers = false;
      int32 = false;
    }
    state.forEach((argument, position) => {
      const fact = facts[position]!;
      fact.kinds.add(kindOf(argument)!);
      if (typeof argument === 'number') {
        if (argument < fact.min) fact.min = argument;
        if (argument > fact.max) fact.max = argument;
      }
    });
  };

  /** Runs the recurrence at `state` (at `depth`), `levels` levels above the explorer's own frame. */
  const execute = (state: StateArg[], depth: number, levels: number): Answer => {
    let selfCalls = 0;
    const self = (...next: StateArg[]): Answer => {
      checkState(next, state);
      selfCalls++;
      if (depth + 1 > maxDepth) maxDepth = depth + 1;
      const found = store.get(next);
      if (found === PENDING) {
        throw new Fault(
          `field 'recurrence': ${show(next)} depends on itself (a cycle through ${show(state)})`,
        );
      }
      if (found !== undefined) return found;
      const frame = { state: next, depth: depth + 1 };
      if (levels + 1 >= NATIVE_LEVELS) {
        outstanding = new Deferral(frame, chain.slice());
        throw outstanding;
      }
      // Pending until computed: asked for again meanwhile, it depends on itself. A frame handed
      // over to the explorer's stack stays pending there.
      store.set(next, PENDING);
      chain.push(frame);
      const value = execute(next, depth + 1, levels + 1);
      chain.pop();
      store.set(next, value);
      return value;
    };
    let value: unknown;
    try {
      value = recurrence(data, self, ...state);
    } catch (error) {
      if (error instanceof Deferral || error instanceof Fault || error instanceof LimitReached) throw error;
      // Not the recurrence's fault but this process's stack (NATIVE_LEVELS levels did not fit):
      // thrown as it is, so that nobody takes it for an answer about the problem.
      if (isStackOverflow(error)) throw error;
      throw new Fault(`field 'recurrence' threw at ${show(state)}: ${messageOf(error)}`);
    }
    if (outstanding !== undefined) {
      throw new Fault(
        `field 'recurrence' caught what self threw in ${show(state)}; do not call self inside try/catch`,
      );
    }
    record(state, value);
    calls += selfCalls;
    return value as Answer;
  };

  const stack: Frame[] = [{ state: start, depth: 1 }];
  store.set(start, PENDING);
  try {
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      chain.length = 0;
      try {
        store.set(top.state, execute(top.state, top.depth, 0));
        stack.pop();
      } catch (error) {
        if (!(error instanceof Deferral)) throw error;
        outstanding = undefined;
        store.set(error.frame.state, PENDING);
        stack.push(...error.chain, error.frame);
      }
    }
  } catch (error) {
    if (error instanceof Fault) return { ok: false, fault: true, message: error.message };
    if (error instanceof LimitReached) {
      return {
        ok: false,
        fault: false,
        message: `more than ${limits.max_states.toLocaleString('en-US')} states`,
      };
    }
    throw error;
  }
  return {
    ok: true,
    exploration: {
      answer: store.get(start) as Answer,
      states,
      calls,
      max_depth: maxDepth,
      arguments: facts.map(argumentFacts),
      numbers,
      int32,
      watched_seen: limits.watch.filter((value) => watched.has(value)),
    },
  };
}

/** The kind of a state argument, or undefined when it cannot be one (an object, a function, undefined). */
export function kindOf(argument: unknown): StateKind | undefined {
  switch (typeof argument) {
    case 'number':
      return Number.isInteger(argument) ? 'integer' : 'number';
    case 'string':
    case 'bigint':
    case 'boolean':
      return typeof argument as StateKind;
    default:
      return undefined;
  }
}

/** A state as the user wrote the call, e.g. `self(3, "ab", 2n)`, cut short when long. */
export function show(state: readonly StateArg[]): string {
  const text = state
    .map((argument) =>
      typeof argument === 'string'
        ? JSON.stringify(argument)
        : typeof argument === 'bigint'
          ? `${argument}n`
          : String(argument),
    )
    .join(', ');
  return `self(${text.length > 80 ? `${text.slice(0, 77)}...` : text})`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object'
    : typeof value === 'undefined'
      ? 'undefined'
      : `a ${typeof value}`;
}

function argumentFacts(fact: { kinds: Set<StateKind>; min: number; max: number }): ArgumentFacts {
  const integers = fact.kinds.size === 1 && fact.kinds.has('integer');
  return {
    kinds: [...fact.kinds].sort(),
    min: integers ? fact.min : null,
    max: integers ? fact.max : null,
  };
}
