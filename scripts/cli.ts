import { type Command, Option } from 'commander';
import { UsageError } from '../lib/errors.ts';
import {
  CACHE_MODES,
  type CacheMode,
  ISOLATION_MODES,
  type Isolation,
  PROFILES,
  type Profile,
  RUNNER_CHOICES,
  type RunnerChoice,
  type RunOptions,
  type Shard,
} from '../lib/types.ts';
import { DEFAULT_SEED, PROFILE_SETTINGS } from '../runners/profiles.ts';
import {
  commaList,
  integer,
  nonEmptyPath,
  parse,
  positiveInteger,
  positiveNumber,
  program,
} from './cli-kit.ts';

/** What the command line asked for. */
export interface BenchArgs {
  suites: string[];
  variants: string[];
  profile: Profile;
  budget_ms?: number;
  time_ms?: number;
  min_samples?: number;
  seed: number;
  cache: CacheMode;
  isolate: Isolation;
  /** --processes: fewest processes per ladder. */
  processes?: number;
  /** --max-processes: most processes per ladder. */
  max_processes?: number;
  /** --repeat: exactly this many processes per ladder (both of the above). */
  repeat?: number;
  target_half_width_pct?: number;
  /** --audit: include the suites' library variants. */
  audit: boolean;
  runner: RunnerChoice;
  cell_timeout_ms?: number;
  stack_size_kb?: number;
  shard?: Shard;
  out?: string;
  /** An interrupted run folder to finish. */
  resume?: string;
  /** Where to load suites from (default: the project's suites/). */
  suites_dir?: string;
  list: boolean;
}

/** Parses "i/n" with 1 <= i <= n. */
function shard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || index < 1 || count < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, e.g. 2/4 (got '${text}')`);
  }
  return { index, count };
}

const PROFILE_HELP = PROFILES.map((name) => {
  const s = PROFILE_SETTINGS[name];
  const processes =
    s.min_processes === s.max_processes
      ? `${s.min_processes} process${s.min_processes === 1 ? '' : 'es'}`
      : `${s.min_processes}-${s.max_processes} processes to ±${s.target_half_width_pct}%`;
  return `  ${name.padEnd(8)} budget ${s.budget_ms} ms per call; ${processes} per ladder, each sampling a cell ${s.time_ms} ms (at least ${s.min_samples} samples)`;
}).join('\n');

/** The bench command's definition (its --help text is generated from it). */
export function benchProgram(write: (text: string) => void = (text) => process.stdout.write(text)): Command {
  return program(
    'npm run bench --',
    'Runs every suite x variant x input size of a profile: verifies each answer, times it, and writes\n' +
      'results.json, results.csv, Vega-Lite charts and summary.md into a new folder under results/.',
    { stdout: write },
  )
    .option('--suite <ids>', 'comma-separated suite ids to run (default: all; see --list)', commaList, [])
    .option('--variant <names>', 'comma-separated variant names to run (default: all)', commaList, [])
    .addOption(
      new Option('--profile <name>', 'size ladder and measurement settings')
        .choices(PROFILES)
        .default('default'),
    )
    .option(
      '--budget-ms <ms>',
      'stop a variant once one call takes longer than this (ms)',
      positiveNumber('--budget-ms'),
    )
    .option('--time-ms <ms>', 'sampling time per cell in each process (ms)', positiveNumber('--time-ms'))
    .option(
      '--min-samples <count>',
      'fewest timed samples per cell in each process',
      positiveInteger('--min-samples'),
    )
    .option(
      '--seed <int>',
      'seed of the input generator and of the run order',
      integer('--seed'),
      DEFAULT_SEED,
    )
    .addOption(
      new Option(
        '--cache <mode>',
        'cold: empty cache per call; warm: filled before timing; sequence: f(1..n) share one cache',
      )
        .choices(CACHE_MODES)
        .default('cold'),
    )
    .addOption(
      new Option(
        '--isolate <how>',
        'process: each suite x variant in its own child process; none: all in this one',
      )
        .choices(ISOLATION_MODES)
        .default('process'),
    )
    .option(
      '--processes <count>',
      'fewest processes per ladder (suite x variant x runner), one per round (default per profile)',
      positiveInteger('--processes'),
    )
    .option(
      '--max-processes <count>',
      'most processes per ladder: rounds stop earlier once every cell is precise (default per profile)',
      positiveInteger('--max-processes'),
    )
    .option(
      '--half-width-pct <pct>',
      'precision to stop at: 95% interval of each cell from its process medians within ±pct (default per profile)',
      positiveNumber('--half-width-pct'),
    )
    .option(
      '--repeat <count>',
      'exactly this many processes per ladder (same as --processes <count> --max-processes <count>)',
      positiveInteger('--repeat'),
    )
    .option(
      '--audit',
      'include the npm memoizer audit (library variants); without it they run only when named with --variant',
    )
    .addOption(new Option('--runner <name>', 'timing backend').choices(RUNNER_CHOICES).default('tinybench'))
    .option(
      '--cell-timeout-ms <ms>',
      'kill a child stuck on one cell this long (ms; default per profile)',
      positiveNumber('--cell-timeout-ms'),
    )
    .option(
      '--stack-size <KiB>',
      'V8 stack size of the child processes (node --stack-size), KiB',
      positiveInteger('--stack-size'),
    )
    .option(
      '--shard <i/n>',
      'run only shard i of n (ladders split round-robin); join shards with merge',
      shard,
    )
    .option(
      '--out <dir>',
      'write into this folder (must be new or empty) instead of results/<date>-<profile>',
      nonEmptyPath('--out'),
    )
    .option(
      '--resume <dir>',
      'finish an interrupted run in <dir> with its own options (no other run options)',
      nonEmptyPath('--resume'),
    )
    .option(
      '--suites-dir <dir>',
      'load suites from this folder instead of suites/',
      nonEmptyPath('--suites-dir'),
    )
    .option('--list', 'list suites, their variants and size ladders, then exit')
    .addHelpText(
      'after',
      `\nProfiles:\n${PROFILE_HELP}\n\nExamples:\n  npm run bench -- --profile quick\n  npm run bench -- --suite fibonacci --variant naive,map --budget-ms 200\n  npm run bench -- --audit --suite fibonacci,lcs --processes 5\n`,
    );
}

/**
 * Parses the bench arguments (without node and the script). Returns null when --help was shown (the
 * caller exits 0); every mistake becomes a one-line UsageError that names the problem and the valid choices.
 */
export function parseBenchArgs(argv: readonly string[], write?: (text: string) => void): BenchArgs | null {
  const program = parse(benchProgram(write), argv);
  if (program === null) return null;
  const options = program.opts();
  if (options.resume !== undefined) {
    const others = program.options
      .filter((option) => !['resume', 'suitesDir'].includes(option.attributeName()))
      .filter((option) => program.getOptionValueSource(option.attributeName()) === 'cli')
      .map((option) => option.long);
    if (others.length > 0) {
      throw new UsageError(`--resume runs with the interrupted run's own options; drop ${others.join(', ')}`);
    }
  }
  return {
    suites: options.suite,
    variants: options.variant,
    profile: options.profile,
    budget_ms: options.budgetMs,
    time_ms: options.timeMs,
    min_samples: options.minSamples,
    seed: options.seed,
    cache: options.cache,
    isolate: options.isolate,
    processes: options.processes,
    max_processes: options.maxProcesses,
    repeat: options.repeat,
    target_half_width_pct: options.halfWidthPct,
    audit: options.audit === true,
    runner: options.runner,
    cell_timeout_ms: options.cellTimeoutMs,
    stack_size_kb: options.stackSize,
    shard: options.shard,
    out: options.out,
    resume: options.resume,
    suites_dir: options.suitesDir,
    list: options.list === true,
  };
}

/**
 * Processes per ladder: --repeat fixes both ends; otherwise --processes and --max-processes over
 * the profile's range, an explicit end moving the other when the two would cross. In-process runs
 * have one process.
 */
function processRange(args: BenchArgs): { min_processes: number; max_processes: number } {
  if (args.repeat !== undefined) {
    if (args.processes !== undefined || args.max_processes !== undefined) {
      throw new UsageError('--repeat sets both --processes and --max-processes; give one or the others');
    }
    return { min_processes: args.repeat, max_processes: args.repeat };
  }
  if (args.isolate === 'none') return { min_processes: 1, max_processes: 1 };
  const defaults = PROFILE_SETTINGS[args.profile];
  if (
    args.processes !== undefined &&
    args.max_processes !== undefined &&
    args.max_processes < args.processes
  ) {
    throw new UsageError(
      `--max-processes ${args.max_processes} is below --processes ${args.processes}; the most must be at least the fewest`,
    );
  }
  const min =
    args.processes ?? Math.min(defaults.min_processes, args.max_processes ?? Number.POSITIVE_INFINITY);
  return { min_processes: min, max_processes: args.max_processes ?? Math.max(defaults.max_processes, min) };
}

/**
 * The run's options: the command line over the profile's defaults. Options that need child
 * processes are a usage error with `--isolate none`, rather than silently ignored.
 */
export function resolveOptions(args: BenchArgs): RunOptions {
  if (args.isolate === 'none') {
    const needsChildren = [
      (args.repeat ?? 1) > 1 ? '--repeat' : '',
      (args.processes ?? 1) > 1 ? '--processes' : '',
      (args.max_processes ?? 1) > 1 ? '--max-processes' : '',
      args.cell_timeout_ms !== undefined ? '--cell-timeout-ms' : '',
      args.stack_size_kb !== undefined ? '--stack-size' : '',
    ].filter((flag) => flag !== '');
    if (needsChildren.length > 0) {
      throw new UsageError(
        `${needsChildren.join(', ')} need child processes; drop them or use --isolate process`,
      );
    }
  }
  const defaults = PROFILE_SETTINGS[args.profile];
  return {
    profile: args.profile,
    suites: args.suites,
    variants: args.variants,
    budget_ms: args.budget_ms ?? defaults.budget_ms,
    time_ms: args.time_ms ?? defaults.time_ms,
    warmup_ms: defaults.warmup_ms,
    min_samples: args.min_samples ?? defaults.min_samples,
    memory_readings: defaults.memory_readings,
    seed: args.seed,
    runner: args.runner,
    cache_mode: args.cache,
    isolate: args.isolate,
    ...processRange(args),
    target_half_width_pct: args.target_half_width_pct ?? defaults.target_half_width_pct,
    audit: args.audit,
    cell_timeout_ms: args.cell_timeout_ms ?? defaults.cell_timeout_ms,
    stack_size_kb: args.stack_size_kb ?? null,
    shard: args.shard ?? null,
  };
}

/** Where a run's ladders are measured, as the start line of bench and advise says it. */
export function whereMeasured(
  options: Pick<RunOptions, 'isolate' | 'min_processes' | 'max_processes' | 'target_half_width_pct'>,
): string {
  if (options.isolate === 'none') return 'all in this process';
  if (options.min_processes === options.max_processes) {
    return `each in ${options.min_processes} child process${options.min_processes === 1 ? '' : 'es'}`;
  }
  return `each in ${options.min_processes} to ${options.max_processes} child processes, to ±${options.target_half_width_pct}%`;
}
