/**
 * Every public type of memobench lives here, with the meaning and unit of each number, and so does
 * every closed list of names those types use (profiles, statuses, cache modes, runners, ...): each is
 * one `as const` array, from which its type (`(typeof X)[number]`), the results file's zod schema
 * (`z.enum(X)`) and the command line's choices (`.choices(X)`) are all derived, so a name is written
 * once. Other values (functions, tuning constants) live in the modules that implement them.
 */

/**
 * `true` when A and B are the same shape: the same fields, each with the same optionality and the
 * same type, recursively; else `false`. For compile-time assertions, `true satisfies Equal<A, B>`.
 * Assignability both ways would not do: an optional field on one side only is assignable both ways.
 * Both sides are normalised first, so `A & B` equals the one object type with the fields of both.
 */
export type Equal<A, B> =
  (<T>() => T extends Normalized<A> ? 1 : 2) extends <T>() => T extends Normalized<B> ? 1 : 2 ? true : false;

/** A type with its intersections merged into one object type, recursively (arrays stay arrays, unions unions). */
type Normalized<T> = T extends object ? { [K in keyof T]: Normalized<T[K]> } : T;

/** An exact answer: a Number below 2^53 (usually reduced modulo a stated prime), a BigInt or a string. */
export type Answer = number | bigint | string;

/** The profiles whose size ladder every suite writes out (`ci` defaults to the first sizes of `quick`). */
export const LADDER_PROFILES = ['quick', 'default', 'full'] as const;

/** Profiles a user can choose (--profile), in the order help texts list them. */
export const PROFILES = [...LADDER_PROFILES, 'ci'] as const;

/** Profiles `advise` offers: a quick look, or the figures with memory (`full` and `ci` serve other ends). */
export const ADVISE_PROFILES = ['quick', 'default'] as const satisfies readonly (typeof PROFILES)[number][];

/**
 * Profiles pick a size ladder from each suite: `quick` for smoke runs, `default` for the figures,
 * `full` for long runs, and `ci` for the regression check: small fixed sizes that every variant
 * completes on any reasonable machine, so the set of cells never depends on the machine.
 */
export type Profile = (typeof PROFILES)[number];

/** The variants every suite must define, in the order reports list them. */
export const REQUIRED_VARIANTS = ['naive', 'dict', 'map', 'closure', 'bottom-up'] as const;

/** The variants every suite must define, each written as a reader would write it by hand. */
export type RequiredVariant = (typeof REQUIRED_VARIANTS)[number];

/** The variants speedups are reported against (reports/crossover.ts), in the order tables show them. */
export const SPEEDUP_BASELINES = ['naive', 'bottom-up'] as const satisfies readonly RequiredVariant[];

/** A variant speedups are reported against. */
export type SpeedupBaseline = (typeof SPEEDUP_BASELINES)[number];

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

/**
 * What the instrumented pass finds out about one operation: its exact counts, and how the timed
 * operation should use instances. Deterministic for a suite's code, variant, n, seed and cache
 * mode, so it is cached across runs (runners/counts-cache.ts).
 */
export interface CountedOperation {
  counts: OperationCounts;
  /**
   * `shared` when the instance keeps no state between calls: a second operation on the same
   * instance made exactly the counts of the first (same calls, no hits carried over); `per-call`
   * when it does, or when that cannot be told (no counted calls). Always `shared` in warm mode.
   */
  instance: InstanceMode;
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
export type Ladders = Record<(typeof LADDER_PROFILES)[number], readonly number[]> & {
  ci?: readonly number[];
};

/** How a library variant is configured, in the order the audit lists them. */
export const LIBRARY_CONFIGURATIONS = ['default', 'tuned'] as const;

/** `default`: the library's documented default configuration; `tuned`: its best configuration for recursion. */
export type LibraryConfiguration = (typeof LIBRARY_CONFIGURATIONS)[number];

/** A variant that wraps an npm memoizer, described for the audit of memoizers. */
export interface LibraryVariant {
  /** The npm package, e.g. "fast-memoize". */
  package: string;
  configuration: LibraryConfiguration;
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

/** The statuses of a variant that threw: `stack-overflow` for V8's RangeError of an exhausted stack, else `error`. */
export const THROWN_STATUSES = ['error', 'stack-overflow'] as const;

/** The statuses of a cell whose child process ended first: killed after --cell-timeout-ms, or died. */
export const KILLED_STATUSES = ['timeout', 'crashed'] as const;

/** The statuses of a cell that ran and did not end `ok`. */
export const FAILED_STATUSES = ['wrong-answer', ...THROWN_STATUSES, ...KILLED_STATUSES] as const;

/** Every status of a cell, in the order the results file's schema lists them. */
export const CELL_STATUSES = ['ok', ...FAILED_STATUSES, 'over-budget', 'skipped'] as const;

/**
 * The status of one cell (suite x variant x n). Only `ok` cells carry timings. `timeout`: the
 * child process was killed after --cell-timeout-ms; `crashed`: it died (out of memory, a signal,
 * a stack beyond the operating system's); `over-budget`: its one verified call took longer than
 * the budget, or was stopped at it, so it was not timed.
 */
export type CellStatus = (typeof CELL_STATUSES)[number];

/**
 * Reasons a cell was skipped: the budget (a smaller n was measured over it), a failed status at a
 * smaller n, a cache mode the suite lacks, or (`predicted`, in-process runs only) a call predicted
 * to run far past the budget, which a process without a parent to stop it must not start.
 */
export const SKIP_REASONS = ['budget', ...FAILED_STATUSES, 'not-applicable', 'predicted'] as const;

/** Why a cell was skipped without running (see SKIP_REASONS). */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Cache modes (--cache), the default first. */
export const CACHE_MODES = ['cold', 'warm', 'sequence'] as const;

/**
 * What one timed operation does. `cold`: a fresh instance (empty cache) per call, measuring the
 * algorithm; `warm`: one instance filled before timing, measuring lookups; `sequence`: a fresh
 * instance answers f(1), f(2), ..., f(n) in turn, as a long-lived memoized function is used.
 */
export type CacheMode = (typeof CACHE_MODES)[number];

/**
 * How the timed operation uses variant instances. `per-call`: a new instance (empty cache) for
 * every call, so creating the cache is part of the cost; `shared`: one instance, created before
 * timing, answers every call, as users write a function that keeps no state (a module-level
 * function): V8 then sees one closure and can specialise its recursive call.
 */
export const INSTANCE_MODES = ['shared', 'per-call'] as const;

/** How the timed operation uses variant instances (see INSTANCE_MODES). */
export type InstanceMode = (typeof INSTANCE_MODES)[number];

/**
 * What one process does with a ladder. `discover` (the first round): climbs the sizes in order,
 * judges each verified call against the budget, takes exact counts and memory figures; `measure`
 * (later rounds): verifies and times again only the sizes the first round timed.
 */
export const LADDER_PHASES = ['discover', 'measure'] as const;

/** What one process does with a ladder (see LADDER_PHASES). */
export type LadderPhase = (typeof LADDER_PHASES)[number];

/** Isolation modes (--isolate), the default first. */
export const ISOLATION_MODES = ['process', 'none'] as const;

/** Where the cells run: each suite x variant in its own child process, or all in this one. */
export type Isolation = (typeof ISOLATION_MODES)[number];

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
  /**
   * Lower end of the cell's 95% interval, ns. From one process's samples: the distribution-free
   * confidence interval of the median (order statistics). On a cell of a run (lib/merge-processes.ts):
   * the process-level prediction interval of the estimate another run would report (OkCell's
   * `estimate_ns` and `interval_basis`; lib/process-interval.ts).
   */
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

/** How a cell measured over several processes spread. */
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

/** What every cell carries, whatever its status: which cell it is and how it was (or would have been) measured. */
export interface CellIdentity {
  suite: string;
  variant: string;
  /** Input size. */
  n: number;
  /** Which timing backend measured the cell, or would have. */
  runner: RunnerName;
  /** The cache mode the cell was measured in, or would have been. */
  cache_mode: CacheMode;
}

/**
 * A cell whose answer was verified and then timed: it always has its answer, the verified call's
 * time and the timing statistics (TimeStats). Operation counts (all five or none: `counts_note`
 * says why not), memory figures (`memory_note` says why one is missing) and the spread between
 * processes (all four fields, on a cell merged from several processes) can be missing. GC activity
 * is absent only from cells migrated from a version 1 file, which did not watch GC.
 */
export interface OkCell
  extends CellIdentity,
    TimeStats,
    Partial<OperationCounts>,
    Partial<GcActivity>,
    Partial<ProcessSpread> {
  status: 'ok';
  /** The exact answer as text (a BigInt answer ends in `n`). */
  result: string;
  /**
   * Wall time of the single verified call that preceded timing, ms (what the budget is checked
   * against); the median over processes on a merged cell.
   */
  verify_ms: number;
  /** Top-level calls per timed operation (n in sequence mode, else 1); per-call times are divided by it. */
  calls_per_op: number;
  /**
   * The cell's process-level estimate, ns per call: the geometric mean of the process medians but
   * the slowest (of two: the faster; of one: its median); `ci_low_ns` and `ci_high_ns` are its 95%
   * prediction interval for another run. Absent from cells of runs before process-level intervals.
   */
  estimate_ns?: number;
  /** What that interval rests on (INTERVAL_BASES): the cell's processes, the run's prior, or one process's samples. */
  interval_basis?: IntervalBasis;
  /**
   * How the timed operation used instances: `shared` for a variant found stateless by the counting
   * pass (and in warm mode), `per-call` otherwise. Absent from cells of runs before this was decided
   * (they were all `per-call` in cold and sequence mode).
   */
  instance?: InstanceMode;
  /**
   * Per-call time of up to 1,000 samples (thinned evenly, time order kept), ns, for later statistics
   * (comparison tests, bootstrap); pooled over processes on a merged cell. Absent from a committed
   * baseline, which leaves them out to stay small (checks/baseline.ts).
   */
  samples_ns?: number[];
  /** Why the operation counts are missing, when they are (the instrumented pass was skipped, failed or answered otherwise). */
  counts_note?: string;
  /** See MemoryFigures; absent, never null, when not measured (memory_note says why). */
  retained_bytes?: number;
  /** See MemoryFigures; absent, never null, when not measured (memory_note says why). */
  allocated_bytes?: number;
  /** Why a memory figure is missing. */
  memory_note?: string;
  /**
   * On a cell merged from several processes (rounds, A/B rounds), what the cell's status hides:
   * the statuses of the processes that did not end ok, or that their operation counts differed.
   */
  message?: string;
  /** For --runner both, on benny's cell when tinybench's is ok too: benny's median over tinybench's, minus 1, percent. */
  runner_diff_pct?: number;
}

/**
 * A variant that answered wrongly: the verified call, the call in the cache mode (warm, sequence)
 * or a later timed call disagreed with the reference or with the verified answer. Never timed.
 */
export interface WrongAnswerCell extends CellIdentity {
  status: 'wrong-answer';
  /** The wrong answer as text. */
  result: string;
  /** What was expected, and which other variants agree with it or with this answer. */
  message: string;
  /**
   * Wall time of the verified call, ms. Absent when a timed call answered otherwise than the
   * verified call: that cell records what was wrong, not how long the verified call took.
   */
  verify_ms?: number;
}

/** A variant, its input generator or its reference threw (`stack-overflow`: the stack ran out). */
export interface ErrorCell extends CellIdentity {
  status: (typeof THROWN_STATUSES)[number];
  /** The error's message, prefixed with the stage when it came after verification. */
  message: string;
  /** The verified answer, when the variant threw only after it was verified (in its cache mode or while timed). */
  result?: string;
}

/** The child process measuring the cell ended first: killed after --cell-timeout-ms (`timeout`), or died (`crashed`). */
export interface KilledCell extends CellIdentity {
  status: (typeof KILLED_STATUSES)[number];
  /** The time-out, or the exit code or signal with the end of the child's stderr (or why it could not load the suite). */
  message: string;
}

/**
 * A cell whose one verified call took longer than the budget: it is not timed (no samples are spent
 * on it) and the sizes above it are skipped. What was seen is recorded, not a timing statistic:
 * the call's wall time, and its verified answer when it finished. In a child process the call runs
 * under a deadline (the budget plus a little slack for IPC) and is stopped there: `result` is then
 * absent and `verify_ms` is how long it had run when it was stopped (a lower bound).
 */
export interface OverBudgetCell extends CellIdentity {
  status: 'over-budget';
  /** Wall time of the verified call, ms: measured when it finished; when it was stopped, how long it had run (a lower bound). */
  verify_ms: number;
  /** The verified answer, when the call finished (absent when it was stopped). */
  result?: string;
  /** What was seen, e.g. "one call took 61.2 ms, over the 50 ms budget" or "... ran longer than 50 ms and was stopped". */
  message: string;
}

/** A cell that was not run, because of what happened at a smaller n or because its cache mode does not apply. */
export interface SkippedCell extends CellIdentity {
  status: 'skipped';
  skip_reason: SkipReason;
  /** What stopped the ladder, e.g. "failed at n = 12" or the budget it went over. */
  message: string;
}

/**
 * One row of the results: a suite x variant x n and what happened to it. A union on `status`,
 * each member with only the fields that state has, so the compiler knows what exists after a
 * check of `status` (lib/cells.ts: isOk for filters, fieldOf for lists of fields).
 */
export type Cell = OkCell | WrongAnswerCell | ErrorCell | KilledCell | OverBudgetCell | SkippedCell;

/** A cell that ran and did not end `ok` (one of FAILED_STATUSES). */
export type FailedCell = WrongAnswerCell | ErrorCell | KilledCell;

// Compile-time check: every status has its member of Cell, and no member has a status of its own.
true satisfies Equal<Cell['status'], CellStatus>;

/** Every field that some cell can have (`keyof Cell` gives only the fields all cells share). */
export type CellField = KeysOfEach<Cell>;

/** The keys of each member of a union, together. */
type KeysOfEach<T> = T extends unknown ? keyof T : never;

/**
 * Timing backends, in order of preference: with --runner both, tinybench's ladder runs first, and
 * charts, crossovers and fits use tinybench's cell where both measured one (reports/primary.ts).
 */
export const RUNNER_NAMES = ['tinybench', 'benny'] as const;

/** Timing backends. */
export type RunnerName = (typeof RUNNER_NAMES)[number];

/** The --runner choices: one backend, or `both` on every cell. */
export const RUNNER_CHOICES = [...RUNNER_NAMES, 'both'] as const;

/** The --runner choice: one backend, or both on every cell. */
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];

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
  /** A variant stops climbing the ladder at the first size whose verified call takes longer than this, ms. */
  budget_ms: number;
  /** Time the backend spends sampling each cell in each process, ms (at least `min_samples` samples are taken). */
  time_ms: number;
  /** Warm-up time per cell and process before sampling, ms. */
  warmup_ms: number;
  /** Fewest samples per cell and process. */
  min_samples: number;
  /** Readings of retained bytes per cell (the median is kept); each costs four forced full GCs. 0: no memory pass. */
  memory_readings: number;
  /** Seed of the input generator (and of the order in which ladders run). */
  seed: number;
  runner: RunnerChoice;
  cache_mode: CacheMode;
  isolate: Isolation;
  /**
   * Fewest processes per ladder (suite x variant x runner): the rounds every ladder takes part in,
   * each in a fresh process (1 with `isolate` none: in-process, one "process").
   */
  min_processes: number;
  /** Most processes per ladder: a ladder whose cells are not yet precise stops here anyway. */
  max_processes: number;
  /**
   * The precision a ladder stops at once it has `min_processes`: every timed cell's 95% interval
   * from its process medians is within this relative half-width, percent. null in files from before
   * rounds, which ran a fixed number of processes.
   */
  target_half_width_pct: number | null;
  /**
   * Whether the npm memoizer audit (the suites' library variants) runs; without it a library
   * variant runs only when named in `variants`.
   */
  audit: boolean;
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
  /** Ladders (suite, variant, runner) whose every process finished (precise, or at the most processes); `--resume` runs the others again. */
  finished: string[];
  /**
   * Exact calls against LRU capacity, one curve per suite of the run, computed after the ladders
   * (runners/capacity-step.ts). Absent from runs made before the step, and from runs that stopped
   * before it.
   */
  capacity?: CapacityCurve[];
  /** What `advise` found about its problem besides the cells (absent from bench runs). */
  advice?: Advice;
}

/** What `npm run bench -- advise <file>` records besides the cells and the capacity curve. */
export interface Advice {
  /** The problem's suite id (the one suite of the run). */
  suite: string;
  /** The problem file as given on the command line. */
  file: string;
  /** `given`: the problem has a reference; `recurrence`: none was given (Derivation.reference). */
  reference: ReferenceKind;
  /** How deep its top-down form got in the advise process, on the default stack (runners/depth.ts). */
  stack_reach: StackReach;
}

/**
 * Multiple-testing corrections of a comparison (checks/multiple-testing.ts): `holm` (family-wise
 * error rate) or `bh` (Benjamini-Hochberg, false discovery rate).
 */
export const CORRECTIONS = ['holm', 'bh'] as const;

/** A multiple-testing correction. */
export type Correction = (typeof CORRECTIONS)[number];

/** The ways a comparison (checks/compare.ts) can compare times; TimeMode says what each means. */
export const TIME_MODES = ['same-machine', 'relative', 'none'] as const;

/**
 * How times are compared. `same-machine`: per cell, with statistics (both runs on one machine);
 * `relative`: only ratios between variants measured in the same run (runs on different machines);
 * `none`: no time verdict.
 */
export type TimeMode = (typeof TIME_MODES)[number];

/** The --time choices of the comparing commands: `auto` picks same-machine or relative from the runs' environments. */
export const TIME_CHOICES = ['auto', ...TIME_MODES] as const;

/** The --time choice of the comparing commands. */
export type TimeChoice = (typeof TIME_CHOICES)[number];

/** The formats `export` writes a run in (checks/exports.ts), offered as --format. */
export const EXPORT_FORMATS = ['github-action-benchmark', 'bencher'] as const;

/** An export format: github-action-benchmark's `customSmallerIsBetter` input, or Bencher Metric Format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Alpha-spending functions of the sequential test (checks/group-sequential.ts): O'Brien-Fleming
 * type (little alpha early) or Pocock type (even).
 */
export const SPENDING_FUNCTIONS = ['obrien-fleming', 'pocock'] as const;

/** An alpha-spending function. */
export type SpendingFunction = (typeof SPENDING_FUNCTIONS)[number];

/**
 * Tier 2's verdict on one cell (checks/sequential.ts): `regressed` / `improved` (significant after
 * Holm and beyond the noise threshold), `no-change` (significant but within the threshold, or its
 * repeated confidence interval inside ±threshold), `undecided` (neither by the rounds cap: not a pass).
 */
export const PAIRED_VERDICTS = ['regressed', 'improved', 'no-change', 'undecided'] as const;

/** Tier 2's verdict on one cell. */
export type PairedVerdict = (typeof PAIRED_VERDICTS)[number];

/**
 * How tier 2 reached a cell's verdict: `significant` (the sequential test crossed its Holm
 * boundary), `equivalent` (the repeated confidence interval fell inside ±threshold), `cap` (neither
 * by the rounds cap: undecided), `open` (neither yet; more rounds to come).
 */
export const PAIRED_BASES = ['significant', 'equivalent', 'cap', 'open'] as const;

/** How tier 2 reached a cell's verdict. */
export type PairedBasis = (typeof PAIRED_BASES)[number];

/**
 * Which side ran first in a round of tier 2: ABBA alternates them (base, head, head, base, ...), so
 * that a drift of the machine that is linear over a block of two rounds cancels.
 */
export const ROUND_ORDERS = ['base-first', 'head-first'] as const;

/** Which side ran first in a round. */
export type RoundOrder = (typeof ROUND_ORDERS)[number];
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

/**
 * What a problem's answers are checked against: `given`, its own `reference`; `recurrence`, none was
 * given, so the recurrence evaluated once more with an exact cache (the variants are then checked
 * against each other, not against the truth).
 */
export const REFERENCE_KINDS = ['given', 'recurrence'] as const;

/** What a problem's answers are checked against (see REFERENCE_KINDS). */
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

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
  reference: ReferenceKind;
}

/** The suite derived from a problem: a suite definition like any other, plus the problem and the derivation. */
export interface ProblemSuite<I, S extends State, R extends Answer>
  extends SuiteDefinition<ProblemInput<I, S>, R> {
  problem: ProblemDefinition<I, S, R>;
  derivation: Derivation;
}

/** A problem file loaded by itself (lib/registry.ts: loadProblemFile), as `advise` runs it: a suite with its problem. */
export type LoadedProblem = Suite & Pick<ProblemSuite<unknown, State, Answer>, 'problem' | 'derivation'>;

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

/**
 * Why a capacity curve has fewer sizes than it was asked for: the top-down recursion overflowed the
 * stack, a size's unbounded run made more calls than the limit, the time limit passed, or the
 * recursion failed (threw, or answered differently with another capacity).
 */
export const CAPACITY_STOPS = ['stack-overflow', 'call-limit', 'time-limit', 'error'] as const;

/** Why a capacity curve stopped before its last size (see CAPACITY_STOPS). */
export type CapacityStop = (typeof CAPACITY_STOPS)[number];

/** Calls against LRU capacity for one suite, over sizes (runners/capacity.ts). */
export interface CapacityCurve {
  suite: string;
  /** The variant run with its `t.memoize` cache bounded (every suite's `closure`). */
  variant: string;
  /** A capacity is sufficient when its calls are at most this many times the unbounded cache's. */
  factor: number;
  /** Curve points stop at this many times the unbounded cache's calls. */
  curve_limit_factor: number;
  /** A size whose unbounded run makes more calls than this is not run, nor any larger one; null: no limit. */
  max_calls: number | null;
  /** One entry per size, ascending, up to the first size that could not be done. */
  sizes: CapacityAtSize[];
  /** Why sizes are missing, when they are. */
  stopped_by?: CapacityStop;
  /** The same in words, with the size it happened at. */
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
  /** Why the search stopped before adjacent sizes that fit and overflow (a limit of sizes, states or time), or why a depth is missing. */
  note?: string;
}

/**
 * A time per call with its 95% interval for another run, ns (the verdict's view of a timed cell:
 * lib/cells.ts timeNs and `ci_low_ns`..`ci_high_ns`).
 */
export interface TimeInterval {
  time_ns: number;
  ci_low_ns: number;
  ci_high_ns: number;
}

/**
 * The variants people reach for first, which the verdict compares with the fastest: a `Map` keyed by
 * the state as a string, the generic memoizer, a plain object.
 */
export const COMMON_CACHES = ['map-string', 'closure', 'dict'] as const;

/**
 * What the verdict on a problem is built from (reports/verdict.ts): measurements only, already
 * chosen by the caller (reports/advice.ts), in a shape of its own so that the verdict does not
 * depend on how cells are stored. Every part is optional; a missing part gives no sentence.
 */
export interface VerdictInput {
  /** `given`: answers were checked against the problem's reference; `recurrence`: only against each other. */
  reference: ReferenceKind;
  /** Variants (of the derived ones, not the npm memoizers) that failed, grouped by what happened. */
  failures?: { variants: string[]; status: FailedCell['status']; n: number; message: string }[];
  /** Where a memoized variant starts to beat naive for good. */
  crossover?: {
    variant: string;
    /** Smallest measured n from which it is faster (separated intervals) at every larger n both reached; null when it is not faster at the largest. */
    n: number | null;
    /** The deciding intervals at `n` (or at `largest.n` when `n` is null). */
    variant_at: TimeInterval;
    naive_at: TimeInterval;
    /** The measured size just below `n`, where the intervals did not separate, with them. */
    before?: { n: number; variant: TimeInterval; naive: TimeInterval };
    /** The largest n both were timed at: naive's time over the variant's there, and that ratio's interval from the ends of both intervals. */
    largest: { n: number; speedup: number; low: number; high: number };
  };
  /** The fastest variant at the largest size the common caches (COMMON_CACHES) all reached, and how much longer they took there. */
  fastest?: {
    n: number;
    variant: string;
    /** Its time per call, ns (lib/cells.ts timeNs). */
    time_ns: number;
    /** Each common cache's time over the fastest's, with the interval from the ends of both intervals. */
    others: { variant: string; ratio: number; low: number; high: number }[];
  };
  /** Retained bytes and cache entries per variant, each at the largest size it has both; `note` when none has them. */
  memory?: {
    variants: { variant: string; n: number; retained_bytes: number; entries: number }[];
    note?: string;
  };
  /** How deep the top-down form got on the default stack. */
  depth?: Pick<
    StackReach,
    'variant' | 'reached_n' | 'reached_depth' | 'overflow_n' | 'overflow_depth' | 'note'
  >;
  /** The smallest sufficient LRU capacity per size, exact. */
  capacity?: {
    /** Sufficient: calls at most this many times the unbounded cache's. */
    factor: number;
    sizes: Pick<
      CapacityAtSize,
      'n' | 'states' | 'unbounded_calls' | 'smallest_sufficient' | 'calls_at_smallest' | 'below_smallest'
    >[];
    /** Why larger sizes have no curve, when they have none. */
    note?: string;
  };
}

/**
 * One cell's processes summarised on the log scale, before any run-wide information is applied
 * (lib/process-interval.ts). Logs are natural logs of ns per call.
 */
export interface ProcessSummary extends ProcessSpread {
  /** The point estimate's log: mean of the log process medians but the slowest (of two: the faster). */
  log_estimate: number;
  /** Processes the estimate rests on: all but the slowest (1 of 1 or 2). */
  kept: number;
  /**
   * Sample variance of the kept log process medians (of both, with two processes), log units
   * squared, never below what a process median can resolve (varianceFloor in
   * lib/process-interval.ts); NaN with one process.
   */
  variance_log: number;
  /** Degrees of freedom of variance_log (0 with one process). */
  df: number;
  /** Mean over processes of the variance of the log process median from its own samples, log units squared. */
  within_variance_log: number;
  /**
   * Quantised samples: the finest step between two distinct samples of a process whose samples
   * repeat values, relative to its median (0.01 = 1%); 0 when no process shows a step. Quantised
   * timings cannot resolve less.
   */
  resolution: number;
}

/**
 * The run-wide prior of the between-process variance of log process medians: a scaled inverse
 * chi-square with `df` degrees of freedom around a variance that depends on the cell's duration
 * (lib/process-prior.ts).
 */
export interface ProcessPrior {
  /** The prior's typical variance at a few durations (ascending), log units squared; interpolated on log duration in between. */
  knots: { duration_ns: number; variance_log: number }[];
  /** How many degrees of freedom the prior is worth. */
  df: number;
  /** Cells the prior was fitted on. */
  cells: number;
}

/**
 * What an interval rests on. `processes`: the spread of the cell's own processes (moderated by the
 * run's prior when there is one); `prior`: one process, with the run's typical spread between
 * processes at that duration; `within-process`: one process and no prior: the interval of that
 * process's median from its samples, which says nothing about another run.
 */
export const INTERVAL_BASES = ['processes', 'prior', 'within-process'] as const;

/** What an interval rests on (see INTERVAL_BASES), from the strongest to the weakest. */
export type IntervalBasis = (typeof INTERVAL_BASES)[number];

/** Processes of one cell that fall into groups far apart (two JIT outcomes, a disturbed process). */
export interface ProcessDisagreement {
  /** The groups, fastest first: how many processes, and their geometric mean median, ns. */
  clusters: { processes: number; centre_ns: number }[];
  /** The largest gap between neighbouring groups, slower over faster minus 1, percent. */
  gap_pct: number;
}

/** A cell's point estimate and its 95% prediction interval for another run (lib/process-interval.ts). */
export interface ProcessInterval extends ProcessSpread {
  /**
   * Geometric mean of the process medians but the slowest (of two: the faster; of one: that one),
   * ns. Disturbed processes are slower, never faster, so the slowest is set aside.
   */
  estimate_ns: number;
  /**
   * The 95% prediction interval of the estimate that an independent run of the same code on the
   * same machine would report with `replicate_processes` processes, ns (for basis `within-process`:
   * the 95% confidence interval of the one process's median).
   */
  low_ns: number;
  high_ns: number;
  /** high_ns / estimate_ns - 1, which equals estimate_ns / low_ns - 1 (the interval is symmetric in log), percent. */
  half_width_pct: number;
  basis: IntervalBasis;
  /**
   * Variance of log(another run's estimate) - log(this estimate), log units squared; for processes
   * that disagree, at least the variance that gives the disagreement floor's half-width under this
   * interval's t quantile (lib/process-interval.ts).
   */
  prediction_variance_log: number;
  /** Its degrees of freedom (Infinity for basis `within-process`). */
  df: number;
  /** Processes the estimate rests on after trimming. */
  kept: number;
  /** Processes the other run is assumed to have (not used for basis `within-process`). */
  replicate_processes: number;
  /** True when the cell's own spread was too large for the run's prior and was used alone. */
  prior_rejected: boolean;
  /** Set when the process medians fall into groups far apart; null otherwise. */
  disagreement: ProcessDisagreement | null;
}

/** The ratio of two cells' estimates measured in different processes, and its 95% prediction interval. */
export interface RatioInterval {
  /** Numerator's estimate over the denominator's (a speedup when the denominator is the slower variant). */
  ratio: number;
  /** The 95% prediction interval of the ratio another run would report. */
  low: number;
  high: number;
  /** high / ratio - 1, which equals ratio / low - 1, percent. */
  half_width_pct: number;
  /** The weaker basis of the two cells. */
  basis: IntervalBasis;
  /** Degrees of freedom of the interval: the smaller of the two cells'. */
  df: number;
}

/** Settings of the adaptive stopping rule (lib/adaptive-stop.ts). */
export interface StopSettings {
  /** Never stop before this many processes. */
  min_processes: number;
  /** Always stop at this many processes. */
  max_processes: number;
  /** Stop once every interval's half-width is at most this, percent. */
  target_half_width_pct: number;
}

/** After a round: whether a cell (or a ladder: all its cells) gets another process, and why. */
export interface StopDecision {
  stop: boolean;
  /** `minimum`: fewer processes than the minimum; `wide`: an interval is wider than the target; `target`: all within it; `cap`: the maximum is reached. */
  reason: 'minimum' | 'wide' | 'target' | 'cap';
  /** The widest half-width among the intervals considered, percent. */
  widest_pct: number;
}

/** A column of a report table whose cells are text: a name, a status, a verdict. */
export interface TextColumn<Row> {
  header: string;
  numeric?: false;
  /** The cell's text, plain: each renderer escapes it (lib/tables.ts). */
  text(row: Row): string;
  /** True to stress the cell (Markdown `**bold**`, HTML `<strong>`), e.g. a speedup whose intervals separate. */
  strong?(row: Row): boolean;
}

/** A column of numbers: right-aligned, and sorted in HTML by the raw value rather than by the text. */
export interface NumericColumn<Row> extends Omit<TextColumn<Row>, 'numeric'> {
  numeric: true;
  /** Unit of the sort key, e.g. "ns", "bytes", "x" (a ratio), "n" (an input size), "calls". */
  unit: string;
  /** The raw value the HTML table sorts the row by, in `unit`; undefined where the row has none (sorted last). */
  sort(row: Row): number | undefined;
}

/** One column of a report table: its header, and how a row shows in it. */
export type TableColumn<Row> = TextColumn<Row> | NumericColumn<Row>;

/**
 * A table of summary.md, report.html or the checks' Markdown, described once (title, columns,
 * rows) and rendered to Markdown and to HTML by lib/tables.ts, so both show the same cells under the
 * same headers.
 */
export interface Table<Row> {
  /**
   * What the table shows, rendered with it (Markdown: a bold line above it; HTML: its caption).
   * Absent where the heading right above it already names it.
   */
  title?: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** In HTML, a sort button in every header (numeric columns sort by their sort key). */
  sortable: boolean;
}

/** Speedup of one variant over a baseline at one n. */
export interface SpeedupPoint {
  suite: string;
  variant: string;
  /** The baseline variant the speedup is measured against. */
  baseline: string;
  n: number;
  /** Baseline median / variant median (a ratio of ns per call). */
  speedup: number;
  /** Least ratio the two 95% intervals allow (see the module comment). */
  speedup_low: number;
  /** Greatest ratio the two 95% intervals allow. */
  speedup_high: number;
  /** True when the variant is faster with separated intervals (speedup_low > 1). */
  faster: boolean;
}

/** How one kind of figure of run B fell against run A's 95% intervals (checks/calibration.ts). */
export interface CoverageFigures {
  /** Figures present in both runs (cells, or speedup points, timed in both). */
  compared: number;
  /** Of those, how many of run B's figures lay inside run A's 95% interval. */
  covered: number;
  /** covered / compared, percent (NaN when nothing was compared). */
  coverage_pct: number;
  /** Median half-width of run A's intervals, percent: sqrt(high / low) - 1 (the intervals are symmetric in log). */
  median_half_width_pct: number;
  /** Median of |B / A - 1| over the compared figures, percent: how far the figure moved between runs. */
  median_drift_pct: number;
  /** 90th percentile of |B / A - 1|, percent. */
  p90_drift_pct: number;
  /** Median of B / A: above 1 when run B was slower (times) or showed larger speedups (speedups) overall. */
  median_ratio: number;
}

/** One row of a calibration: a set of figures (all cells, a suite's cells, speedups over a baseline). */
export interface CoverageRow extends CoverageFigures {
  /** What the row covers, e.g. "time per call, all suites", "speedup over naive", "fibonacci". */
  label: string;
}

/**
 * Do run A's intervals predict run B (two independent runs of the same code on the same machine)?
 * Times: run B's reported time (lib/cells.ts timeNs: the process-level estimate) against run A's
 * [ci_low_ns, ci_high_ns], the interval built to predict it; speedups over
 * naive and over bottom-up: run B's speedup against run A's speedup interval (lib/speedups.ts).
 */
export interface Calibration {
  /** The two results files, A (whose intervals are tested) then B. */
  runs: [string, string];
  time: CoverageRow;
  speedups: CoverageRow[];
  /** Time coverage per suite, in the order of run A's suites. */
  time_by_suite: CoverageRow[];
}

// -------------------------------------------------------------------------------------------------
// Instructions (issue 11, tier 1): instructions per operation under valgrind, the deterministic gate.
// -------------------------------------------------------------------------------------------------

/**
 * What `ab --measure` compares base and head by: `time` is tier 2 of the CI gate (wall time, paired
 * rounds, scripts/commands/ab-time.ts), `instructions` tier 1 (instructions per operation under valgrind).
 */
export const AB_MEASURES = ['time', 'instructions'] as const;

/** What `ab` compares (see AB_MEASURES). */
export type AbMeasure = (typeof AB_MEASURES)[number];

/** How one cell is measured in the instruction harness, fixed before the process starts (never from a clock). */
export interface InstructionCellPlan {
  /** Input size. */
  n: number;
  /** Operations run before the first segment, so that V8 has tiered the code up: operations. */
  warmup_ops: number;
  /** Operations per unit of the segment pattern (K): operations. */
  segment_ops: number;
}

/** One ladder of a harness process: a suite x variant, its cells climbed in order in one fresh module instance. */
export interface InstructionLadderPlan {
  /** The revision's bundle of the suite (runners/instructions/bundle.ts). */
  bundle: string;
  suite: string;
  variant: string;
  cells: InstructionCellPlan[];
}

/** What one valgrind process of the harness runs (runners/instructions/harness.ts reads it as JSON). */
export interface InstructionHarnessPlan {
  /** The callgrind addon (runners/instructions/addon.ts). */
  addon: string;
  /** This checkout's operation builder, bundled (runners/instructions/bundle.ts): the same for both revisions. */
  operation: string;
  /** Seed of the input generator (the bench's --seed). */
  seed: number;
  cache_mode: CacheMode;
  /** The segments of every cell, in units of `segment_ops`; 0 is an empty segment (the bracket's own cost). */
  pattern: readonly number[];
  ladders: InstructionLadderPlan[];
  /** Where the harness writes its manifest (HarnessManifest). */
  manifest: string;
}

/** The statuses a cell can end with in the harness (it has no budget and no clock, so no over-budget or timeout). */
export const HARNESS_STATUSES = ['ok', 'wrong-answer', ...THROWN_STATUSES, 'skipped'] as const;

/** A cell's status in the harness. */
export type HarnessStatus = (typeof HARNESS_STATUSES)[number];

/** What the harness did with one cell; its segments are the next `segments.length` dumps of the callgrind output. */
export interface HarnessCell {
  suite: string;
  variant: string;
  n: number;
  status: HarnessStatus;
  /** Why the cell is not ok. */
  message?: string;
  /** How the operation used instances (decided by the counting pass, as for time). */
  instance?: InstanceMode;
  /** Operations of each segment, in dump order (0 for an empty segment). */
  segments: number[];
}

/** The harness's account of a process: every cell of the plan, in plan order. */
export interface HarnessManifest {
  /** RUNNING_ON_VALGRIND as the addon saw it (0 outside valgrind). */
  on_valgrind: number;
  cells: HarnessCell[];
}

/** A cell's instructions per operation, from one harness process (runners/instructions/per-op.ts). */
export interface InstructionCell {
  suite: string;
  variant: string;
  n: number;
  status: HarnessStatus;
  /** Why the cell is not ok. */
  message?: string;
  /** Instructions per operation: the median of the measured segments, the bracket's own cost subtracted. */
  instructions_per_op?: number;
  /** (largest - smallest) / median of the measured segments' instructions per operation, %. */
  spread_pct?: number;
}

/** The verdicts of tier 1 per cell (checks/instructions.ts). */
export const INSTRUCTION_VERDICTS = ['regressed', 'improved', 'unchanged', 'failed', 'not compared'] as const;

/** A cell's verdict in tier 1 (see INSTRUCTION_VERDICTS). */
export type InstructionVerdict = (typeof INSTRUCTION_VERDICTS)[number];

/** One row of tier 1's comparison: a cell measured on both revisions. */
export interface InstructionRow {
  suite: string;
  variant: string;
  n: number;
  /** The base revision's instructions per operation (absent when not measured there). */
  base?: number;
  /** This checkout's instructions per operation. */
  head?: number;
  /** head / base - 1, %. */
  change_pct?: number;
  verdict: InstructionVerdict;
  /** Why a cell failed or was not compared. */
  message?: string;
}

/** The A/A self-check: cells measured twice on one revision, which must agree before any verdict. */
export interface SelfCheck {
  /** Cells measured ok both times. */
  cells: number;
  /** Cells whose two figures differ by more than `tolerance_pct`. */
  disagreeing: { suite: string; variant: string; n: number; first: number; second: number }[];
  /** The largest difference seen, instructions per operation. */
  max_diff: number;
  /** The largest difference seen, %. */
  max_diff_pct: number;
  /** The tolerance, %. */
  tolerance_pct: number;
}

/** What tier 1 found, and what it cost. */
export interface InstructionGateResult {
  rows: InstructionRow[];
  self_check: SelfCheck;
  /** The ladders measured again in the confirmation layout (suite/variant). */
  confirmed: string[];
  /** The ladders of the A/A self-check (suite/variant). */
  sample: string[];
  /** CPU time of all valgrind processes, s. */
  cpu_s: number;
  /** valgrind processes started. */
  processes: number;
  /** valgrind's version, e.g. valgrind-3.19.0 (counts compare only within one version). */
  valgrind: string;
}
