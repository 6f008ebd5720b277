import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { timeNs } from '../lib/cells.ts';
import { toActionBenchmark, toBencher } from '../checks/exports.ts';
import { compareCommand } from '../scripts/commands/compare.ts';
import { exportCommand } from '../scripts/commands/export.ts';
import { runFixture } from './checks-fixture-runs.ts';
import { captureCommand, expectOk, tempDir } from './helpers.ts';

describe('npm run bench -- compare', () => {
  it('writes the comparison as JSON and Markdown on request', async () => {
    const a = await runFixture(11);
    const b = await runFixture(12);
    const dir = await tempDir();
    const result = await captureCommand(compareCommand, [
      a.dir,
      join(b.dir, 'results.json'),
      '--json',
      join(dir, 'c.json'),
      '--markdown',
      join(dir, 'c.md'),
    ]);
    assert.equal(result.code, 0, result.stdout);
    const json = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8'));
    assert.equal(json.failed, false);
    assert.equal(json.time.cells.length, 15);
    assert.equal(await readFile(join(dir, 'c.md'), 'utf8'), result.stdout);
    assert.match(result.stdout, /\*\*Verdict: OK\*\*/);
  });

  it('applies --threshold-pct, --alpha and --correction', async () => {
    const a = await runFixture(13);
    const b = await runFixture(14, { MEMOBENCH_FIXTURE_SLOW: 'naive' });
    assert.equal((await captureCommand(compareCommand, [a.dir, b.dir])).code, 1);
    assert.equal(
      (await captureCommand(compareCommand, [a.dir, b.dir, '--threshold-pct', '60'])).code,
      0,
      'a 50% change is within a 60% threshold',
    );
    const bh = await captureCommand(compareCommand, [a.dir, b.dir, '--correction', 'bh', '--alpha', '0.01']);
    assert.equal(bh.code, 1);
    assert.match(bh.stdout, /Benjamini-Hochberg-corrected/);
    assert.equal(
      (await captureCommand(compareCommand, [a.dir, b.dir, '--time', 'none'])).code,
      0,
      'no time verdict, same exact fields',
    );
  });

  it('answers bad input with one line naming the problem and exit 2', async () => {
    const a = await runFixture(15);
    const cases: [string[], RegExp][] = [
      [[a.dir], /missing required argument 'runB'/],
      [[a.dir, '/nonexistent/run'], /\/nonexistent\/run: no such folder or file/],
      [[a.dir, a.dir, '--alpha', '2'], /--alpha must be a number between 0 and 1 \(got '2'\)/],
      [[a.dir, a.dir, '--correction', 'fdr'], /argument 'fdr' is invalid\. Allowed choices are holm, bh/],
      [[a.dir, a.dir, '--bogus'], /unknown option '--bogus' \(valid: .*--threshold-pct, --alpha/],
      [
        [a.dir, a.dir, 'extra'],
        /unexpected argument\(s\) \["extra"\] \(expected <runA> <runB>; see --help\)\n/,
      ],
      [[a.dir, a.dir, '--threshold-pct', '0'], /--threshold-pct must be a positive number \(got '0'\)\n/],
      [[a.dir, a.dir, '--json', ''], /--json needs a path \(got ''\)\n/],
    ];
    for (const [argv, pattern] of cases) {
      const result = await captureCommand(compareCommand, argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    }
    const notJson = join(await tempDir(), 'results.json');
    await writeFile(notJson, '{');
    assert.match((await captureCommand(compareCommand, [a.dir, notJson])).stderr, /not JSON/);
    const other = await runFixture(16, {}, { seed: 2 });
    assert.match(
      (await captureCommand(compareCommand, [a.dir, other.dir])).stderr,
      /differ in seed \(1 vs 2\)/,
    );
  });

  it('shows its help with exit 0', async () => {
    const result = await captureCommand(compareCommand, ['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--threshold-pct <pct>/);
  });
});

describe('exports', () => {
  it('github-action-benchmark: customSmallerIsBetter entries with name, unit, value, range, extra', async () => {
    const { results } = await runFixture(17);
    const entries = toActionBenchmark(results);
    assert.equal(entries.length, 15);
    const first = entries[0]!;
    assert.match(first.name, /^triangle\/[a-z-]+\/n=\d+$/);
    assert.equal(first.unit, 'ns/call');
    assert.equal(typeof first.value, 'number');
    assert.match(first.range ?? '', /^± [\d.e+-]+$/);
    assert.match(first.extra ?? '', /samples, batch \d+, 5 processes, \d+ calls, Node v/);
  });

  it('Bencher Metric Format: latency in ns with the CI as bounds, and the exact call count', async () => {
    const { results } = await runFixture(18);
    const report = toBencher(results);
    const cell = expectOk(results.cells.find((c) => c.variant === 'map' && c.n === 8));
    assert.deepEqual(report['triangle/map/n=8'], {
      latency: { value: timeNs(cell), lower_value: cell.ci_low_ns, upper_value: cell.ci_high_ns },
      calls: { value: cell.calls },
    });
  });

  it('npm run bench -- export writes the file, or prints it', async () => {
    const { dir } = await runFixture(19);
    const out = join(await tempDir(), 'bmf.json');
    assert.equal((await captureCommand(exportCommand, [dir, '--format', 'bencher', '--out', out])).code, 0);
    assert.equal(Object.keys(JSON.parse(await readFile(out, 'utf8'))).length, 15);
    const printed = await captureCommand(exportCommand, [dir, '--format', 'github-action-benchmark']);
    assert.equal(JSON.parse(printed.stdout).length, 15);
    const bad = await captureCommand(exportCommand, [dir, '--format', 'csv']);
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr,
      "memobench export: option '--format <name>' argument 'csv' is invalid. Allowed choices are github-action-benchmark, bencher.\n",
    );
    // An empty --out used to write a stray temporary file into the current folder before failing.
    const empty = await captureCommand(exportCommand, [dir, '--format', 'bencher', '--out', '']);
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, "memobench export: --out needs a path (got '')\n");
  });
});
