import { join, relative, resolve } from 'node:path';
import { laddersFor, variantNames } from '../lib/define-suite.ts';
import { formatElapsed } from '../lib/format.ts';
import { loadSuites, SUITES_DIR } from '../lib/registry.ts';
import { readResults } from '../lib/results-file.ts';
import type { Profile, Results, RunOptions, Suite } from '../lib/types.ts';
import { summarizeRun, summaryText } from '../reports/summary.ts';
import { planLadders, selectSuites, shardLadders } from '../runners/plan.ts';
import { parseBenchArgs, resolveOptions, whereMeasured } from './cli.ts';
import { type CommandIo, EXIT, runMain } from './cli-kit.ts';
import { createRunDir, lockRunDir } from './run-dir.ts';
import { handleSignals } from './stop-signals.ts';

function listSuites(suites: readonly Suite[], profile: Profile): string {
  return suites
    .map((suite) => {
      const sizes = laddersFor(suite, profile).join(', ');
      return `${suite.id}: ${suite.title}\n  variants: ${variantNames(suite).join(', ')}\n  sizes (${profile}): ${sizes}`;
    })
    .join('\n');
}

/** What to run: a new run's options and folder, or an interrupted run to finish. */
interface RunSetup {
  options: RunOptions;
  dir: string;
  resume?: Results;
  suiteIds: string[];
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args === null) return EXIT.ok;
  const all = await loadSuites(args.suites_dir === undefined ? SUITES_DIR : resolve(args.suites_dir));
  let setup: RunSetup;
  if (args.resume !== undefined) {
    const dir = resolve(args.resume);
    const resume = await readResults(join(dir, 'results.json'));
    if (resume.complete) {
      process.stdout.write(`memobench: nothing to resume: ${args.resume} is complete\n`);
      return EXIT.ok;
    }
    setup = { options: resume.options, dir, resume, suiteIds: resume.suites.map((suite) => suite.id) };
  } else {
    setup = { options: resolveOptions(args), dir: '', suiteIds: args.suites };
  }
  const suites = selectSuites(all, setup.suiteIds);
  if (args.list) {
    process.stdout.write(`${listSuites(suites, args.profile)}\n`);
    return EXIT.ok;
  }
  const { options } = setup;
  const plan = shardLadders(planLadders(suites, options), options.shard);
  const dir = setup.resume === undefined ? await createRunDir(options.profile, args.out) : setup.dir;
  // Loaded only now that the input is known to be good: the runner and the report writers (vega,
  // resvg) take seconds to load on a busy machine, which every usage error above would wait for.
  const [{ failedCells, runBench }, { openCountsCache }, { runSaver, writeReports }, { capacityStep }] =
    await Promise.all([
      import('../runners/run.ts'),
      import('../runners/counts-cache.ts'),
      import('../reports/write-reports.ts'),
      import('../runners/capacity-step.ts'),
    ]);
  const release = await lockRunDir(dir);
  const controller = new AbortController();
  const interrupted = handleSignals(dir, controller);
  try {
    const where = whereMeasured(options);
    const what =
      setup.resume === undefined
        ? 'writing to'
        : `resuming (${setup.resume.finished.length} ladders kept) in`;
    process.stderr.write(
      `memobench: ${plan.length} ladders (${where}), profile ${options.profile}, cache ${options.cache_mode}, runner ${options.runner}; ${what} ${relative('.', dir) || dir}\n`,
    );
    const planned = suites.filter((suite) => plan.some((ladder) => ladder.suite === suite));
    const results = await runBench({
      options,
      suites: planned,
      plan,
      save: runSaver(dir),
      command: ['memobench', ...argv].join(' '),
      progress: process.stderr,
      signal: controller.signal,
      counts: openCountsCache(),
      ...(setup.resume === undefined ? {} : { resume: setup.resume }),
    });
    // The capacity step after the ladders: exact, so a stopped run has none rather than half.
    if (interrupted() === undefined) {
      const step = await capacityStep(planned, options);
      results.capacity = step.curves;
      await runSaver(dir)(results);
      process.stderr.write(`memobench: LRU capacity curves: ${step.text}\n`);
    }
    const written = await writeReports(dir, results);
    const signal = interrupted();
    if (signal !== undefined) {
      process.stderr.write(
        `memobench: interrupted; ${results.cells.length} cells kept in ${relative('.', dir) || dir}\n`,
      );
      return EXIT[signal];
    }
    process.stdout.write(`\n${summaryText(summarizeRun(results))}\n\n`);
    const charts = written.filter((file) => file.startsWith('charts/')).length;
    const others = written.filter((file) => !file.startsWith('charts/'));
    process.stdout.write(
      `Run took ${formatElapsed(results.elapsed_ms)}. Wrote ${relative('.', dir) || dir}/: results.json, ${others.join(', ')} and ${charts} files in charts/\n`,
    );
    const failures = failedCells(results);
    for (const cell of failures) {
      process.stderr.write(
        `memobench: ${cell.status}: ${cell.suite} / ${cell.variant} / n = ${cell.n}: ${cell.message}\n`,
      );
    }
    return failures.length > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await release();
  }
}

/** Subcommands: `npm run bench -- <name> ...` runs scripts/commands/<name>.ts. */
const COMMANDS = ['compare', 'merge', 'ab', 'export', 'calibrate', 'advise'] as const;

/** Runs a subcommand (whose own errors name it: `memobench compare: ...`) or a bench run. */
async function dispatch(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!COMMANDS.includes(name as (typeof COMMANDS)[number])) return main(argv);
  const module = await import(`./commands/${name}.ts`);
  return module[`${name}Command`](rest, io);
}

void runMain('memobench', (io) => dispatch(process.argv.slice(2), io));
