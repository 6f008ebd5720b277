/**
 * `npm run bench -- ab --base <git-ref> --measure instructions`, and the tier 1 step of
 * `npm run bench:check -- --base <git-ref>`: instructions per operation of the base revision and
 * this checkout under valgrind (./_tier1.ts), with their verdicts.
 * Exit 0: no regression; 1: a cell regressed by the threshold or failed in head; 2: bad input, or
 * the A/A self-check says the measurement is not deterministic here.
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Option } from 'commander';
import { DEFAULT_BASELINE, readBaseline } from '../../checks/baseline.ts';
import { DEFAULT_THRESHOLD_PCT, instructionOutcome } from '../../checks/instructions.ts';
import { instructionMarkdown } from '../../checks/instructions-markdown.ts';
import { loadSuites } from '../../lib/registry.ts';
import { CACHE_MODES, type CacheMode, PROFILES, type Profile } from '../../lib/types.ts';
import { estimatesFrom, planInstructionLadders } from '../../runners/instructions/plan.ts';
import { planLadders, selectSuites } from '../../runners/plan.ts';
import { DEFAULT_SEED } from '../../runners/profiles.ts';
import {
  type CommandIo,
  commaList,
  EXIT,
  guard,
  integer,
  nonEmptyPath,
  parse,
  positiveInteger,
  positiveNumber,
  program,
} from '../cli-kit.ts';
import { createRunDir } from '../run-dir.ts';
import { instructionGate } from './_tier1.ts';
import { commitOf, git, withBaseWorktree } from './_worktree.ts';
import { writeReport } from './compare.ts';

/** What tier 1 measures: the cells of a profile, and how they are judged. */
export interface InstructionSettings {
  profile: Profile;
  suites: string[];
  variants: string[];
  audit: boolean;
  seed: number;
  cache_mode: CacheMode;
  threshold_pct: number;
  /** valgrind processes at once. */
  jobs: number;
  /** Results whose median times give the plan's estimates (the committed baseline), relative to the checkout. */
  estimates: string;
}

/** Tier 1's settings for the ci profile with the npm memoizer audit, as bench:check runs it. */
export const CI_INSTRUCTIONS: InstructionSettings = {
  profile: 'ci',
  suites: [],
  variants: [],
  audit: true,
  seed: DEFAULT_SEED,
  cache_mode: 'cold',
  threshold_pct: DEFAULT_THRESHOLD_PCT,
  jobs: availableParallelism(),
  estimates: DEFAULT_BASELINE,
};

/** The exit code of each outcome. */
const EXITS = { ok: EXIT.ok, regressed: EXIT.failure, 'not deterministic': EXIT.usage } as const;

/**
 * Runs tier 1 of `baseRef` against this checkout (the repository at `root`, with its uncommitted
 * changes), writing instructions.md and instructions.json into `dir`. Returns the Markdown and the
 * exit code.
 */
export async function instructionsAgainst(
  root: string,
  baseRef: string,
  settings: InstructionSettings,
  dir: string,
  io: CommandIo,
  keepWorktree = false,
): Promise<{ markdown: string; exit: number }> {
  const sha = await commitOf(root, baseRef);
  const suites = selectSuites(await loadSuites(join(root, 'suites')), settings.suites);
  const ladders = planInstructionLadders(
    planLadders(suites, settings),
    estimatesFrom(await readBaseline(join(root, settings.estimates))),
  );
  const started = process.hrtime.bigint();
  return withBaseWorktree(root, sha, io, keepWorktree, async (worktree) => {
    const result = await instructionGate({
      base: worktree,
      head: root,
      dir: join(dir, 'instructions'),
      ladders,
      seed: settings.seed,
      cache_mode: settings.cache_mode,
      threshold_pct: settings.threshold_pct,
      jobs: settings.jobs,
      progress: (line) => io.stderr(`memobench tier 1: ${line}\n`),
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const markdown = instructionMarkdown(
      result,
      `memobench tier 1: ${baseRef} (${sha.slice(0, 10)}) against this checkout`,
      settings.threshold_pct,
      wall,
    );
    await writeReport(join(dir, 'instructions.md'), markdown);
    const json = { base: sha, settings, wall_s: wall, ...result };
    await writeReport(join(dir, 'instructions.json'), `${JSON.stringify(json, null, 2)}\n`);
    io.stderr(`memobench tier 1: wrote ${relative('.', dir) || dir}/instructions.md, instructions.json\n`);
    return { markdown, exit: EXITS[instructionOutcome(result.rows, result.self_check)] };
  });
}

/** `ab --measure instructions`: argv without `--measure instructions`. */
export async function abInstructionsCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench ab', io, async () => {
    const command = program(
      'npm run bench -- ab --measure instructions',
      'Counts instructions per operation (cold mode, instance creation included, answers verified) of ' +
        'the base revision and this checkout under valgrind, with V8 pinned and TurboFan on, and flags ' +
        'every cell that changed by the threshold. Exit 0: no regression; 1: a cell regressed or failed; ' +
        '2: bad input, or the A/A self-check found the counts not deterministic here.',
      io,
    )
      .requiredOption('--base <git-ref>', 'the revision to compare against (e.g. origin/main, HEAD~1)')
      .addOption(new Option('--profile <name>', 'sizes of the ladders').choices(PROFILES).default('ci'))
      .option('--suite <ids>', 'only these suites (comma-separated)', commaList, [])
      .option('--variant <names>', 'only these variants (comma-separated)', commaList, [])
      .option('--audit', 'include the npm memoizer variants (bench:check does)')
      .option('--seed <int>', 'seed of the input generator', integer('--seed'), DEFAULT_SEED)
      .addOption(new Option('--cache <mode>', 'cache mode').choices(CACHE_MODES).default('cold'))
      .option(
        '--threshold-pct <pct>',
        'a change of at least this much, in percent, is a verdict',
        positiveNumber('--threshold-pct'),
        DEFAULT_THRESHOLD_PCT,
      )
      .option(
        '--jobs <count>',
        'valgrind processes at once (default: the cores)',
        positiveInteger('--jobs'),
        availableParallelism(),
      )
      .option(
        '--out <dir>',
        'folder for the comparison (new or empty; default results/<date>-ab)',
        nonEmptyPath('--out'),
      )
      .option('--markdown <file>', 'also write the Markdown printed here', nonEmptyPath('--markdown'))
      .option('--keep-worktree', 'leave the base checkout in place (for debugging)');
    if (parse(command, argv) === null) return EXIT.ok;
    const options = command.opts();
    const root = await git(process.cwd(), ['rev-parse', '--show-toplevel']);
    const dir = await createRunDir('ab', options.out as string | undefined);
    const settings: InstructionSettings = {
      profile: options.profile as Profile,
      suites: options.suite as string[],
      variants: options.variant as string[],
      audit: options.audit === true,
      seed: options.seed as number,
      cache_mode: options.cache as CacheMode,
      threshold_pct: options.thresholdPct as number,
      jobs: options.jobs as number,
      estimates: DEFAULT_BASELINE,
    };
    const { markdown, exit } = await instructionsAgainst(
      root,
      options.base as string,
      settings,
      dir,
      io,
      options.keepWorktree === true,
    );
    io.stdout(markdown);
    if (typeof options.markdown === 'string') await writeReport(options.markdown, markdown);
    return exit;
  });
}
