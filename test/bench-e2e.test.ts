import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { isOk } from '../lib/cells.ts';
import { readResults } from '../lib/results-file.ts';
import { expectOk, tempDir } from './helpers.ts';

describe('npm run bench, end to end', () => {
  it('runs a small selection and writes results.json, results.csv, charts and summary.md', async () => {
    const out = join(await tempDir(), 'run');
    const run = spawnSync(
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
        'quick',
        '--time-ms',
        '2',
        // Above bottom-up's F(1,000,000) (~4 ms) on a busy machine, below naive's F(100).
        '--budget-ms',
        '100',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /fibonacci: Fibonacci numbers modulo/);
    assert.match(
      run.stderr,
      /\[round 1\/2, 1\/2\] fibonacci \/ (naive|bottom-up) \/ n = 5/,
      'progress: round, ladder x of y',
    );

    const results = await readResults(join(out, 'results.json'));
    assert.equal(results.complete, true);
    assert.equal(results.cells.length, 22);
    assert.ok(
      results.cells.every((cell) => ['ok', 'skipped', 'stack-overflow', 'over-budget'].includes(cell.status)),
    );
    assert.ok(
      results.cells.filter(isOk).every((cell) => (cell.processes ?? 1) >= 2),
      'quick: 2 processes at least',
    );
    assert.equal(results.environment.node, process.version);
    assert.ok(results.environment.cpu_cores > 0);
    const naive = results.cells.filter((cell) => cell.variant === 'naive');
    assert.ok(naive.some((cell) => cell.status === 'skipped' && cell.skip_reason === 'budget'));
    const big = expectOk(results.cells.find((cell) => cell.variant === 'bottom-up' && cell.n === 1_000_000));
    assert.ok(big.median_ns > 0 && big.ci_low_ns <= big.median_ns);

    const rows: string[][] = parse(await readFile(join(out, 'results.csv'), 'utf8'));
    assert.equal(rows.length, 23);
    const charts = await readdir(join(out, 'charts'));
    for (const file of [
      'fibonacci.time.svg',
      'fibonacci.time.vl.json',
      'overview.time.svg',
      'overview.time.vl.json',
    ]) {
      assert.ok(charts.includes(file), `charts/${file}`);
    }
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    assert.match(summary, /\| bottom-up \| 1000000 \| end of ladder \|/);

    // The capacity step after the ladders: Fibonacci's closure needs 3 entries, exactly.
    assert.match(run.stderr, /memobench: LRU capacity curves: 1 suite \([01] from the cache\) in [\d.]+ s/);
    const [curve] = results.capacity ?? [];
    assert.equal(curve?.suite, 'fibonacci');
    assert.deepEqual(
      curve.sizes.filter((size) => size.n >= 10).map((size) => size.smallest_sufficient),
      curve.sizes.filter((size) => size.n >= 10).map(() => 3),
    );
    assert.ok(charts.includes('fibonacci.capacity.svg'));
    // The verdict opens the summary, before the evidence.
    assert.ok(summary.indexOf('## Verdict') < summary.indexOf('### fibonacci'));
    // Quick runs each cell in as few as 2 processes, whose prediction intervals may overlap even
    // against naive's 26 ms at n = 30: the crossover is then not claimed.
    assert.match(
      summary,
      /\| fibonacci \| (n = \d+ \(bottom-up\)|not within the sizes run \(compared up to n = \d+\)) \| bottom-up at n = 1,000,000 \|/,
    );
  });
});
