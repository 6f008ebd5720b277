import { join, relative } from 'node:path';
import { Option } from 'commander';
import { compareRuns } from '../../checks/compare.ts';
import { comparisonMarkdown } from '../../checks/markdown.ts';
import { combineRounds } from '../../checks/rounds.ts';
import { UsageError } from '../../lib/errors.ts';
import { writeResults } from '../../lib/results-file.ts';
import { AB_MEASURES, type AbMeasure, type Results } from '../../lib/types.ts';
import { parseBenchArgs } from '../cli.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, positiveInteger, program } from '../cli-kit.ts';
import { createRunDir } from '../run-dir.ts';
import { abInstructionsCommand } from './ab-instructions.ts';
import { addCompareOptions, loadRun, settingsFrom, AB_FLAGS, splitOptions } from './_program.ts';
import { abTimeCommand, wantsMeasure } from './ab-time.ts';
import { child, commitOf, git, withBaseWorktree } from './_worktree.ts';
import { comparisonJson, writeReport } from './compare.ts';

/**
 * Rounds per side by default: 5 processes per cell, the number the statistics are tested with
 * (test/checks-detection.test.ts): with the slowest process of each side set aside, one disturbed
 * process cannot hide or fake a change.
 */
export const DEFAULT_ROUNDS = 5;

/**
 * Each of ab's runs measures every ladder in one process: the rounds alternate base and head
 * (ABAB...), so that drifts of the machine hit both alike, and are merged into `rounds` processes
 * per side. `--repeat 1` is understood by bench before and after rounds of processes existed.
 */
const ONE_PROCESS = ['--repeat', '1'];

/** ab's own options; everything else is handed to bench in both checkouts. */
const OWN = new Set([
  '--base',
  '--measure',
  '--rounds',
  '--threshold-pct',
  '--alpha',
  '--correction',
  '--time',
  '--relative-tolerance',
  '--json',
  '--markdown',
  '--out',
  '--keep-worktree',
  '-h',
  '--help',
]);

/** Splits argv into ab's options and the bench options (values given as "--x v" or "--x=v"). */
export function splitArgs(argv: readonly string[]): { own: string[]; bench: string[] } {
  return splitOptions(argv, OWN, AB_FLAGS);
}

/** `argv` without `--measure <what>` (or `--measure=<what>`) when it asks for `what`; otherwise null. */
export function withoutMeasure(argv: readonly string[], what: AbMeasure): string[] | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--measure=${what}`) return [...argv.slice(0, i), ...argv.slice(i + 1)];
    if (argv[i] === '--measure' && argv[i + 1] === what) return [...argv.slice(0, i), ...argv.slice(i + 2)];
  }
  return null;
}

/**
 * `npm run bench -- ab --base <git-ref> [--rounds 5] [bench options]`: the base revision (checked
 * out in a temporary git worktree) and this checkout (with its uncommitted changes) run the same
 * bench options alternately, base first (ABAB..., as asv does), so that the machine's drifts hit
 * both alike; then they are compared with the same-machine statistics. Exit 0 nothing regressed;
 * 1 regressed or an exact field differs; 2 bad input. The worktree is removed even on failure.
 */
export async function abCommand(argv: string[], io: CommandIo): Promise<number> {
  const instructions = withoutMeasure(argv, 'instructions');
  if (instructions !== null) return abInstructionsCommand(instructions, io);
  if (wantsMeasure(argv)) return abTimeCommand(argv, io);
  return guard('memobench ab', io, async () => {
    const { own, bench } = splitArgs(argv);
    const command = addCompareOptions(
      program(
        'npm run bench -- ab',
        'Runs the base revision and this checkout alternately on this machine with the same bench ' +
          'options (any bench option not listed here), then compares them. Exit 0: nothing regressed; ' +
          '1: regressed or an exact field differs; 2: bad input.',
        io,
      ),
    )
      .requiredOption('--base <git-ref>', 'the revision to compare against (e.g. origin/main, HEAD~1)')
      .addOption(
        new Option(
          '--measure <what>',
          'time: wall time, rounds of processes (this help); instructions: counts under valgrind (see --measure instructions --help)',
        )
          .choices(AB_MEASURES)
          .default('time'),
      )
      .option(
        '--rounds <count>',
        `runs per side, alternating (default ${DEFAULT_ROUNDS})`,
        positiveInteger('--rounds'),
        DEFAULT_ROUNDS,
      )
      .option(
        '--out <dir>',
        'folder for the rounds and the comparison (new or empty; default results/<date>-ab)',
        nonEmptyPath('--out'),
      )
      .option('--json <file>', 'also write the comparison as JSON', nonEmptyPath('--json'))
      .option('--markdown <file>', 'also write the Markdown printed here', nonEmptyPath('--markdown'))
      .option('--keep-worktree', 'leave the base checkout in place (for debugging)');
    if (parse(command, own) === null) return EXIT.ok;
    const options = command.opts();
    // splitArgs keeps -h and --help among ab's own options, so this never shows bench's help (null).
    const args = parseBenchArgs(bench);
    const processes = [args?.repeat, args?.processes, args?.max_processes].some(
      (value) => value !== undefined,
    );
    if (args !== null && (args.out !== undefined || args.list || processes)) {
      throw new UsageError(
        'ab runs bench itself: --out, --list, --repeat, --processes and --max-processes are not bench options here (--rounds sets the processes)',
      );
    }
    const rounds = options.rounds as number;
    const root = await git(process.cwd(), ['rev-parse', '--show-toplevel']);
    const sha = await commitOf(root, options.base as string);
    const dir = await createRunDir('ab', options.out as string | undefined);
    return withBaseWorktree(root, sha, io, options.keepWorktree === true, async (worktree) => {
      const sides = { base: [] as Results[], head: [] as Results[] };
      for (let round = 1; round <= rounds; round++) {
        for (const side of ['base', 'head'] as const) {
          const out = join(dir, `${side}-${round}`);
          io.stderr(`memobench ab: round ${round}/${rounds}, ${side}\n`);
          const checkout = side === 'base' ? worktree : root;
          const code = await child(
            process.execPath,
            [
              '--expose-gc',
              '--import',
              'tsx',
              join(checkout, 'scripts/bench.ts'),
              ...bench,
              ...ONE_PROCESS,
              '--out',
              out,
            ],
            checkout,
            io,
          );
          if (code === EXIT.usage)
            throw new UsageError(
              `the ${side} revision's bench refused the options ${JSON.stringify(bench)} (see above)`,
            );
          sides[side].push((await loadRun(out)).results);
        }
      }
      const base = combineRounds(sides.base);
      const head = combineRounds(sides.head);
      await writeResults(join(dir, 'base.json'), base);
      await writeResults(join(dir, 'head.json'), head);
      const comparison = compareRuns(
        base,
        head,
        { a: `base ${sha.slice(0, 10)} (${rounds} rounds)`, b: `this checkout (${rounds} rounds)` },
        settingsFrom(options),
      );
      const markdown = comparisonMarkdown(
        comparison,
        `memobench ab: ${options.base as string} against this checkout`,
      );
      io.stdout(markdown);
      await writeReport(join(dir, 'ab.md'), markdown);
      await writeReport(join(dir, 'ab.json'), comparisonJson(comparison));
      if (typeof options.json === 'string') await writeReport(options.json, comparisonJson(comparison));
      if (typeof options.markdown === 'string') await writeReport(options.markdown, markdown);
      io.stderr(
        `memobench ab: wrote ${relative('.', dir) || dir}/ (rounds, base.json, head.json, ab.md, ab.json)\n`,
      );
      return comparison.failed ? EXIT.failure : EXIT.ok;
    });
  });
}
