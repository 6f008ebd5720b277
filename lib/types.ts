/**
 * Every public type of memobench lives here. Values (functions, constants) live in the modules that
 * implement them; this file only describes shapes, with the meaning and unit of each number.
 */

/** An exact answer: a Number below 2^53 (usually reduced modulo a stated prime), a BigInt or a string. */
export type Answer = number | bigint | string;

/**
 * Profiles pick a size ladder from each suite: `quick` for smoke runs, `default` for the figures,
 * `full` for long runs, and `ci` for the regression check: small fixed sizes that every variant
 * completes on any reasonable machine, so the set of cells never depends on the machine.
 */
export type Profile = 'quick' | 'default' | 'full' | 'ci';

/** The variants every suite must define, each written as a reader would write it by hand. */
export type RequiredVariant = 'naive' | 'dict' | 'map' | 'closure' | 'bottom-up';

/** A seeded pseudo-random generator: same seed, same sequence, on every machine. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A string of `length` characters drawn uniformly from `alphabet`. */
  string(length: number, alphabet: string): string;
}

/** A typed-array constructor usable as a memo table or a bottom-up table. */
export type TableConstructor = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/**
 * The building blocks a variant creates its recursion and cache with. The timed pass gets the plain
 * ones (`recursive` is the identity, `object()` is `{}`, `map()` is `new Map()`), so the timed code is
 * exactly the hand-written code. An instrumented pass can hand in counting versions instead.
 */
export interface Tools {
  /** Marks the function the recursion goes through; returns it unchanged in the timed pass. */
  recursive<F extends (...args: never[]) => unknown>(fn: F): F;
  /** A plain-object cache, `{}`. */
  object<V>(): Record<string, V>;
  /** A `Map` cache, `new Map()`. */
  map<K, V>(): Map<K, V>;
  /** A typed-array table of `length` cells, every cell set to `fill`. */
  table<T extends TableConstructor>(type: T, length: number, fill: number): InstanceType<T>;
  /** The project's generic memoizer (see lib/memoize.ts). */
  memoize<A extends unknown[], R>(fn: (...args: A) => R, keyOf?: (...args: A) => unknown): (...args: A) => R;
  /**
   * Memoizes `fn` with a third-party memoizer (e.g. `(f) => moize(f, { maxSize: Infinity })`); the
   * recursion must go through the returned binding. The timed pass returns `memoizer(fn)`; the
   * counting pass counts calls of the binding, misses as calls that reached `fn`, hits as the rest.
   */
  memoizeWith<A extends unknown[], R>(
    memoizer: (fn: (...args: A) => R) => (...args: A) => R,
    fn: (...args: A) => R,
  ): (...args: A) => R;
}

/**
 * Exact operation counts of one call, from the instrumented pass (never from the timed pass).
 * They are the same on every machine.
 */
export interface OperationCounts {
  /** Invocations of the recursive function (through `t.recursive` or the memoized binding); for bottom-up, table writes (one per loop step). */
  calls: number;
  /** Calls whose first cache lookup found a value. */
  cache_hits: number;
  /** Calls whose first cache lookup found nothing. */
  cache_misses: number;
  /** Distinct keys or table cells written, over all caches and tables of the instance. */
  cache_entries: number;
  /** Deepest nesting of recursive calls (0 for code without recursion). */
  max_depth: number;
}

/** Memory figures of one call, bytes; null when they could not be measured (the note says why). */
export interface MemoryFigures {
  /** V8 heap plus external memory (ArrayBuffers, typed arrays) still held by the live instance after one call and a full GC, bytes. */
  retained_bytes: number | null;
  /** Heap plus external memory allocated during one call, with no GC in between, bytes. */
  allocated_bytes: number | null;
  /** Why a figure is missing, e.g. no --expose-gc, or a GC during every attempt. */
  memory_note?: string;
}

/**
 * Creates one fresh variant instance with its own empty cache. Caches are created in the factory's
 * scope, outside the returned function, so one instance keeps its cache across calls (the warm and
 * sequence cache modes reuse an instance; the default cold mode makes a new one per call).
 */
export type VariantFactory<I, O extends Answer> = (tools: Tools) => (input: I) => O;

/** The size ladders of a suite, ascending positive integers; `ci` defaults to the first sizes of `quick`. */
export type Ladders = Record<Exclude<Profile, 'ci'>, readonly number[]> & { ci?: readonly number[] };

/** A variant that wraps an npm memoizer, described for the audit of memoizers. */
export interface LibraryVariant {
  /** The npm package, e.g. "fast-memoize". */
  package: string;
  /** `default`: the library's documented default configuration; `tuned`: its best configuration for recursion. */
  configuration: 'default' | 'tuned';
  /** How it is configured and why, in one sentence. */
  how: string;
}

/** What `defineSuite` accepts: a recursive problem, its reference answer and its variants. */
export interface SuiteDefinition<I, O extends Answer> {
  /** Stable identifier used on the command line and in result files (kebab-case). */
  id: string;
  /** Human title, e.g. "Fibonacci numbers modulo 1,000,000,007". */
  title: string;
  /** What is computed, in one or two sentences. */
  description: string;
  /** The recurrence, written out, e.g. "F(n) = F(n-1) + F(n-2), F(0) = 0, F(1) = 1". */
  recurrence: string;
  /** Time complexity of the plain recursion and of the memoized/tabulated versions. */
  complexity: { naive: string; memoized: string };
  /** Builds the input of size n; problems with data draw it from the seeded `rng`. */
  input(n: number, rng: Rng): I;
  /** An independent way to the right answer (another algorithm or a closed form), never one of the variants. */
  reference(input: I): O;
  /** Size ladders per profile. */
  sizes: Ladders;
  /** The required variants plus any extras that teach something. */
  variants: Record<RequiredVariant, VariantFactory<I, O>> & Record<string, VariantFactory<I, O>>;
  /**
   * True when one instance may answer different inputs from one cache, because the cache keys are
   * absolute (F(n) means the same at every n): then `--cache sequence` can call f(1), ..., f(n) on one
   * instance. False (the default) when the cache is tied to one input's data, as in LCS.
   */
  sequence?: boolean;
  /** Optional notes per variant (why an extra exists, where a form is only the closest equivalent). */
  notes?: Record<string, string>;
  /** The variants that wrap npm memoizers, by variant name. */
  libraries?: Record<string, LibraryVariant>;
}

/** A loaded suite: the definition plus the file it came from. */
export interface Suite<I = unknown, O extends Answer = Answer> extends SuiteDefinition<I, O> {
  /** The file that defined the suite, relative to the project root (for error messages). */
  file: string;
  /** The same file, absolute (child processes import the suite from it). */
  path: string;
}

/**
 * The status of one cell (suite x variant x n). Only `ok` cells carry timings. `timeout`: the
 * child process was killed after --cell-timeout-ms; `crashed`: it died (out of memory, a signal,
 * a stack beyond the operating system's).
 */
export type CellStatus =
  | 'ok'
  | 'wrong-answer'
  | 'error'
  | 'stack-overflow'
  | 'timeout'
  | 'crashed'
  | 'skipped';

/** Why a cell was skipped without running: what happened at a smaller n, or `not-applicable` for a cache mode the suite lacks. */
export type SkipReason =
  | 'budget'
  | 'stack-overflow'
  | 'wrong-answer'
  | 'error'
  | 'timeout'
  | 'crashed'
  | 'not-applicable';

/**
 * What one timed operation does. `cold`: a fresh instance (empty cache) per call, measuring the
 * algorithm; `warm`: one instance filled before timing, measuring lookups; `sequence`: a fresh
 * instance answers f(1), f(2), ..., f(n) in turn, as a long-lived memoized function is used.
 */
export type CacheMode = 'cold' | 'warm' | 'sequence';

/** Where the cells run: each suite x variant in its own child process, or all in this one. */
export type Isolation = 'process' | 'none';

/** Timing statistics of one cell, all per single call of the variant. */
export interface TimeStats {
  /** Median time per call, ns. */
  median_ns: number;
  /** Mean time per call, ns. */
  mean_ns: number;
  /** 75th percentile per call, ns (linear interpolation between order statistics). */
  p75_ns: number;
  /** 99th percentile per call, ns. */
  p99_ns: number;
  /** Fastest sample, per call, ns. */
  min_ns: number;
  /** Slowest sample, per call, ns. */
  max_ns: number;
  /** Sample standard deviation, ns. */
  sd_ns: number;
  /** Median absolute deviation from the median (unscaled), ns. */
  mad_ns: number;
  /** Lower end of the distribution-free 95% confidence interval of the median (order statistics), ns. */
  ci_low_ns: number;
  /** Upper end of that interval, ns. */
  ci_high_ns: number;
  /** Relative margin of error of the mean at 95% (Student's t), percent of the mean. */
  rme_pct: number;
  /** Number of timed samples. */
  samples: number;
  /** Calls per sample: each sample times `batch` calls and is divided by `batch`. */
  batch: number;
}

/** How a cell measured over several processes (--repeat) spread. */
export interface ProcessSpread {
  /** Processes that measured the cell. */
  processes: number;
  /** Each process's median time per call, ns. */
  process_medians_ns: number[];
  /** Spread between processes: standard deviation of the process medians over their mean, percent. */
  spread_between_pct: number;
  /** Spread within one process: median over processes of (MAD / median), percent. */
  spread_within_pct: number;
}

/** GC activity inside the timed samples of a cell. */
export interface GcActivity {
  /** Garbage collections that started during sampling. */
  gc_count: number;
  /** Their total duration, ms. */
  gc_ms: number;
}

/** One row of the results: a suite x variant x n and what happened to it. */
export interface Cell
  extends Partial<TimeStats>,
    Partial<OperationCounts>,
    Partial<MemoryFigures>,
    Partial<GcActivity>,
    Partial<ProcessSpread> {
  suite: string;
  variant: string;
  /** Input size. */
  n: number;
  status: CellStatus;
  /** The exact answer as text, when the variant produced one. */
  result?: string;
  /** Why the cell was skipped, for `skipped` cells. */
  skip_reason?: SkipReason;
  /** The error message, for `error`, `stack-overflow` and `wrong-answer` cells. */
  message?: string;
  /** Wall time of the single verified call that preceded timing, ms (what the budget is checked against). */
  verify_ms?: number;
  /** Per-call time of every sample, ns, for later statistics (comparison tests, bootstrap). */
  samples_ns?: number[];
  /** Which timing backend measured the cell. */
  runner: RunnerName;
  /** The cache mode the cell was measured in. */
  cache_mode: CacheMode;
  /** Top-level calls per timed operation (n in sequence mode, else 1); per-call times are divided by it. */
  calls_per_op?: number;
  /** Why the operation counts are missing, when they are. */
  counts_note?: string;
  /** For --runner both: this runner's median over the other runner's, minus 1, percent. */
  runner_diff_pct?: number;
}

/** Timing backends. */
export type RunnerName = 'tinybench' | 'benny';

/** The --runner choice: one backend, or both on every cell. */
export type RunnerChoice = RunnerName | 'both';

/** How long and how often a backend samples one cell. */
export interface SamplingOptions {
  /** Sampling time, ms; sampling goes on until both this and `min_samples` are reached. */
  time_ms: number;
  /** Warm-up time before sampling, ms. */
  warmup_ms: number;
  /** Fewest samples. */
  min_samples: number;
}

/**
 * A timing backend: calls `call` `batch` times per sample and returns each sample's duration in ms
 * (for the whole batch). It throws what the call throws.
 */
export type Measure = (call: () => void, batch: number, sampling: SamplingOptions) => Promise<number[]>;

/** Options of one bench run, as resolved from the command line. */
export interface RunOptions {
  profile: Profile;
  /** Suite ids to run (all when the user named none). */
  suites: string[];
  /** Variant names to run (all when the user named none). */
  variants: string[];
  /** A variant stops climbing the ladder once one verified call takes longer than this, ms. */
  budget_ms: number;
  /** Time tinybench spends sampling each cell, ms (at least `min_samples` samples are taken). */
  time_ms: number;
  /** Warm-up time per cell before sampling, ms. */
  warmup_ms: number;
  /** Fewest samples per cell. */
  min_samples: number;
  /** Readings of retained bytes per cell (the median is kept); each costs four forced full GCs. 0: no memory pass. */
  memory_readings: number;
  /** Seed of the input generator (and of the order in which ladders run). */
  seed: number;
  runner: RunnerChoice;
  cache_mode: CacheMode;
  isolate: Isolation;
  /** Independent processes per suite x variant (process isolation only). */
  repeat: number;
  /** A child process stuck on one cell longer than this is killed, ms. */
  cell_timeout_ms: number;
  /** V8 stack size for the children (node --stack-size), KiB; null for V8's default. */
  stack_size_kb: number | null;
  /** This run measures only shard `index` (1-based) of `count`; null for the whole plan. */
  shard: Shard | null;
}

/** One of `count` deterministic parts of a run's ladders (--shard index/count). */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The machine and software a run was made on. */
export interface Environment {
  node: string;
  v8: string;
  os: string;
  arch: string;
  cpu_model: string;
  cpu_cores: number;
  /** Total memory, bytes. */
  total_memory_bytes: number;
  /** Git commit of memobench, when it runs from a git checkout. */
  git_commit: string | null;
  /** The command line that started the run. */
  command: string;
  /** ISO 8601 start time. */
  date: string;
}

/** Descriptive metadata of a suite, copied into the results so reports need nothing else. */
export interface SuiteInfo {
  id: string;
  title: string;
  description: string;
  recurrence: string;
  complexity: { naive: string; memoized: string };
  variants: string[];
  notes: Record<string, string>;
  libraries: Record<string, LibraryVariant>;
}

/** The results file, `results.json`: the single source of truth every report is built from. */
export interface Results {
  schema_version: 2;
  tool: 'memobench';
  environment: Environment;
  options: RunOptions;
  suites: SuiteInfo[];
  cells: Cell[];
  /** Wall time of the whole run so far, ms. */
  elapsed_ms: number;
  /** False while the run is still going or after it was interrupted (the file is rewritten as cells finish). */
  complete: boolean;
  /** Ladders (suite, variant, runner) whose every process finished; `--resume` runs the others again. */
  finished: string[];
}

// -------------------------------------------------------------------------------------------------
// Problems (issue 13): a recurrence written once, from which lib/define-problem.ts derives a suite.
// -------------------------------------------------------------------------------------------------

/** One argument of a state. Primitives only, so that every state can be a cache key. */
export type StateArg = number | string | bigint | boolean;

/** The arguments of one call of a recurrence after (input, self): the state. */
export type State = [StateArg, ...StateArg[]];

/**
 * What `defineProblem` accepts: a recurrence written once, with the recursion going through `self`
 * (open recursion), so that memobench can hand it a `self` with any cache. Annotate the
 * recurrence's return type (`(grid, self, i, j): number => ...`): TypeScript cannot infer it from a
 * body that uses `self`.
 */
export interface ProblemDefinition<I, S extends State, R extends Answer> {
  /** Stable identifier used on the command line and in result files (kebab-case). */
  id: string;
  /** Human title, e.g. "Cheapest monotone path through a grid". */
  title: string;
  /** What is computed, in one or two sentences; the title when absent. */
  description?: string;
  /** The recurrence written out for reports, e.g. "G(n) = n - G(G(n - 1)), G(0) = 0"; the function's source text when absent. */
  formula?: string;
  /** Builds the input of size n; problems with data draw it from the seeded `rng`. */
  input(n: number, rng: Rng): I;
  /** The state of the top-level call, e.g. `[n]` or `[rows - 1, columns - 1]`. */
  start(input: I): S;
  /** The recurrence: the answer at `state`, calling `self(...)` for the states it depends on. Must be pure. */
  recurrence(input: I, self: (...state: NoInfer<S>) => R, ...state: NoInfer<S>): R;
  /** An independent way to the answer (a closed form, another algorithm). Without it, variants are only checked against each other. */
  reference?(input: I): R;
  /** The size ladder, ascending positive integers, used by every profile (DEFAULT_PROBLEM_SIZES when absent). */
  sizes?: readonly number[];
}

/** The kind of one state argument: integers are told apart from other numbers, since only they index a table. */
export type StateKind = 'integer' | 'number' | 'string' | 'bigint' | 'boolean';

/** What the exploration saw of one state argument, over every state. */
export interface ArgumentFacts {
  /** The kinds of value it took. */
  kinds: StateKind[];
  /** Smallest and largest value, when every value was an integer (else null). */
  min: number | null;
  max: number | null;
}

/**
 * The recurrence evaluated once for one input, without using the JavaScript stack for its depth
 * (lib/explore-problem.ts): the answer and exact facts about its states.
 */
export interface Exploration {
  /** The answer at the start state. */
  answer: Answer;
  /** Distinct states: the entries an unbounded cache ends with. */
  states: number;
  /** Calls of `self` in a memoized top-down evaluation, cache hits included, plus the top-level call. */
  calls: number;
  /** Deepest nesting of those calls, frames of `self` (the top-level call is depth 1). */
  max_depth: number;
  /** Per state argument, in order. */
  arguments: ArgumentFacts[];
  /** Every value (the answer of every state) was a Number. */
  numbers: boolean;
  /** Every value was an integer in the Int32 range. */
  int32: boolean;
  /** Which of the watched values (candidate markers for an empty table cell) occurred among the values. */
  watched_seen: number[];
}

/** The input a derived suite's variants get: the problem's input, its start state and what the exploration found. */
export interface ProblemInput<I, S extends State> {
  /** Input size. */
  n: number;
  /** What the problem's `input(n, rng)` returned. */
  data: I;
  /** What the problem's `start(data)` returned. */
  start: S;
  /** The exploration of this input, or null when it stopped at the state limit (`shape_note` says so). */
  shape: Exploration | null;
  shape_note?: string;
}

/** A typed-array memo a derived `array` variant uses: its type and the value that marks an empty cell. */
export interface DerivedTable {
  type: 'Int32Array' | 'Float64Array';
  /** A value no state takes (checked at every input before the table is used). */
  empty: number;
}

/** What `defineProblem` decided when the file was loaded, from one exploration; the same in every process. */
export interface Derivation {
  /** Number of state arguments (the length of `start`'s array). */
  arity: number;
  /** The ladder size explored at load: the largest whose exploration finished within the state limit; null if none did. */
  probe_n: number | null;
  /** That exploration. */
  probe: Exploration | null;
  /** Why larger sizes (or every size) could not be explored at load, when they could not. */
  probe_note?: string;
  /** Every state argument seen at `probe_n` was an integer: packed keys and tables apply. */
  integer_states: boolean;
  /** Every state argument seen at `probe_n` was a Number: keys joined with ',' are exact. */
  number_states: boolean;
  /** The `array` variant's table, or null when it does not apply. */
  table: DerivedTable | null;
  /** Capacity of the `lru-<c>` variant: the smallest that kept calls within 2x of an unbounded cache's at `lru_n`; null when none is derived. */
  lru_capacity: number | null;
  /** The size that capacity was found at: the largest explored one within LRU_SEARCH_MAX_STATES states and LRU_SEARCH_MAX_DEPTH levels (lib/define-problem.ts). */
  lru_n: number | null;
  /** `given`: the problem's own reference; `recurrence`: none was given, so answers are checked against the recurrence evaluated once more, exactly (`Exploration.answer`). */
  reference: 'given' | 'recurrence';
}

/** The suite derived from a problem: a suite definition like any other, plus the problem and the derivation. */
export interface ProblemSuite<I, S extends State, R extends Answer>
  extends SuiteDefinition<ProblemInput<I, S>, R> {
  problem: ProblemDefinition<I, S, R>;
  derivation: Derivation;
}

/** Calls of a recursion whose cache is an LRU of one capacity (lib/lru.ts). */
export interface CapacityPoint {
  /** Entries the cache may hold; 0 is no cache. */
  capacity: number;
  /** Calls of the recursive function, cache hits included, and the top-level call. */
  calls: number;
  /** False when the run was stopped at `calls`, which is then a lower bound. */
  exact: boolean;
}

/** The LRU capacity curve of one suite at one n (runners/capacity.ts). */
export interface CapacityAtSize {
  n: number;
  /** Entries of the unbounded cache: with this capacity nothing is evicted. */
  states: number;
  /** Calls with the unbounded cache. */
  unbounded_calls: number;
  /** The smallest capacity whose calls stay within `factor` x `unbounded_calls`. */
  smallest_sufficient: number;
  /** Calls at that capacity. */
  calls_at_smallest: number;
  /** Calls with one entry fewer (above the factor), null when the smallest sufficient capacity is 0. */
  below_smallest: CapacityPoint | null;
  /** Calls at capacities 0, 1, 2, 3 and the powers of two below `states`, each run stopped at `CapacityCurve.curve_limit_factor` x `unbounded_calls`. */
  curve: CapacityPoint[];
}

/** Calls against LRU capacity for one suite, over sizes (runners/capacity.ts). */
export interface CapacityCurve {
  suite: string;
  /** The variant run with its `t.memoize` cache bounded (every suite's `closure`). */
  variant: string;
  /** A capacity is sufficient when its calls are at most this many times the unbounded cache's. */
  factor: number;
  /** Curve points stop at this many times the unbounded cache's calls. */
  curve_limit_factor: number;
  /** One entry per size, ascending, up to the first size the unbounded run could not do. */
  sizes: CapacityAtSize[];
  /** Why sizes are missing (a stack overflow at that n), when they are. */
  note?: string;
}

/** How deep the top-down form of a problem gets on this process's stack (runners/depth.ts). */
export interface StackReach {
  /** The variant run to find it. */
  variant: string;
  /** Largest n whose call returned without a stack overflow, and its exact recursion depth (frames of `self`); null if the first probe overflowed (or, for a depth, past the exploration's state limit). */
  reached_n: number | null;
  reached_depth: number | null;
  /** Smallest n whose call overflowed the stack, and the depth it needed; null if none did up to the last probe. */
  overflow_n: number | null;
  overflow_depth: number | null;
  /** Every size tried, in order, and whether its call fitted. */
  probes: { n: number; fits: boolean }[];
  /** Why the search stopped without an overflow, or why a depth is missing. */
  note?: string;
}

/** A median time per call with its 95% confidence interval, ns (the verdict's view of a timed cell). */
export interface MedianInterval {
  median_ns: number;
  ci_low_ns: number;
  ci_high_ns: number;
}

/**
 * What the verdict on a problem is built from (reports/verdict.ts): measurements only, already
 * chosen by the caller, in a shape of its own so that the verdict does not depend on how cells are
 * stored. Every part is optional; a missing part gives no sentence.
 */
export interface VerdictInput {
  /** `given`: answers were checked against the problem's reference; `recurrence`: only against each other. */
  reference: 'given' | 'recurrence';
  /** Where a memoized variant starts to beat naive for good. */
  crossover?: {
    variant: string;
    /** Smallest measured n from which it is faster (separated intervals) at every larger n both reached; null when it is not faster at the largest. */
    n: number | null;
    /** The largest n both reached. */
    largest_n: number;
    /** The deciding intervals at `n` (or at `largest_n` when `n` is null). */
    variant_at: MedianInterval;
    naive_at: MedianInterval;
    /** The measured size just below `n`, where the intervals did not separate, with them. */
    before?: { n: number; variant: MedianInterval; naive: MedianInterval };
  };
  /** The fastest variant at the largest size every compared variant reached, and the others' medians there. */
  fastest?: {
    n: number;
    variant: string;
    median_ns: number;
    others: { variant: string; median_ns: number }[];
  };
  /** Retained bytes and cache entries per variant at one size. */
  memory?: { n: number; variants: { variant: string; retained_bytes: number; entries: number }[] };
  /** How deep the top-down form got on the default stack. */
  depth?: Pick<StackReach, 'variant' | 'reached_n' | 'reached_depth' | 'overflow_n' | 'overflow_depth'>;
  /** The smallest sufficient LRU capacity per size. */
  capacity?: {
    /** Sufficient: calls at most this many times the unbounded cache's. */
    factor: number;
    sizes: Pick<
      CapacityAtSize,
      'n' | 'states' | 'unbounded_calls' | 'smallest_sufficient' | 'calls_at_smallest' | 'below_smallest'
    >[];
  };
}
