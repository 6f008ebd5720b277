/**
 * `npm run bench -- ab --base <git-ref> --measure time [bench options]`: tier 2 of the CI gate. Base
 * (a temporary git worktree) and head (this checkout) run in rounds, ABBA, each side of a round a
 * fresh bench process per ladder (`--repeat 1`), pinned to one CPU where taskset allows; after every
 * ABBA block from round 6 on, checks/sequential.ts decides what it can, and only the ladders with
 * undecided cells run again, up to --max-rounds. Advisory: exit 1 only for a regression whose
 * interval lies above --block-pct; undecided cells are reported as such, never as a pass.
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { Option } from 'commander';
import { pairedMarkdown } from '../../checks/paired-markdown.ts';
import { type Ladder, runPairedRounds, type Side } from '../../checks/paired-run.ts';
import { TIER2_DEFAULTS } from '../../checks/sequential.ts';
import type { PairedReport, SequentialSettings } from '../../checks/types.ts';
import { UsageError } from '../../lib/errors.ts';
import { AB_MEASURES, SPENDING_FUNCTIONS } from '../../lib/types.ts';
import { parseBenchArgs } from '../cli.ts';
import {
  type CommandIo,
  EXIT,
  guard,
  nonEmptyPath,
  numberParser,
  parse,
  positiveNumber,
  program,
  RESULTS_ONLY,
} from '../cli-kit.ts';
import { choosePinning, type Pinning, pinRequest } from '../cpu-pin.ts';
import { createRunDir } from '../run-dir.ts';
import { loadRun, AB_FLAGS, splitOptions } from './_program.ts';
import { commitOf, git, withBaseWorktree } from './_worktree.ts';
import { writeReport } from './compare.ts';

/** ab --measure time's own options; everything else is handed to bench on both sides. */
const OWN = new Set([
  '--base',
  '--measure',
  '--threshold-pct',
  '--block-pct',
  '--alpha',
  '--max-rounds',
  '--spending',
  '--pin',
  '--json',
  '--markdown',
  '--out',
  '--keep-worktree',
  '-h',
  '--help',
]);

/** Bench options that ab sets itself, or that make no sense for one process per ladder per round (--out is ab's own). */
const REFUSED = ['--list', '--repeat', '--processes', '--max-processes', '--resume', '--shard'];

/** Whether argv asks for `--measure` (this module parses its value). */
export function wantsMeasure(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--measure' || arg.startsWith('--measure='));
}

/** `--max-rounds`: whole ABBA blocks, at least the first look's. */
const maxRounds = numberParser(
  '--max-rounds',
  'an even whole number of at least 6 (whole ABBA blocks; the first look is after round 6)',
  (value) => Number.isSafeInteger(value) && value >= 6 && value % 2 === 0,
);

/** The bench options without --suite and --variant (given as "--x v" or "--x=v"). */
export function withoutSelection(bench: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < bench.length; i++) {
    const arg = bench[i] as string;
    if (arg === '--suite' || arg === '--variant') i++;
    else if (!arg.startsWith('--suite=') && !arg.startsWith('--variant=')) out.push(arg);
  }
  return out;
}

/**
 * The bench options of one round: the user's, or, after round 1, the user's without their selection
 * and with the suites and variants of the open ladders instead. Every open ladder runs; a ladder of
 * a named suite and a named variant that is decided may run too (the selection is a cross product).
 */
export function roundOptions(bench: readonly string[], ladders: readonly Ladder[] | null): string[] {
  if (ladders === null) return [...bench];
  const suites = [...new Set(ladders.map((ladder) => ladder.suite))];
  const variants = [...new Set(ladders.map((ladder) => ladder.variant))];
  return [...withoutSelection(bench), '--suite', suites.join(','), '--variant', variants.join(',')];
}

/** Runs bench to completion, its output going to `io.stderr`; resolves with its exit code. */
function runBench(pinning: Pinning, args: string[], cwd: string, io: CommandIo): Promise<number> {
  const [command, ...rest] = [...pinning.prefix, process.execPath, ...args] as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const proc = spawn(command, rest, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [RESULTS_ONLY]: '1' },
    });
    proc.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve(code ?? EXIT.failure));
  });
}

/** The command line: its program, parsed; null when --help was shown. */
function parseOwn(own: readonly string[], io: CommandIo) {
  const command = program(
    'npm run bench -- ab --measure time',
    'Tier 2: runs the base revision and this checkout in alternating rounds (ABBA), each a fresh ' +
      'process per ladder pinned to one CPU, until every cell is decided or --max-rounds; any option ' +
      'not listed here goes to bench. Exit 0: nothing blocks (advisory); 1: a regression whose ' +
      'interval lies above --block-pct; 2: bad input.',
    io,
  )
    .requiredOption('--base <git-ref>', 'the revision to compare against (e.g. origin/main, HEAD~1)')
    .addOption(new Option('--measure <what>', 'what to compare').choices(AB_MEASURES).makeOptionMandatory())
    .option(
      '--threshold-pct <pct>',
      `changes within ±pct are no change, even when significant (default ${TIER2_DEFAULTS.threshold_pct})`,
      positiveNumber('--threshold-pct'),
    )
    .option(
      '--block-pct <pct>',
      `fail (exit 1) on a regression whose interval lies above +pct (default ${TIER2_DEFAULTS.block_pct})`,
      positiveNumber('--block-pct'),
    )
    .option(
      '--alpha <level>',
      `family-wise error rate over the cells, Holm (default ${TIER2_DEFAULTS.alpha})`,
      numberParser('--alpha', 'a level between 0 and 1, e.g. 0.05', (value) => value > 0 && value < 1),
    )
    .option('--max-rounds <count>', `most rounds per side (default ${TIER2_DEFAULTS.max_rounds})`, maxRounds)
    .addOption(
      new Option('--spending <type>', 'alpha spending over the looks')
        .choices(SPENDING_FUNCTIONS)
        .default(TIER2_DEFAULTS.spending),
    )
    .option(
      '--pin <cpu>',
      'auto (the last CPU this process may use, with taskset), off, or a CPU number',
      pinRequest,
      'auto',
    )
    .option(
      '--out <dir>',
      'folder for the rounds and the report (new or empty; default results/<date>-ab-time)',
      nonEmptyPath('--out'),
    )
    .option('--json <file>', 'also write the report as JSON', nonEmptyPath('--json'))
    .option('--markdown <file>', 'also write the Markdown printed here', nonEmptyPath('--markdown'))
    .option('--keep-worktree', 'leave the base checkout in place (for debugging)');
  return parse(command, own) === null ? null : command.opts();
}

/** The sequential settings from the parsed options; the blocking threshold must exceed the noise one. */
export function settingsOf(options: Record<string, unknown>): SequentialSettings {
  const settings: SequentialSettings = {
    alpha: (options.alpha as number | undefined) ?? TIER2_DEFAULTS.alpha,
    threshold_pct: (options.thresholdPct as number | undefined) ?? TIER2_DEFAULTS.threshold_pct,
    block_pct: (options.blockPct as number | undefined) ?? TIER2_DEFAULTS.block_pct,
    max_rounds: (options.maxRounds as number | undefined) ?? TIER2_DEFAULTS.max_rounds,
    spending: options.spending as SequentialSettings['spending'],
  };
  if (settings.block_pct <= settings.threshold_pct)
    throw new UsageError(
      `--block-pct (${settings.block_pct}) must be above --threshold-pct (${settings.threshold_pct})`,
    );
  return settings;
}

/** Refuses the bench options that ab sets itself, and in-process runs (--isolate none). */
function checkBench(bench: readonly string[]): void {
  const args = parseBenchArgs(bench);
  const given = REFUSED.filter((flag) => bench.some((arg) => arg === flag || arg.startsWith(`${flag}=`)));
  if (args !== null && args.isolate === 'none') given.push('--isolate none');
  if (given.length > 0)
    throw new UsageError(
      `ab --measure time runs bench itself, one fresh process per ladder and round: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} not allowed here (--max-rounds sets the rounds)`,
    );
}

/** Tier 2's command (see the module comment). */
export async function abTimeCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench ab', io, async () => {
    const { own, bench } = splitOptions(argv, OWN, AB_FLAGS);
    const options = parseOwn(own, io);
    if (options === null) return EXIT.ok;
    const settings = settingsOf(options);
    checkBench(bench);
    const base = options.base as string;
    const root = await git(process.cwd(), ['rev-parse', '--show-toplevel']);
    const sha = await commitOf(root, base);
    const pinning = await choosePinning(options.pin as ReturnType<typeof pinRequest>);
    io.stderr(`memobench ab: ${pinning.note}\n`);
    const dir = await createRunDir('ab-time', options.out as string | undefined);
    return withBaseWorktree(root, sha, io, options.keepWorktree === true, async (worktree) => {
      const measure = async (side: Side, round: number, ladders: readonly Ladder[] | null) => {
        const out = join(dir, `${side}-${round}`);
        const checkout = side === 'base' ? worktree : root;
        const args = ['--expose-gc', '--import', 'tsx', join(checkout, 'scripts/bench.ts')];
        const code = await runBench(
          pinning,
          [...args, ...roundOptions(bench, ladders), '--repeat', '1', '--out', out],
          checkout,
          io,
        );
        if (code === EXIT.usage)
          throw new UsageError(
            `the ${side} revision's bench refused the options ${JSON.stringify(bench)} (see above)`,
          );
        return (await loadRun(out)).results;
      };
      const run = await runPairedRounds(measure, settings, (side, round, ladders) =>
        io.stderr(
          `memobench ab: round ${round}/${settings.max_rounds}, ${side}${ladders === null ? '' : ` (${ladders.length} ladder${ladders.length === 1 ? '' : 's'} undecided)`}\n`,
        ),
      );
      const report: PairedReport = {
        base: `${base} (${sha.slice(0, 10)})`,
        head: 'this checkout',
        settings,
        rounds: run.rounds,
        pinning: pinning.note,
        prior: run.prior,
        cells: run.cells,
        exact: run.exact,
        failed: run.cells.some((cell) => cell.blocking),
      };
      const markdown = pairedMarkdown(report, `memobench ab --measure time: ${base} against this checkout`);
      const json = `${JSON.stringify(report, null, 2)}\n`;
      io.stdout(markdown);
      await writeReport(join(dir, 'ab.md'), markdown);
      await writeReport(join(dir, 'ab.json'), json);
      if (typeof options.json === 'string') await writeReport(options.json, json);
      if (typeof options.markdown === 'string') await writeReport(options.markdown, markdown);
      for (const cell of report.cells.filter((c) => c.blocking))
        io.stderr(
          `memobench ab: blocking regression ${cell.suite} / ${cell.variant} / n = ${cell.n}: ${(100 * (cell.ratio - 1)).toFixed(1)} % (interval ${(100 * (cell.ci_low - 1)).toFixed(1)} % to ${(100 * (cell.ci_high - 1)).toFixed(1)} %)\n`,
        );
      io.stderr(`memobench ab: wrote ${relative('.', dir) || dir}/ (rounds, ab.md, ab.json)\n`);
      return report.failed ? EXIT.failure : EXIT.ok;
    });
  });
}
