/**
 * The cost of the `self` indirection: a derived variant (examples/fibonacci.ts, the recurrence
 * written once through `self`) against the hand-written one of the shipped suite (suites/fibonacci.ts),
 * pair by pair, in one run: naive against naive, `map` against `map-packed` (a Map keyed by the
 * integer) and `map-string`, `closure` against `closure`. Every variant is measured as a bench run
 * measures it (verified, each in its own child processes, the default profile's sampling), and the
 * table gives each time per call (estimate over processes, ns) with its 95% interval and derived / hand-written with the
 * interval from the ends of both.
 *
 *   npm run self-cost -- [--n 1000] [--naive-n 20] [--processes 5] [--time-ms 250] [--out dir]
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatElapsed, textTable } from '../lib/format.ts';
import { loadProblemFile, loadSuites } from '../lib/registry.ts';
import type { RunOptions, Suite } from '../lib/types.ts';
import { timeText, ratioText, type SelfCostPair, selfCostRows } from '../reports/self-cost.ts';
import type { LadderPlan } from '../runners/plan.ts';
import { parseBenchArgs, resolveOptions } from './cli.ts';
import {
  type CommandIo,
  EXIT,
  nonEmptyPath,
  parse,
  positiveInteger,
  positiveNumber,
  program,
  runMain,
} from './cli-kit.ts';
import { createRunDir } from './run-dir.ts';

const PROBLEM = fileURLToPath(new URL('../examples/fibonacci.ts', import.meta.url));
const HAND = 'fibonacci';

/** The pairs, hand-written first: what each derived variant is the counterpart of. */
const PAIRS = [
  ['naive', 'naive'],
  ['map', 'map-packed'],
  ['map', 'map-string'],
  ['closure', 'closure'],
] as const;

async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const command = program(
    'npm run self-cost --',
    'Times derived variants of examples/fibonacci.ts against the hand-written ones of suites/fibonacci.ts in one run: time per call of each (ns, estimate over processes), and derived / hand-written, with 95% intervals.',
    io,
  )
    .option('--n <size>', 'size of the memoized pairs', positiveInteger('--n'), 1_000)
    .option('--naive-n <size>', 'size of the naive pair (exponential)', positiveInteger('--naive-n'), 20)
    .option('--processes <count>', 'processes per variant', positiveInteger('--processes'), 5)
    .option(
      '--time-ms <ms>',
      'sampling time per cell and process (ms; default: the default profile’s)',
      positiveNumber('--time-ms'),
    )
    .option('--out <dir>', 'run folder (new or empty) for results.json', nonEmptyPath('--out'));
  if (parse(command, argv) === null) return EXIT.ok;
  const flags = command.opts();
  const [hand] = (await loadSuites()).filter((suite) => suite.id === HAND) as [Suite];
  const problem = await loadProblemFile(relative('.', PROBLEM));
  const pairs: SelfCostPair[] = PAIRS.map(([handVariant, derivedVariant]) => ({
    hand: { suite: hand.id, variant: handVariant },
    derived: { suite: problem.id, variant: derivedVariant },
    n: handVariant === 'naive' ? flags.naiveN : flags.n,
  }));
  const plan: LadderPlan[] = [
    ...new Map(
      pairs.flatMap((pair) => [
        [`h/${pair.hand.variant}`, { suite: hand, variant: pair.hand.variant, sizes: [pair.n] }],
        [`d/${pair.derived.variant}`, { suite: problem, variant: pair.derived.variant, sizes: [pair.n] }],
      ]),
    ).values(),
  ];
  const options = runOptions(flags.processes, flags.timeMs);
  const dir = await createRunDir('self-cost', flags.out);
  const [{ failedCells, runBench }, { runSaver }] = await Promise.all([
    import('../runners/run.ts'),
    import('../reports/write-reports.ts'),
  ]);
  const results = await runBench({
    options,
    suites: [hand, problem],
    plan,
    save: runSaver(dir),
    command: ['memobench', 'self-cost', ...argv].join(' '),
    progress: process.stderr,
  });
  const rows = selfCostRows(results, pairs);
  io.stdout(
    `\nThe cost of self: ${problem.file} (derived) against suites/fibonacci.ts (hand-written), time per call (ns, estimate over processes) with 95% intervals, ${flags.processes} process(es) per variant\n\n`,
  );
  io.stdout(
    `${textTable(
      ['hand-written', 'derived', 'n', 'hand-written time', 'derived time', 'derived ÷ hand-written'],
      rows.map((row) => [
        row.hand.variant,
        row.derived.variant,
        String(row.n),
        timeText(row.hand_cell),
        timeText(row.derived_cell),
        ratioText(row),
      ]),
    )}\n\n`,
  );
  io.stdout(`Run took ${formatElapsed(results.elapsed_ms)}; results.json in ${relative('.', dir) || dir}\n`);
  return failedCells(results).length > 0 ? EXIT.failure : EXIT.ok;
}

/**
 * The default profile's options, resolved by the bench command line (so a merge of its options
 * needs no change here), without a memory pass: only times are compared.
 */
function runOptions(processes: number, timeMs?: number): RunOptions {
  const args = ['--profile', 'default', '--repeat', String(processes)];
  if (timeMs !== undefined) args.push('--time-ms', String(timeMs));
  const parsed = parseBenchArgs(args);
  if (parsed === null) throw new Error('the bench options of self-cost asked for help');
  return { ...resolveOptions(parsed), memory_readings: 0 };
}

void runMain('memobench self-cost', (io) => main(process.argv.slice(2), io));
