/**
 * memobench against mitata on the same two Fibonacci cells, naive F(25) and bottom-up F(10,000), in
 * ns per call. mitata times each function in three forms: the suite's own variant, one instance
 * made by its factory (exactly the code memobench times: this row tests the harness), and the
 * function as users write it at module level, as a `function` declaration and as a `const` arrow
 * function (these rows show how far the suite's way of writing it is from what users write). mitata
 * runs in PROCESSES fresh processes (its figure: the median of their medians); memobench runs its
 * default profile on fibonacci's naive and bottom-up ladders (its figure: lib/cells.ts timeNs).
 * Run: npm run mitata-compare [-- --processes N]  (under a minute).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { do_not_optimize, measure } from 'mitata';
import { agreements, type OutsideFigures } from '../checks/outside-timer.ts';
import { formatNs } from '../lib/format.ts';
import { readResults } from '../lib/results-file.ts';
import { P } from '../suites/_modular.ts';
import { plainTools } from '../lib/tools.ts';
import fibonacci, { fibonacciFastDoubling } from '../suites/fibonacci.ts';
import { type CommandIo, EXIT, parse, positiveInteger, program, runMain } from './cli-kit.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROCESSES = 5;

function fib(n: number): number {
  return n < 2 ? n : (fib(n - 1) + fib(n - 2)) % P;
}

const fibArrow = (n: number): number => (n < 2 ? n : (fibArrow(n - 1) + fibArrow(n - 2)) % P);

function fibBottomUp(n: number): number {
  const table = new Int32Array(n + 1);
  if (n > 0) table[1] = 1;
  for (let i = 2; i <= n; i++) table[i] = ((table[i - 1] as number) + (table[i - 2] as number)) % P;
  return table[n] as number;
}

const fibBottomUpArrow = (n: number): number => {
  const table = new Int32Array(n + 1);
  if (n > 0) table[1] = 1;
  for (let i = 2; i <= n; i++) table[i] = ((table[i - 1] as number) + (table[i - 2] as number)) % P;
  return table[n] as number;
};

/** The cells compared: memobench's suite, variant and n, and the same function as users write it. */
const CASES = [
  { suite: 'fibonacci', variant: 'naive', n: 25, declared: fib, arrow: fibArrow },
  { suite: 'fibonacci', variant: 'bottom-up', n: 10_000, declared: fibBottomUp, arrow: fibBottomUpArrow },
] as const;

/** The forms mitata times, in this order for each case. */
const FORMS = ['suite instance', 'module-level function', 'module-level const'] as const;

/** The suite's variant as memobench times a stateless one: one instance from its factory, plain tools. */
function suiteInstance(variant: string): (n: number) => number {
  const factory = fibonacci.variants[variant];
  if (factory === undefined) throw new Error(`fibonacci has no variant '${variant}'`);
  return factory(plainTools) as (n: number) => number;
}

/**
 * In a worker process: mitata's median (p50) time per call of each case in each form (FORMS), ns,
 * after checking its answer. Each form runs in a process of its own (`formIndex`): a second
 * function in the same process could change how V8 compiles the first.
 */
async function worker(formIndex: number): Promise<void> {
  const medians: number[] = [];
  for (const { n, declared, arrow, variant } of CASES) {
    const call = [() => suiteInstance(variant), () => declared, () => arrow][formIndex]?.();
    if (call === undefined) throw new Error(`no form ${formIndex}`);
    if (call(n) !== fibonacciFastDoubling(n)) throw new Error(`${variant}(${n}) answers wrongly; not timed`);
    const stats = await measure(() => do_not_optimize(call(n)));
    medians.push(stats.p50);
  }
  process.stdout.write(JSON.stringify(medians));
}

async function compare(processes: number, io: CommandIo): Promise<void> {
  // perForm[form][process][case]: the forms alternate, so a slow spell of the machine hits both.
  const perForm: number[][][] = FORMS.map(() => []);
  for (let index = 0; index < processes; index++) {
    for (const [formIndex, form] of FORMS.entries()) {
      io.stderr(`mitata: ${form}, process ${index + 1} of ${processes}\n`);
      const args = ['--import', 'tsx', HERE, '--worker', String(formIndex)];
      const output = execFileSync(process.execPath, args, { cwd: ROOT });
      perForm[formIndex]?.push(JSON.parse(output.toString()) as number[]);
    }
  }
  const outside: OutsideFigures[] = CASES.flatMap((each, index) =>
    FORMS.map((form, formIndex) => ({
      suite: each.suite,
      variant: each.variant,
      n: each.n,
      form,
      process_ns: (perForm[formIndex] ?? []).map((medians) => medians[index] as number),
    })),
  );
  const dir = await mkdtemp(join(tmpdir(), 'memobench-mitata-'));
  try {
    io.stderr('memobench: default profile, fibonacci naive and bottom-up\n');
    execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'scripts/bench.ts',
        '--suite',
        'fibonacci',
        '--variant',
        'naive,bottom-up',
        '--profile',
        'default',
        '--out',
        dir,
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const { rows, missing } = agreements(await readResults(join(dir, 'results.json')), outside);
    io.stdout(
      [
        `| cell | function timed by mitata | mitata, median of ${processes} processes (ns per call) | memobench time, estimate over processes [95% interval] | memobench / mitata |`,
        '|---|---|---:|---:|---:|',
        ...rows.map(
          (row) =>
            `| ${row.suite} / ${row.variant} / n = ${row.n} | ${row.form} | ${formatNs(row.outside_ns)} (${row.outside_process_ns.map(formatNs).join(', ')}) | ${formatNs(row.memobench_ns)} [${formatNs(row.memobench_low_ns)}, ${formatNs(row.memobench_high_ns)}] | ${row.ratio.toFixed(3)} |`,
        ),
        ...missing.map(
          (each) =>
            `| ${each.suite} / ${each.variant} / n = ${each.n} | ${each.form} | — | not timed by memobench | — |`,
        ),
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The command line: `--processes N` (mitata's fresh processes); `--worker` is how the script runs itself. */
async function command(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv[0] === '--worker') {
    await worker(Number(argv[1]));
    return EXIT.ok;
  }
  const parsed = parse(
    program(
      'npm run mitata-compare --',
      'Times naive F(25) and bottom-up F(10,000) with mitata in fresh processes (the suite’s own ' +
        'instance, and the function written at module level as a function declaration and as a const ' +
        'arrow) and with memobench (default profile), and ' +
        'prints both in ns per call with their ratio.',
      io,
    ).option(
      '--processes <count>',
      `mitata's fresh processes (default ${PROCESSES})`,
      positiveInteger('--processes'),
    ),
    argv,
  );
  if (parsed === null) return EXIT.ok;
  await compare((parsed.opts().processes as number | undefined) ?? PROCESSES, io);
  return EXIT.ok;
}

void runMain('mitata-compare', (io) => command(process.argv.slice(2), io));
