import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { UsageError } from '../lib/errors.ts';
import { loadSuites } from '../lib/registry.ts';
import { planLadders, selectSuites } from '../runners/plan.ts';
import { type BenchArgs, parseBenchArgs, resolveOptions } from '../scripts/cli.ts';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message);

/** The parsed arguments of a command line that does not ask for help. */
function parsed(argv: readonly string[]): BenchArgs {
  const args = parseBenchArgs(argv);
  assert.ok(args !== null, 'no help was asked for');
  return args;
}

describe('parseBenchArgs()', () => {
  it('has sensible defaults', () => {
    const args = parsed([]);
    assert.equal(args.profile, 'default');
    assert.deepEqual(args.suites, []);
    assert.equal(args.budget_ms, undefined, 'the profile decides the budget');
    assert.equal(args.list, false);
  });

  it('reads lists and numbers', () => {
    const args = parsed([
      '--suite',
      'lcs, fibonacci',
      '--variant=map',
      '--profile',
      'quick',
      '--budget-ms',
      '12.5',
    ]);
    assert.deepEqual(args.suites, ['lcs', 'fibonacci']);
    assert.deepEqual(args.variants, ['map']);
    assert.equal(args.profile, 'quick');
    assert.equal(args.budget_ms, 12.5);
  });

  it('names an unknown option and lists the valid ones', () => {
    assert.throws(
      () => parseBenchArgs(['--bogus']),
      usage(/unknown option '--bogus' \(valid: --suite, --variant, --profile/),
    );
  });

  it('names an unknown profile and lists the valid ones', () => {
    assert.throws(
      () => parseBenchArgs(['--profile', 'fast']),
      usage(/argument 'fast' is invalid\. Allowed choices are quick, default, full/),
    );
  });

  it('rejects sizes and budgets that are not positive numbers', () => {
    assert.throws(
      () => parseBenchArgs(['--budget-ms', '-3']),
      usage(/--budget-ms must be a positive number \(got '-3'\)/),
    );
    assert.throws(
      () => parseBenchArgs(['--min-samples', '2.5']),
      usage(/--min-samples must be a positive integer/),
    );
    assert.throws(() => parseBenchArgs(['--seed', 'x']), usage(/--seed must be an integer/));
    assert.throws(
      () => parseBenchArgs(['--budget-ms']),
      usage(/^option '--budget-ms <ms>' argument missing \(see --help\)$/),
    );
    assert.throws(() => parseBenchArgs(['--out', '']), usage(/^--out needs a path \(got ''\)$/));
  });

  it('reads the measurement options and rejects contradictory ones', () => {
    const args = parsed(['--cache', 'warm', '--repeat', '3', '--runner', 'both', '--stack-size', '4000']);
    const options = resolveOptions(args);
    assert.deepEqual(
      [
        options.cache_mode,
        options.min_processes,
        options.max_processes,
        options.runner,
        options.stack_size_kb,
        options.isolate,
        options.audit,
      ],
      ['warm', 3, 3, 'both', 4000, 'process', false],
    );
    assert.throws(
      () => parseBenchArgs(['--cache', 'hot']),
      usage(/argument 'hot' is invalid\. Allowed choices are cold, warm, sequence/),
    );
    assert.throws(
      () => parseBenchArgs(['--runner', 'mitata']),
      usage(/Allowed choices are tinybench, benny, both/),
    );
    assert.throws(
      () => resolveOptions(parsed(['--isolate', 'none', '--repeat', '2', '--stack-size', '900'])),
      usage(/--repeat, --stack-size need child processes; drop them or use --isolate process/),
    );
    assert.equal(resolveOptions(parsed(['--profile', 'quick'])).cell_timeout_ms, 60_000);
  });

  it('takes processes per ladder from the profile, --processes, --max-processes or --repeat', () => {
    const range = (...argv: string[]) => {
      const options = resolveOptions(parsed(argv));
      return [options.min_processes, options.max_processes, options.target_half_width_pct];
    };
    assert.deepEqual(range(), [3, 4, 5]);
    assert.deepEqual(range('--profile', 'quick'), [2, 2, 10]);
    assert.deepEqual(range('--profile', 'ci'), [1, 1, 5]);
    assert.deepEqual(range('--processes', '8'), [8, 8, 5], 'the most rises to the fewest');
    assert.deepEqual(range('--max-processes', '2'), [2, 2, 5], 'the fewest falls to the most');
    assert.deepEqual(
      range('--processes', '2', '--max-processes', '4', '--half-width-pct', '1.5'),
      [2, 4, 1.5],
    );
    assert.deepEqual(range('--repeat', '5'), [5, 5, 5]);
    assert.deepEqual(range('--isolate', 'none'), [1, 1, 5], 'in-process runs are one process');
    assert.throws(
      () => resolveOptions(parsed(['--processes', '4', '--max-processes', '3'])),
      usage(/--max-processes 3 is below --processes 4/),
    );
    assert.throws(
      () => resolveOptions(parsed(['--repeat', '2', '--processes', '3'])),
      usage(/--repeat sets both --processes and --max-processes/),
    );
    assert.throws(
      () => resolveOptions(parsed(['--isolate', 'none', '--processes', '2'])),
      usage(/--processes need child processes/),
    );
    assert.equal(resolveOptions(parsed(['--audit'])).audit, true);
  });

  it('reads a shard and rejects one out of range', () => {
    assert.deepEqual(parsed(['--shard', '2/4']).shard, { index: 2, count: 4 });
    assert.throws(() => parseBenchArgs(['--shard', '5/4']), usage(/--shard must be i\/n with 1 <= i <= n/));
    assert.throws(() => parseBenchArgs(['--shard', 'x']), usage(/--shard must be i\/n/));
  });

  it('rejects stray arguments', () => {
    assert.throws(() => parseBenchArgs(['quick']), usage(/unexpected argument/));
  });

  it('shows help without failing', () => {
    let text = '';
    assert.equal(
      parseBenchArgs(['--help'], (chunk) => (text += chunk)),
      null,
    );
    assert.match(text, /--budget-ms <ms>/);
    assert.match(text, /Profiles:\n {2}quick/);
  });
});

describe('suite and variant selection', () => {
  it('names an unknown suite or variant and lists the valid ones', async () => {
    const suites = await loadSuites();
    assert.throws(
      () => selectSuites(suites, ['fibonaci']),
      usage(/unknown suite 'fibonaci' \(valid: .*fibonacci.*\)/),
    );
    const fib = selectSuites(suites, ['fibonacci']);
    assert.throws(
      () => planLadders(fib, { variants: ['hash'], profile: 'quick', audit: false }),
      usage(/unknown variant 'hash' \(valid: naive, dict, map/),
    );
    const plan = planLadders(fib, { variants: ['map', 'naive'], profile: 'quick', audit: false });
    assert.deepEqual(
      plan.map((ladder) => ladder.variant),
      ['naive', 'map'],
    );
  });
});

describe('npm run bench (process)', () => {
  const bench = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', ...args], { encoding: 'utf8' });

  it('exits 2 with one line naming the problem', () => {
    const run = bench('--suite', 'nope');
    assert.equal(run.status, 2);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /^memobench: unknown suite 'nope' \(valid: /);
  });

  it('lists suites with their variants', () => {
    const run = bench('--list', '--suite', 'fibonacci', '--profile', 'quick');
    assert.equal(run.status, 0);
    assert.match(
      run.stdout,
      /fibonacci: Fibonacci numbers modulo 1,000,000,007\n {2}variants: naive, dict, map, closure, bottom-up/,
    );
    assert.match(run.stdout, /sizes \(quick\): 5, 10/);
  });
});

describe('shardLadders()', () => {
  it('puts every ladder in exactly one shard, round-robin', async () => {
    const { shardLadders } = await import('../runners/plan.ts');
    const plan = planLadders(await loadSuites(), { variants: [], profile: 'quick', audit: true });
    const shards = [1, 2, 3].map((index) => shardLadders(plan, { index, count: 3 }));
    assert.equal(shards.flat().length, plan.length);
    assert.equal(new Set(shards.flat()).size, plan.length);
    assert.ok(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length)) <= 1);
    assert.deepEqual(shardLadders(plan, null), plan);
  });
});
