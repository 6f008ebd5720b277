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
export type IntervalBasis = 'processes' | 'prior' | 'within-process';

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
  /** Variance of log(another run's estimate) - log(this estimate), log units squared. */
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
