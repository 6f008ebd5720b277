import { relative } from 'node:path';
import { Option } from 'commander';
import { variantNames } from '../../lib/define-suite.ts';
import { messageOf } from '../../lib/errors.ts';
import { formatElapsed } from '../../lib/format.ts';
import { loadProblemFile } from '../../lib/registry.ts';
import { ADVISE_PROFILES, type LoadedProblem, type RunOptions, type StackReach } from '../../lib/types.ts';
import { planLadders } from '../../runners/plan.ts';
import { DEFAULT_SEED } from '../../runners/profiles.ts';
import { parseBenchArgs, resolveOptions, whereMeasured } from '../cli.ts';
import {
  type CommandIo,
  EXIT,
  guard,
  integer,
  nonEmptyPath,
  parse,
  positiveNumber,
  program,
} from '../cli-kit.ts';
import { createRunDir, lockRunDir } from '../run-dir.ts';
import { handleSignals } from '../stop-signals.ts';

/**
 * The capacity curve of one problem may go further than the bench step's (runners/capacity-step.ts):
 * min-path-sum at n = 128 (32,513 calls) takes about 2 s on the loaded 2-core machine.
 */
export const ADVISE_CAPACITY_MAX_CALLS = 1 << 15;

/** No further size of the capacity curve is started after this long, ms. */
export const ADVISE_CAPACITY_TIME_LIMIT_MS = 10_000;

/**
 * A stack probe of more states stops the search: about 0.5 GB of cache, and each size explored for
 * its depth costs a few seconds (min-path-sum at n = 1,400, 2 million states: 5 s).
 */
export const ADVISE_STACK_MAX_STATES = 1 << 21;

/**
 * No stack probe starts after this long, ms: a probe that fits costs a full top-down run (min-path-sum
 * near its reach, about 2 s each), so the bisection between fitting and overflowing sizes can take
 * minutes on a two-dimensional problem (124 s unbounded); past the limit the sizes found so far are
 * reported, apart, and the search says so. The two explorations for the depths come after it.
 */
export const ADVISE_STACK_TIME_LIMIT_MS = 15_000;

const DESCRIPTION =
  'Measures one problem file (a file that default-exports defineProblem(...)) as a bench run measures a suite: ' +
  'its derived variants, npm memoizers included, verified and timed in rounds of fresh child processes as the profile sets; then ' +
  'the exact LRU capacity curve and how deep the top-down form gets on the default stack. Prints the verdict ' +
  'and writes it at the top of summary.md and report.html, with results.json (npm run report rebuilds it all). ' +
  'Exit 0: every answer verified; 1: a variant failed (error, wrong answer, time-out, crash); 2: bad input.';

/** `npm run bench -- advise <file> [--budget-ms N] [--profile quick|default] [--out dir] [--seed N]`. */
export async function adviseCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench advise', io, async () => {
    const command = program('npm run bench -- advise', DESCRIPTION, io)
      .argument('<file>', 'the problem file, e.g. examples/min-path-sum.ts')
      .addOption(
        new Option('--profile <name>', 'measurement settings (quick: no memory pass)')
          .choices(ADVISE_PROFILES)
          .default('default'),
      )
      .option(
        '--budget-ms <ms>',
        'stop a variant once one call takes longer than this (ms; default per profile)',
        positiveNumber('--budget-ms'),
      )
      .option(
        '--seed <int>',
        'seed of the input generator and of the run order',
        integer('--seed'),
        DEFAULT_SEED,
      )
      .option(
        '--out <dir>',
        'write into this folder (must be new or empty) instead of results/<date>-<profile>',
        nonEmptyPath('--out'),
      )
      .addHelpText(
        'after',
        '\nExample:\n  npm run bench -- advise examples/min-path-sum.ts --profile quick\n',
      );
    if (parse(command, argv) === null) return EXIT.ok;
    const file = command.args[0] as string;
    const flags = command.opts();
    const problem = await loadProblemFile(file);
    const options = runOptions(problem, flags.profile, flags.seed, flags.budgetMs);
    return advise(problem, options, ['memobench', 'advise', ...argv].join(' '), io, flags.out);
  });
}

/**
 * A bench run's options for the problem, resolved by the bench command line itself (the profile's
 * settings, the budget and seed given, every other option at its default), so both commands measure
 * alike. Every variant is named, the npm memoizers included.
 */
function runOptions(problem: LoadedProblem, profile: string, seed: number, budgetMs?: number): RunOptions {
  const args = ['--profile', profile, '--seed', String(seed), '--suite', problem.id];
  if (budgetMs !== undefined) args.push('--budget-ms', String(budgetMs));
  const parsed = parseBenchArgs(args);
  if (parsed === null) throw new Error('the bench options of advise asked for help');
  return { ...resolveOptions(parsed), variants: variantNames(problem) };
}

async function advise(
  problem: LoadedProblem,
  options: RunOptions,
  commandLine: string,
  io: CommandIo,
  out?: string,
): Promise<number> {
  const plan = planLadders([problem], options);
  const dir = await createRunDir(options.profile, out);
  const shown = relative('.', dir) || dir;
  // Loaded only once the input is known to be good (see bench.ts).
  const [
    { failedCells, runBench },
    { openCountsCache },
    { runSaver, writeReports },
    { capacityStep },
    { findStackReach },
    { adviceVerdict },
  ] = await Promise.all([
    import('../../runners/run.ts'),
    import('../../runners/counts-cache.ts'),
    import('../../reports/write-reports.ts'),
    import('../../runners/capacity-step.ts'),
    import('../../runners/depth.ts'),
    import('../../reports/advice.ts'),
  ]);
  const release = await lockRunDir(dir);
  const controller = new AbortController();
  const interrupted = handleSignals(dir, controller);
  try {
    io.stderr(
      `memobench advise: ${problem.id} (${problem.file}): ${plan.length} variants, ${whereMeasured(options)}, profile ${options.profile}; writing to ${shown}\n`,
    );
    const save = runSaver(dir);
    const results = await runBench({
      options,
      suites: [problem],
      plan,
      save,
      command: commandLine,
      progress: process.stderr,
      signal: controller.signal,
      // As in a bench run: exact counts keyed by the problem file's code, so an edit counts afresh.
      counts: openCountsCache(),
    });
    const signal = interrupted();
    if (signal !== undefined) {
      await writeReports(dir, results);
      io.stderr(`memobench advise: interrupted; ${results.cells.length} cells kept in ${shown}\n`);
      return EXIT[signal];
    }
    const step = await capacityStep([problem], {
      seed: options.seed,
      profile: options.profile,
      max_calls: ADVISE_CAPACITY_MAX_CALLS,
      time_limit_ms: ADVISE_CAPACITY_TIME_LIMIT_MS,
    });
    results.capacity = step.curves;
    io.stderr(`memobench advise: LRU capacity curve: ${step.text}\n`);
    const searched = Date.now();
    const stackReach = stackReachOf(() =>
      findStackReach(problem, {
        seed: options.seed,
        max_states: ADVISE_STACK_MAX_STATES,
        time_limit_ms: ADVISE_STACK_TIME_LIMIT_MS,
      }),
    );
    io.stderr(`memobench advise: stack reach in ${formatElapsed(Date.now() - searched)}\n`);
    results.advice = {
      suite: problem.id,
      file: problem.file,
      reference: problem.derivation.reference,
      stack_reach: stackReach,
    };
    await save(results);
    const written = await writeReports(dir, results);
    const verdict = adviceVerdict(results);
    io.stdout(
      `\nVerdict on ${problem.id} (${problem.file}):\n${(verdict?.sentences ?? []).map((sentence) => `- ${sentence}`).join('\n')}\n\n`,
    );
    const charts = written.filter((name) => name.startsWith('charts/')).length;
    const others = written.filter((name) => !name.startsWith('charts/'));
    io.stdout(
      `Measured in ${formatElapsed(results.elapsed_ms)}. Wrote ${shown}/: results.json, ${others.join(', ')} and ${charts} files in charts/\n`,
    );
    const failures = failedCells(results);
    for (const cell of failures) {
      io.stderr(`memobench advise: ${cell.status}: ${cell.variant} / n = ${cell.n}: ${cell.message}\n`);
    }
    return failures.length > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await release();
  }
}

/** The stack search's result; a recurrence that throws there (its cells say so too) leaves a reach with nothing found but why. */
function stackReachOf(search: () => StackReach): StackReach {
  try {
    return search();
  } catch (error) {
    return {
      variant: 'closure',
      reached_n: null,
      reached_depth: null,
      overflow_n: null,
      overflow_depth: null,
      probes: [],
      note: `${messageOf(error)}; the search stopped there`,
    };
  }
}
