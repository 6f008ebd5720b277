import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareExact } from '../checks/exact.ts';
import { mergeShards } from '../checks/merge-shards.ts';
import { UsageError } from '../lib/errors.ts';
import { loadSuites } from '../lib/registry.ts';
import { writeResults } from '../lib/results-file.ts';
import type { Results, RunOptions, Shard } from '../lib/types.ts';
import { runSaver } from '../reports/write-reports.ts';
import { planLadders, shardLadders } from '../runners/plan.ts';
import { runBench } from '../runners/run.ts';
import { mergeCommand } from '../scripts/commands/merge.ts';
import { fakeMeasure, TEST_OPTIONS, tempDir, withDeadline } from './helpers.ts';

const SUITES = join(import.meta.dirname, 'fixtures', 'suites-regression');
const OPTIONS: RunOptions = { ...TEST_OPTIONS, profile: 'ci', suites: ['triangle'] };

/** A run of the fixture suite, whole or one shard of it, written to a new folder. */
async function shardRun(
  shard: Shard | null,
  options: Partial<RunOptions> = {},
): Promise<{ dir: string; results: Results }> {
  const suites = await loadSuites(SUITES);
  const dir = await tempDir('memobench-shard-');
  const runOptions = { ...OPTIONS, ...options, shard };
  const results = await runBench({
    options: runOptions,
    suites,
    plan: shardLadders(planLadders(suites, { variants: [], profile: 'ci', audit: true }), shard),
    save: runSaver(dir),
    command: 'test',
    measure: async () => fakeMeasure(),
  });
  return { dir, results };
}

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message);

describe('mergeShards()', () => {
  it('joins shards into the unsharded result set: same cells, same order, same exact fields', async () => {
    const whole = await shardRun(null);
    const shards = await Promise.all([3, 1, 2].map((index) => shardRun({ index, count: 3 })));
    const merged = mergeShards(
      shards.map(({ dir, results }) => ({ source: dir, results })),
      'memobench merge',
    );
    const ids = (results: Results) => results.cells.map((cell) => `${cell.variant}/${cell.n}`);
    assert.deepEqual(ids(merged), ids(whole.results));
    assert.deepEqual(compareExact(whole.results, merged).differences, []);
    assert.equal(merged.options.shard, null);
    assert.deepEqual(merged.options, whole.results.options);
    assert.deepEqual(
      merged.suites.map((suite) => suite.id),
      ['triangle'],
    );
    assert.equal(merged.capacity, undefined, 'no shard had capacity curves');
  });

  it('keeps one capacity curve per suite from the shards that computed them', async () => {
    const shards = await Promise.all([1, 2].map((index) => shardRun({ index, count: 2 })));
    const curve = (note: string): NonNullable<Results['capacity']>[number] => ({
      suite: 'triangle',
      variant: 'closure',
      factor: 2,
      curve_limit_factor: 10,
      max_calls: null,
      sizes: [],
      note,
    });
    shards[0]!.results.capacity = [curve('from shard 1')];
    shards[1]!.results.capacity = [curve('from shard 2'), { ...curve('not in the run'), suite: 'other' }];
    const merged = mergeShards(
      shards.map(({ dir, results }) => ({ source: dir, results })),
      'memobench merge',
    );
    assert.deepEqual(merged.capacity, [curve('from shard 2')]);
  });

  it('refuses missing, repeated and unsharded sets, other options and overlapping cells', async () => {
    const one = await shardRun({ index: 1, count: 2 });
    const two = await shardRun({ index: 2, count: 2 });
    const set = (run: { dir: string; results: Results }) => ({ source: run.dir, results: run.results });
    assert.throws(() => mergeShards([set(one)], 'm'), usage(/shard missing: 2\/2 \(have 1\/2\)/));
    assert.throws(() => mergeShards([set(one), set(one)], 'm'), usage(/shard 1\/2 given twice/));
    const other = await shardRun({ index: 2, count: 2 }, { seed: 7 });
    assert.throws(() => mergeShards([set(one), set(other)], 'm'), usage(/other options .*: seed/));
    const overlapping = {
      ...set(two),
      results: { ...two.results, cells: [...two.results.cells, one.results.cells[0]!] },
    };
    assert.throws(
      () => mergeShards([set(one), overlapping], 'm'),
      usage(/is in both .* shards must not overlap/),
    );
    const whole = await shardRun(null);
    assert.throws(() => mergeShards([set(whole)], 'm'), usage(/was not made with --shard/));
  });
});

describe('npm run bench -- merge', () => {
  it('writes results.json and results.csv of the merged run', async () => {
    const one = await shardRun({ index: 1, count: 2 });
    const two = await shardRun({ index: 2, count: 2 });
    const out = join(await tempDir(), 'merged');
    let printed = '';
    const code = await mergeCommand([one.dir, two.dir, '--out', out], {
      stdout: (text) => (printed += text),
      stderr: () => {},
    });
    assert.equal(code, 0);
    assert.match(printed, /Merged 2 shards \(15 cells\)/);
    const csv = await readFile(join(out, 'results.csv'), 'utf8');
    assert.equal(csv.trim().split('\n').length, 16);
  });

  it('answers bad input with one line and exit 2', async () => {
    const one = await shardRun({ index: 1, count: 2 });
    let error = '';
    const code = await mergeCommand([one.dir, '--out', join(await tempDir(), 'm')], {
      stdout: () => {},
      stderr: (text) => (error += text),
    });
    assert.equal(code, 2);
    assert.equal(error, 'memobench merge: shard missing: 2/2 (have 1/2)\n');
    const bad = join(await tempDir(), 'results.json');
    await writeResults(bad, { ...one.results, schema_version: 9 as 2 });
    let error2 = '';
    assert.equal(
      await mergeCommand([bad, '--out', join(await tempDir(), 'm')], {
        stdout: () => {},
        stderr: (text) => (error2 += text),
      }),
      2,
    );
    assert.match(error2, /^memobench merge: .*unknown schema_version 9.*\n$/);
    assert.equal(error2.split('\n').length, 2);
  });

  it('answers an --out that cannot be created with one line and exit 2', {
    skip: !existsSync('/proc/self') && 'no /proc on this system',
  }, async () => {
    const shards = [await shardRun({ index: 1, count: 2 }), await shardRun({ index: 2, count: 2 })];
    let error = '';
    const code = await withDeadline(
      mergeCommand([...shards.map((shard) => shard.dir), '--out', '/proc/memobench-test'], {
        stdout: () => {},
        stderr: (text) => (error += text),
      }),
      10_000,
      'merge --out /proc/...',
    );
    assert.equal(code, 2);
    assert.match(error, /^memobench merge: --out \/proc\/memobench-test: cannot create folder: .*\n$/);
    assert.equal(error.split('\n').length, 2);
  });
});
