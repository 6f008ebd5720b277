import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { compareRuns } from '../../checks/compare.ts';
import { comparisonMarkdown } from '../../checks/markdown.ts';
import { combineRounds } from '../../checks/rounds.ts';
import { messageOf, UsageError } from '../../lib/errors.ts';
import { writeResults } from '../../lib/results-file.ts';
import type { Results } from '../../lib/types.ts';
import { parseBenchArgs } from '../cli.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, positiveInteger, program } from '../cli-kit.ts';
import { createRunDir } from '../run-dir.ts';
import { addCompareOptions, loadRun, settingsFrom } from './_program.ts';
import { abTimeCommand, wantsMeasure } from './ab-time.ts';
import { comparisonJson, writeReport } from './compare.ts';

const run = promisify(execFile);

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
const FLAGS = new Set(['--keep-worktree', '-h', '--help']);

/** Splits argv into ab's options and the bench options (values given as "--x v" or "--x=v"). */
export function splitArgs(
  argv: readonly string[],
  ownOptions: ReadonlySet<string> = OWN,
  flags: ReadonlySet<string> = FLAGS,
): { own: string[]; bench: string[] } {
  const own: string[] = [];
  const bench: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.split('=')[0] as string;
    const target = ownOptions.has(name) ? own : bench;
    target.push(arg);
    const takesValue = !arg.includes('=') && !flags.has(name) && name.startsWith('--');
    if (takesValue && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--'))
      target.push(argv[++i] as string);
  }
  return { own, bench };
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 24 });
    return stdout.trim();
  } catch (error) {
    throw new UsageError(
      `git ${args.join(' ')}: ${messageOf((error as { stderr?: string }).stderr || error)}`,
    );
  }
}

/** Runs a child to completion, its output going to `io.stderr`; resolves with its exit code. */
function child(command: string, args: string[], cwd: string, io: CommandIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve(code ?? EXIT.failure));
  });
}

/** Installs the base checkout: this checkout's node_modules when the lockfiles are identical, else npm ci. */
async function install(root: string, worktree: string, io: CommandIo): Promise<string> {
  const read = (dir: string) => readFile(join(dir, 'package-lock.json'), 'utf8').catch(() => null);
  const [mine, theirs] = await Promise.all([read(root), read(worktree)]);
  if (mine !== null && mine === theirs) {
    await symlink(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    return 'reused this checkout’s node_modules (identical package-lock.json)';
  }
  io.stderr('memobench ab: package-lock.json differs: npm ci in the base checkout\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await child(npm, ['ci', '--no-audit', '--no-fund'], worktree, io);
  if (code !== 0) throw new UsageError(`npm ci failed in the base checkout (exit ${code})`);
  return 'installed with npm ci (package-lock.json differs)';
}

/**
 * `npm run bench -- ab --base <git-ref> [--rounds 5] [bench options]`: the base revision (checked
 * out in a temporary git worktree) and this checkout (with its uncommitted changes) run the same
 * bench options alternately, base first (ABAB..., as asv does), so that the machine's drifts hit
 * both alike; then they are compared with the same-machine statistics. Exit 0 nothing regressed;
 * 1 regressed or an exact field differs; 2 bad input. The worktree is removed even on failure.
 */
export async function abCommand(argv: string[], io: CommandIo): Promise<number> {
  if (wantsMeasure(argv)) return abTimeCommand(argv, io, { splitArgs, git, install });
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
    const sha = await git(root, [
      'rev-parse',
      '--verify',
      '--quiet',
      `${options.base as string}^{commit}`,
    ]).catch(() => {
      throw new UsageError(
        `unknown git revision '${options.base as string}' (a branch, tag or commit of ${root})`,
      );
    });
    const dir = await createRunDir('ab', options.out as string | undefined);
    const worktree = await mkdtemp(join(tmpdir(), 'memobench-ab-'));
    let added = false;
    try {
      await git(root, ['worktree', 'add', '--detach', worktree, sha]);
      added = true;
      io.stderr(
        `memobench ab: base ${sha.slice(0, 10)} in ${worktree}: ${await install(root, worktree, io)}\n`,
      );
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
    } finally {
      if (options.keepWorktree !== true) {
        // Unlink the borrowed node_modules first, so that nothing below can reach this checkout's copy.
        await unlink(join(worktree, 'node_modules')).catch(() => undefined);
        if (added) await git(root, ['worktree', 'remove', '--force', worktree]).catch(() => undefined);
        await rm(worktree, { recursive: true, force: true });
        if (added) await git(root, ['worktree', 'prune']).catch(() => undefined);
      }
    }
  });
}
