import { deriveVariants, MAX_TABLE_CELLS } from './derive-problem.ts';
import { isStackOverflow, messageOf, UsageError } from './errors.ts';
import { exploreProblem, kindOf } from './explore-problem.ts';
import { boundedRun, smallestSufficientCapacity } from './lru.ts';
import { rngFor } from './random.ts';
import { packingOf } from './state-keys.ts';
import type {
  Answer,
  CapacityPoint,
  Derivation,
  DerivedTable,
  Exploration,
  ProblemDefinition,
  ProblemInput,
  ProblemSuite,
  State,
  VariantFactory,
} from './types.ts';

/** The size ladder of a problem that states none. */
export const DEFAULT_PROBLEM_SIZES: readonly number[] = [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/**
 * The seed of the inputs explored when a problem file is loaded: the default seed of a run
 * (runners/profiles.ts), so a default run meets the inputs the derivation saw.
 */
export const PROBE_SEED = 20261124;

/** States the load-time exploration may visit per size; a larger size is skipped for a smaller one. */
export const LOAD_MAX_STATES = 1 << 17;

/** The `lru-<c>` capacity is searched at the largest explored size with at most this many states (about 14 runs of up to twice its calls: a few tenths of a second per load). */
export const LRU_SEARCH_MAX_STATES = 1 << 14;

/**
 * ... and a top-down depth of at most this many calls of `self`: the search recurses on the
 * JavaScript stack, and the size it uses must not depend on how large that stack is, or processes
 * with different --stack-size would derive different `lru-<c>` variants. 1,000 levels are a few
 * thousand frames, far below V8's default stack.
 */
export const LRU_SEARCH_MAX_DEPTH = 1000;

/** States the exploration of each input of a run may visit (about 0.5 GB of Maps at most). */
export const RUN_MAX_STATES = 1 << 22;

/** The `lru-<c>` variant's capacity keeps calls within this factor of an unbounded cache's. */
export const LRU_FACTOR = 2;

/** Values that may mark an empty table cell, in order of preference; the first no state takes is used. */
const TABLE_MARKERS = [-1, -2147483648, -Number.MAX_VALUE] as const;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks a problem and derives the suite memobench runs from it. The result is a suite definition
 * like any other (plus `problem` and `derivation`), so a problem file is a suite file: the
 * registry, the child processes (which import the file by path, compiled or not) and the counting
 * pass (a second instance of the file) all get the same derived suite, since the derivation is a
 * pure function of the file. At load, the problem's input and start state at the smallest size
 * are checked (a mistake there is a UsageError naming the field), then the recurrence is explored
 * at the largest size it finishes at within LOAD_MAX_STATES states: which variants apply is decided
 * from what that exploration saw. The recurrence's own faults are not usage errors: they are
 * found at run time, at the sizes where they happen, as `error` cells naming the field.
 */
export function defineProblem<I, S extends State, R extends Answer>(
  definition: ProblemDefinition<I, S, R>,
): ProblemSuite<I, S, R> {
  const where = `problem '${String(definition.id)}'`;
  const fail = (message: string): never => {
    throw new UsageError(`${where}: ${message}`);
  };
  if (typeof definition.id !== 'string' || !ID_PATTERN.test(definition.id)) {
    fail(`field 'id' must be kebab-case (a-z, 0-9, '-')`);
  }
  for (const field of ['title', 'description', 'formula'] as const) {
    const value = definition[field];
    if ((field === 'title' || value !== undefined) && (typeof value !== 'string' || value.trim() === '')) {
      fail(`field '${field}' must be a non-empty string`);
    }
  }
  for (const field of ['input', 'start', 'recurrence'] as const) {
    if (typeof definition[field] !== 'function') fail(`field '${field}' must be a function`);
  }
  if (definition.reference !== undefined && typeof definition.reference !== 'function') {
    fail(`field 'reference' must be a function (an independent way to the answer) or absent`);
  }
  const sizes = definition.sizes ?? DEFAULT_PROBLEM_SIZES;
  if (!Array.isArray(sizes) || sizes.length === 0) fail(`field 'sizes' must be a non-empty list of sizes`);
  sizes.forEach((n, index) => {
    if (!Number.isSafeInteger(n) || n < 1) fail(`sizes[${index}] = ${String(n)} is not a positive integer`);
    if (index > 0 && n <= (sizes[index - 1] as number)) {
      fail(`field 'sizes' must be strictly ascending (${String(n)} at ${index})`);
    }
  });

  const smallest = sizes[0] as number;
  let data: I;
  try {
    data = definition.input(smallest, rngFor(PROBE_SEED, definition.id, smallest));
  } catch (error) {
    return fail(`field 'input' threw at n = ${smallest}: ${messageOf(error)}`);
  }
  const start = startOf(definition, data, smallest, fail);
  const declared = definition.recurrence.length - 2;
  if (declared !== start.length) {
    fail(
      `field 'start' returns ${start.length} argument(s) but field 'recurrence' declares ${declared} after (input, self) (Function.length: a rest or default parameter is not counted)`,
    );
  }

  const derivation = derive(definition, sizes, start.length);
  const derived = deriveVariants(definition, derivation);
  const given = definition.reference;
  const checked =
    given === undefined
      ? ' No independent reference was given: every variant is checked against the recurrence evaluated once more with an exact cache on a stack of its own, so the variants are checked against each other, not the recurrence itself.'
      : '';
  const arguments_ = derivation.probe?.arguments.map((fact) => fact.kinds.join('|')).join(', ');
  return {
    id: definition.id,
    title: definition.title,
    description: `${sentence(definition.description ?? definition.title)}${checked}`,
    recurrence: definition.formula ?? sourceOf(definition.recurrence),
    complexity: {
      naive: 'not stated (a problem file): see the measured calls',
      memoized:
        derivation.probe === null
          ? 'not stated (a problem file): see the measured calls'
          : `${derivation.probe.states.toLocaleString('en-US')} states (${arguments_}) at n = ${derivation.probe_n}`,
    },
    input: (n, rng) => problemInput(definition, n, rng),
    reference: (input) => {
      if (given !== undefined) return given(input.data);
      if (input.shape === null) {
        throw new Error(
          `no reference was given and the recurrence could not be explored: ${input.shape_note}`,
        );
      }
      return input.shape.answer as R;
    },
    sizes: { quick: sizes, default: sizes, full: sizes },
    variants: derived.variants as unknown as ProblemSuite<I, S, R>['variants'],
    notes: derived.notes,
    libraries: derived.libraries,
    problem: definition,
    derivation,
  };
}

/**
 * The input a derived suite's variants get at size n. The exploration runs here, while the input
 * is made and before anything is timed; a fault it finds is thrown with its field named, so every
 * variant at this size gets an `error` cell saying what is wrong.
 */
function problemInput<I, S extends State, R extends Answer>(
  problem: ProblemDefinition<I, S, R>,
  n: number,
  rng: Parameters<ProblemDefinition<I, S, R>['input']>[1],
): ProblemInput<I, S> {
  const data = problem.input(n, rng);
  const start = startOf(problem, data, n, (message) => {
    throw new Error(`problem '${problem.id}': ${message}`);
  });
  const outcome = exploreProblem(problem, data, start, { max_states: RUN_MAX_STATES, watch: TABLE_MARKERS });
  if (outcome.ok) return { n, data, start, shape: outcome.exploration };
  if (outcome.fault) throw new Error(`problem '${problem.id}': ${outcome.message}`);
  return { n, data, start, shape: null, shape_note: `${outcome.message} at n = ${n}` };
}

/** The start state of an input, checked: an array of primitives. */
function startOf<I, S extends State>(
  problem: Pick<ProblemDefinition<I, S, Answer>, 'start'>,
  data: I,
  n: number,
  fail: (message: string) => never,
): S {
  let start: unknown;
  try {
    start = problem.start(data);
  } catch (error) {
    return fail(`field 'start' threw at n = ${n}: ${messageOf(error)}`);
  }
  if (!Array.isArray(start) || start.length === 0) {
    return fail(`field 'start' must return a non-empty array of arguments (got ${JSON.stringify(start)})`);
  }
  start.forEach((argument, position) => {
    if (kindOf(argument) === undefined) {
      fail(
        `field 'start' returned a ${typeof argument} at position ${position}; state arguments must be numbers, strings, bigints or booleans`,
      );
    }
  });
  return start as S;
}

/** One size explored at load: the input the variants would get, or why there is none. */
type Probe<I, S extends State> =
  | { ok: true; input: ProblemInput<I, S>; shape: Exploration }
  | {
      ok: false;
      note: string;
      /** The state limit, not a fault, stopped it. */
      limit: boolean;
    };

/**
 * Decides which variants apply from the exploration of the largest ladder size within
 * LOAD_MAX_STATES states. Sizes are explored in ascending order and the climb stops at the first
 * over the limit (the states only grow with n), so the work is about that of the largest size
 * explored plus one stopped attempt; a size whose input or recurrence fails is passed over.
 */
function derive<I, S extends State, R extends Answer>(
  problem: ProblemDefinition<I, S, R>,
  sizes: readonly number[],
  arity: number,
): Derivation {
  const probes: { n: number; probe: Probe<I, S> }[] = [];
  for (const n of sizes) {
    const probe = probeAt(problem, n);
    probes.push({ n, probe });
    if (!probe.ok && probe.limit) break;
  }
  const explored = probes.filter((entry) => entry.probe.ok);
  const failed = probes.filter((entry) => !entry.probe.ok);
  const notes = failed.map(({ n, probe }) => `n = ${n}: ${probe.ok ? '' : probe.note}`).join('; ');
  const reference = problem.reference === undefined ? 'recurrence' : 'given';
  const last = explored.at(-1);
  if (last === undefined || !last.probe.ok) {
    return {
      arity,
      probe_n: null,
      probe: null,
      probe_note: `no size could be explored (${notes})`,
      integer_states: false,
      number_states: false,
      table: null,
      lru_capacity: null,
      lru_n: null,
      reference,
    };
  }
  const probe = last.probe.shape;
  const kinds = probe.arguments.flatMap((fact) => fact.kinds);
  const integerStates = kinds.every((kind) => kind === 'integer');
  const derivation: Derivation = {
    arity,
    probe_n: last.n,
    probe,
    ...(notes === '' ? {} : { probe_note: notes }),
    integer_states: integerStates,
    number_states: kinds.every((kind) => kind === 'integer' || kind === 'number'),
    table: integerStates ? tableFor(probe) : null,
    lru_capacity: null,
    lru_n: null,
    reference,
  };
  // The capacity is searched with the derived `closure` (a t.memoize cache) at the largest explored
  // size within the search's limits.
  const closure = deriveVariants(problem, derivation).variants.closure as VariantFactory<
    ProblemInput<I, S>,
    Answer
  >;
  const searched = explored.findLast(
    ({ probe: each }) =>
      each.ok && each.shape.states <= LRU_SEARCH_MAX_STATES && each.shape.max_depth <= LRU_SEARCH_MAX_DEPTH,
  );
  if (searched === undefined || !searched.probe.ok) return derivation;
  const { input: searchInput, shape } = searched.probe;
  let smallest: CapacityPoint;
  try {
    smallest = smallestSufficientCapacity(
      (capacity, limit) => boundedRun(closure, searchInput, capacity, limit),
      shape.states,
      shape.calls,
      LRU_FACTOR,
    );
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new Error(
      `problem '${problem.id}': the stack is too small to search the LRU capacity at n = ${searched.n} (recursion depth ${shape.max_depth}); run with a larger --stack-size`,
    );
  }
  // A capacity that holds every state is no bound, and 0 is no cache (naive).
  if (smallest.capacity > 0 && smallest.capacity < shape.states) {
    derivation.lru_capacity = smallest.capacity;
    derivation.lru_n = searched.n;
  }
  return derivation;
}

/** The input of size n made with PROBE_SEED, and its exploration within LOAD_MAX_STATES states. */
function probeAt<I, S extends State, R extends Answer>(
  problem: ProblemDefinition<I, S, R>,
  n: number,
): Probe<I, S> {
  try {
    const data = problem.input(n, rngFor(PROBE_SEED, problem.id, n));
    const start = startOf(problem, data, n, (message) => {
      throw new Error(message);
    });
    const outcome = exploreProblem(problem, data, start, {
      max_states: LOAD_MAX_STATES,
      watch: TABLE_MARKERS,
    });
    if (!outcome.ok) return { ok: false, note: outcome.message, limit: !outcome.fault };
    return { ok: true, input: { n, data, start, shape: outcome.exploration }, shape: outcome.exploration };
  } catch (error) {
    // A stack overflow says nothing about the problem (see LRU_SEARCH_MAX_DEPTH): it stops the load.
    if (isStackOverflow(error)) throw error;
    return { ok: false, note: messageOf(error), limit: false };
  }
}

/** The typed array of the `array` variant, or null: Number values, a free marker, and a table of at most MAX_TABLE_CELLS. */
function tableFor(probe: Exploration): DerivedTable | null {
  const cells = packingOf(probe.arguments)?.cells;
  if (!probe.numbers || cells === undefined || cells > MAX_TABLE_CELLS) return null;
  const free = TABLE_MARKERS.filter((marker) => !probe.watched_seen.includes(marker));
  const int32 = free.find((marker) => (marker | 0) === marker);
  if (probe.int32 && int32 !== undefined) return { type: 'Int32Array', empty: int32 };
  const empty = free[0];
  return empty === undefined ? null : { type: 'Float64Array', empty };
}

/** A text ending in a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** The recurrence's source on one line, for reports (as the loader compiled it: tsx drops spaces). */
function sourceOf(recurrence: (...args: never[]) => unknown): string {
  const text = recurrence.toString().replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
