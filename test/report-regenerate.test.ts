import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readResults, writeResults } from '../lib/results-file.ts';
import { adviceVerdict } from '../reports/advice.ts';
import { cellsToCsv } from '../reports/csv.ts';
import { markdownWriter } from '../reports/section.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { adviceFixture } from './advice-fixture.ts';
import { tempDir } from './helpers.ts';
import { reportFixture } from './report-fixture.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm run report -- ...args` the way npm does: node --import tsx scripts/report.ts. */
function report(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under a folder, relative, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('npm run report -- <run-dir>', () => {
  const results = reportFixture();
  let dir = '';

  before(async () => {
    dir = await tempDir('memobench-report-');
    await writeResults(join(dir, 'results.json'), results);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds every report from results.json alone', async () => {
    const run = report(dir);
    assert.equal(run.code, 0, run.stderr);
    const charts = [...chartSpecs(results).keys()].flatMap((name) =>
      ['png', 'svg', 'vl.json'].map((ext) => `charts/${name}.${ext}`),
    );
    assert.deepEqual(
      await files(dir),
      [...charts, 'report.html', 'results.csv', 'results.json', 'summary.md'].sort(),
    );
    const stored = await readResults(join(dir, 'results.json'));
    assert.equal(await readFile(join(dir, 'results.csv'), 'utf8'), cellsToCsv(stored.cells));
    const png = await readFile(join(dir, 'charts', 'alpha.time.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const spec = JSON.parse(await readFile(join(dir, 'charts', 'alpha.speedup.vl.json'), 'utf8'));
    assert.deepEqual(spec, JSON.parse(JSON.stringify(chartSpecs(results).get('alpha.speedup'))));
    assert.match(await readFile(join(dir, 'summary.md'), 'utf8'), /faster than naive from/);
    assert.match(await readFile(join(dir, 'report.html'), 'utf8'), /<h2>beta: Beta: a plain suite<\/h2>/);
    assert.match(run.stdout, /Wrote .*report\.html, summary\.md/);
  });

  it('gives the same reports when run again (they depend on results.json only)', async () => {
    const names = ['summary.md', 'report.html', 'charts/overview.time.vl.json', 'charts/beta.time.svg'];
    const first = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    assert.equal(report(join(dir, 'results.json')).code, 0, 'a results.json path works too');
    const second = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    assert.deepEqual(second, first);
  });

  it('prints help and exits 0', () => {
    const run = report('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: npm run report -- <run-dir>/);
  });

  it('exits 2 with one line naming the problem for bad input', async () => {
    const empty = await tempDir('memobench-report-empty-');
    const broken = await tempDir('memobench-report-broken-');
    await writeFile(join(broken, 'results.json'), '{"schema_version": 1, "tool": "memobench"}');
    try {
      const cases: [string[], RegExp][] = [
        [[], /missing <run-dir>/],
        [[join(empty, 'nope')], /no such folder or file/],
        [[empty], /no results\.json in this folder/],
        [[broken], /not a memobench results file: environment/],
        [['--bogus'], /unknown option '--bogus'/],
        [[dir, dir], /one run folder at a time/],
      ];
      for (const [args, message] of cases) {
        const run = report(...args);
        assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
      await rm(broken, { recursive: true, force: true });
    }
  });
});

describe('npm run report -- <advise run>', () => {
  it('rebuilds the advise verdict and the capacity chart from results.json alone', async () => {
    const results = adviceFixture();
    const dir = await tempDir('memobench-report-advice-');
    try {
      await writeResults(join(dir, 'results.json'), results);
      const run = report(dir);
      assert.equal(run.code, 0, run.stderr);
      const summary = await readFile(join(dir, 'summary.md'), 'utf8');
      for (const sentence of adviceVerdict(results)?.sentences ?? []) {
        assert.ok(summary.includes(markdownWriter.paragraph(sentence)), sentence);
      }
      const html = await readFile(join(dir, 'report.html'), 'utf8');
      assert.match(
        html,
        /<section id="verdict">\n<h2>Verdict<\/h2>\n<p><strong>grid:<\/strong> Every answer/,
      );
      assert.ok((await files(dir)).includes('charts/grid.capacity.png'));
      assert.deepEqual((await readResults(join(dir, 'results.json'))).advice, results.advice);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
