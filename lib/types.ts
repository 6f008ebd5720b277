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
export const CELL_STATUSES = ['ok', ...FAILED_STATUSES, 'skipped'] as const;

/**
 * The status of one cell (suite x variant x n). Only `ok` cells carry timings. `timeout`: the
 * child process was killed after --cell-timeout-ms; `crashed`: it died (out of memory, a signal,
 * a stack beyond the operating system's).
 */
export type CellStatus = (typeof CELL_STATUSES)[number];

/** Reasons a cell was skipped: the budget, a failed status at a smaller n, or a cache mode the suite lacks. */
export const SKIP_REASONS = ['budget', ...FAILED_STATUSES, 'not-applicable'] as const;

/** Why a cell was skipped without running: what happened at a smaller n, or `not-applicable` for a cache mode the suite lacks. */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Cache modes (--cache), the default first. */
export const CACHE_MODES = ['cold', 'warm', 'sequence'] as const;

/**
 * What one timed operation does. `cold`: a fresh instance (empty cache) per call, measuring the
 * algorithm; `warm`: one instance filled before timing, measuring lookups; `sequence`: a fresh
 * instance answers f(1), f(2), ..., f(n) in turn, as a long-lived memoized function is used.
 */
export type CacheMode = (typeof CACHE_MODES)[number];

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
   * On a cell merged from several processes (--repeat, A/B rounds), what the cell's status hides:
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
export type Cell = OkCell | WrongAnswerCell | ErrorCell | KilledCell | SkippedCell;

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
