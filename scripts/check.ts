/**
 * npm run bench:check: runs the ci profile into a fresh run folder, compares it with the committed
 * baseline (baselines/ci.json), prints the verdict as Markdown and writes it into the run folder
 * (check.md, check.json) beside exports for github-action-benchmark and Bencher.
 * With `--base <git-ref>`, tier 1 follows: instructions per operation of that revision and this
 * checkout under valgrind (scripts/commands/ab-instructions.ts), its Markdown printed after the
 * exact check's and written as instructions.md.
 * Exit codes: 0 nothing regressed; 1 regressed (or the run failed); 2 bad input, or tier 1 found the
 * counts not deterministic here (and nothing else failed).
 * `--update-baseline` is the only way the baseline changes.
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineChanges, baselineOf, DEFAULT_BASELINE, readBaseline } from '../checks/baseline.ts';
import { compareRuns } from '../checks/compare.ts';
import { exportText } from '../checks/exports.ts';
import { comparisonMarkdown } from '../checks/markdown.ts';
import { messageOf, UsageError } from '../lib/errors.ts';
import { writeResults } from '../lib/results-file.ts';
import type { Results } from '../lib/types.ts';
import { failedCells } from '../runners/run.ts';
import {
  type CommandIo,
  EXIT,
  guard,
  nonEmptyPath,
  parse,
  positiveInteger,
  program,
  runMain,
} from './cli-kit.ts';
import { addCompareOptions, loadRun, settingsFrom } from './commands/_program.ts';
import { CI_INSTRUCTIONS, instructionsAgainst } from './commands/ab-instructions.ts';
import { comparisonJson, writeReport } from './commands/compare.ts';
import { git } from './commands/_worktree.ts';
import { createRunDir } from './run-dir.ts';

const BENCH = fileURLToPath(new URL('./bench.ts', import.meta.url));

/**
 * Runs the ci profile in a child process (bench's summary goes to stderr, as progress does), with
 * the npm memoizer audit: its exact counts (which configurations memoize, which answer wrongly)
 * are worth guarding as much as the hand-written variants'.
 */
function runCi(dir: string, processes: number, io: CommandIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', '--import', 'tsx', BENCH, '--profile', 'ci', '--audit', '--out', dir];
    if (processes > 1) args.push('--repeat', String(processes));
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? EXIT.failure));
  });
}

/** The old baseline for --update-baseline: null when there is none yet (a broken one is still an error). */
async function previousBaseline(path: string): Promise<Results | null> {
  try {
    return await readBaseline(path);
  } catch (error) {
    if (/cannot read/.test(messageOf(error))) return null;
    throw error;
  }
}

/** The check, as a function for tests: argv without node and the script. */
export async function checkCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench check', io, async () => {
    const command = addCompareOptions(
      program(
        'npm run bench:check --',
        'Runs the ci profile into a new run folder and compares it with the committed baseline: exact ' +
          'fields always, times as the machines allow (see compare). Writes check.md, check.json and ' +
          'exports (github-action-benchmark.json, bencher.json) into the run folder. ' +
          'Exit 0: nothing regressed; 1: regressed or the run failed; 2: bad input.',
        io,
      ),
    )
      .option('--baseline <file>', 'the baseline results file', nonEmptyPath('--baseline'), DEFAULT_BASELINE)
      .option(
        '--run <dir>',
        'compare this existing run (folder or results.json) instead of running',
        nonEmptyPath('--run'),
      )
      .option(
        '--out <dir>',
        'run folder to create (new or empty; default results/<date>-ci)',
        nonEmptyPath('--out'),
      )
      .option(
        '--processes <count>',
        'processes per ladder; 1 fits the ci time budget, 2 or more give a same-machine time verdict (see README)',
        positiveInteger('--processes'),
        1,
      )
      .option('--update-baseline', 'make this run the new baseline (prints what changed)')
      .option(
        '--base <git-ref>',
        'after the exact check, tier 1 against this revision: instructions per operation under valgrind (see ab --measure instructions)',
      );
    if (parse(command, argv) === null) return EXIT.ok;
    const options = command.opts();
    const baselinePath = options.baseline as string;
    const update = options.updateBaseline === true;
    const old = update ? await previousBaseline(baselinePath) : await readBaseline(baselinePath);
    if (options.run !== undefined && options.out !== undefined)
      throw new UsageError('--run and --out exclude each other');
    if (update && options.base !== undefined)
      throw new UsageError('--base and --update-baseline exclude each other');

    let dir: string;
    let run: Results;
    let file: string;
    if (typeof options.run === 'string') {
      ({ file, results: run } = await loadRun(options.run));
      dir = join(file, '..');
    } else {
      dir = await createRunDir('ci', options.out as string | undefined);
      const code = await runCi(dir, options.processes as number, io);
      if (code === EXIT.usage) throw new UsageError('the ci run refused its options (see above)');
      ({ file, results: run } = await loadRun(dir));
    }

    const failing = failedCells(run);
    if (update) {
      if (failing.length > 0) {
        io.stderr(
          `memobench check: not updating the baseline: ${failing.length} cell${failing.length === 1 ? '' : 's'} failed (wrong answer, error, time-out or crash)\n`,
        );
        return EXIT.failure;
      }
      await writeResults(baselinePath, baselineOf(run));
      io.stdout(
        `Updated ${baselinePath} from ${relative('.', file) || file}:\n${baselineChanges(old, run).join('\n')}\n`,
      );
      return EXIT.ok;
    }

    const baseline = old as Results;
    const comparison = compareRuns(baseline, run, { a: baselinePath, b: file }, settingsFrom(options));
    const markdown = comparisonMarkdown(comparison, 'memobench check against the baseline');
    io.stdout(markdown);
    await writeReport(join(dir, 'check.md'), markdown);
    await writeReport(join(dir, 'check.json'), comparisonJson(comparison));
    await writeReport(join(dir, 'github-action-benchmark.json'), exportText(run, 'github-action-benchmark'));
    await writeReport(join(dir, 'bencher.json'), exportText(run, 'bencher'));
    io.stderr(
      `memobench check: wrote ${relative('.', dir) || dir}/check.md, check.json, github-action-benchmark.json, bencher.json\n`,
    );
    const exact = comparison.failed || failing.length > 0 ? EXIT.failure : EXIT.ok;
    if (typeof options.base !== 'string') return exact;
    const root = await git(process.cwd(), ['rev-parse', '--show-toplevel']);
    const tier1 = await instructionsAgainst(root, options.base, CI_INSTRUCTIONS, dir, io);
    io.stdout(`\n${tier1.markdown}`);
    // An exact difference is a failure whatever tier 1 says; otherwise tier 1's exit (2: not deterministic).
    return exact === EXIT.failure ? exact : tier1.exit;
  });
}

// Run as a script (not when imported by a test).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runMain('memobench check', (io) => checkCommand(process.argv.slice(2), io));
}
