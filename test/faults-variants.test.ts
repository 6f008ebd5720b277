import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readResults } from '../lib/results-file.ts';
import { tempDir } from './helpers.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench.ts', ...args], {
    encoding: 'utf8',
    // A small old space for the run and its children (they inherit it): the variant that exhausts
    // memory dies in a second or two instead of after 20-40 s of filling several GB.
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=256` },
  });

describe('faulty variants are recorded, never fatal', () => {
  const faulty = ['--suites-dir', fixture('suites-faulty'), '--profile', 'quick', '--time-ms', '5'];

  it('an out-of-memory death, a throw and a wrong answer each get their status; the run completes and exits 1', async () => {
    const out = join(await tempDir(), 'run');
    // Dying of exhausted memory takes several seconds (gigabytes of page faults), so the default
    // time-out stays, and the budget is one no call reaches (its deadline would stop the call first).
    const run = bench(
      ...faulty,
      '--variant',
      'dict,map,closure,bottom-up',
      '--budget-ms',
      '60000',
      '--out',
      out,
    );
    assert.equal(run.status, 1, run.stderr);
    const results = await readResults(join(out, 'results.json'));
    assert.equal(results.complete, true);
    const status = (variant: string) =>
      results.cells.filter((cell) => cell.variant === variant).map((cell) => cell.status);
    assert.deepEqual(status('dict'), ['ok', 'crashed', 'skipped', 'skipped']);
    assert.deepEqual(status('map'), ['ok', 'ok', 'error', 'skipped']);
    assert.deepEqual(status('closure'), ['ok', 'wrong-answer', 'skipped', 'skipped']);
    assert.deepEqual(status('bottom-up'), ['ok', 'ok', 'ok', 'ok']);
    for (const kind of ['crashed', 'error', 'wrong-answer']) {
      assert.match(run.stderr, new RegExp(`memobench: ${kind}: faulty / [\\w-]+ / n = \\d`), kind);
    }
    assert.match(
      run.stderr,
      /memobench: crashed: faulty \/ dict \/ n = 2: child process died \([^)]+\): FATAL ERROR: .*JavaScript heap out of memory\n/,
    );
  });

  it('a verified call that never returns is stopped at the budget, and a run with it completes', async () => {
    const out = join(await tempDir(), 'run');
    const run = bench(...faulty, '--variant', 'naive', '--out', out);
    assert.equal(run.status, 0, run.stderr);
    const results = await readResults(join(out, 'results.json'));
    assert.deepEqual(
      results.cells.map((cell) => cell.status),
      ['ok', 'ok', 'over-budget', 'skipped'],
    );
    assert.match(results.cells[2]?.message ?? '', /ran longer than the 20 ms budget and was stopped/);
  });

  it('with a budget no call reaches, a variant that never returns is stopped by the cell time-out', async () => {
    const out = join(await tempDir(), 'run');
    const run = bench(
      ...faulty,
      '--variant',
      'naive',
      '--budget-ms',
      '60000',
      '--cell-timeout-ms',
      '3000',
      '--out',
      out,
    );
    assert.equal(run.status, 1, run.stderr);
    const results = await readResults(join(out, 'results.json'));
    assert.deepEqual(
      results.cells.map((cell) => cell.status),
      ['ok', 'ok', 'timeout', 'skipped'],
    );
    assert.match(run.stderr, /memobench: timeout: faulty \/ naive \/ n = 3: no result after 3000 ms/);
  });
});

describe('text from suites stays inert in every output', () => {
  it('escapes a hostile suite in CSV, Markdown and HTML', async () => {
    const out = join(await tempDir(), 'run');
    const run = bench(
      '--suites-dir',
      fixture('suites-hostile'),
      '--profile',
      'quick',
      '--isolate',
      'none',
      '--time-ms',
      '2',
      '--out',
      out,
    );
    assert.equal(run.status, 0, run.stderr);
    const rows: string[][] = parse(await readFile(join(out, 'results.csv'), 'utf8'));
    const results = rows[0]?.indexOf('result') ?? -1;
    assert.ok(
      rows.slice(1).every((row) => row[results]?.startsWith("'=")),
      'formulas are quoted',
    );
    const markdown = await readFile(join(out, 'summary.md'), 'utf8');
    assert.ok(!markdown.includes('<script>') && !markdown.includes('<img'), 'no raw HTML in summary.md');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    assert.ok(!html.includes('<script>alert(1)</script>'), 'title escaped');
    assert.ok(!html.includes('<img src=x onerror'), 'description escaped');
    assert.ok(!html.includes('</script><script>alert(4)'), 'recurrence escaped, also inside embedded JSON');
  });
});
