import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isOk } from '../lib/cells.ts';
import { readResults, writeResults } from '../lib/results-file.ts';
import { checkCommand } from '../scripts/check.ts';
import { runFixture } from './checks-fixture-runs.ts';
import { captureCommand, tempDir } from './helpers.ts';

/** npm run bench:check with --run (an existing run) and --baseline (a temporary one): no benchmark is run. */
const check = (argv: string[]) => captureCommand(checkCommand, argv);

describe('npm run bench:check', () => {
  it('creates the baseline only with --update-baseline, atomically, without raw samples, and says what changed', async () => {
    const dir = await tempDir();
    const baseline = join(dir, 'ci.json');
    const first = await runFixture(21);
    const created = await check(['--run', first.dir, '--baseline', baseline, '--update-baseline']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /New baseline: 15 cells of 1 suites/);
    const saved = await readResults(baseline);
    assert.equal(saved.cells.length, 15);
    assert.ok(
      saved.cells.every(
        (cell) => isOk(cell) && cell.samples_ns === undefined && cell.process_medians_ns?.length === 5,
      ),
    );
    assert.deepEqual(await readdir(dir), ['ci.json'], 'no temporary file left behind');

    const changed = await runFixture(22, { MEMOBENCH_FIXTURE_EXTRA_CALLS: 'map' });
    const before = await readFile(baseline, 'utf8');
    assert.equal((await check(['--run', changed.dir, '--baseline', baseline])).code, 1);
    assert.equal(await readFile(baseline, 'utf8'), before, 'a check never changes the baseline');
    const updated = await check(['--run', changed.dir, '--baseline', baseline, '--update-baseline']);
    assert.equal(updated.code, 0);
    assert.match(
      updated.stdout,
      /Exact fields: 6 differences, now accepted:\n {2}triangle \/ map \/ n = 8: calls 9 -> 17\n {2}triangle \/ map \/ n = 8: cache_hits 0 -> 7/,
    );
  });

  it('passes an unchanged run, writing check.md, check.json and the exports into the run folder', async () => {
    const baseline = join(await tempDir(), 'ci.json');
    const first = await runFixture(23);
    await check(['--run', first.dir, '--baseline', baseline, '--update-baseline']);
    const second = await runFixture(24);
    const result = await check(['--run', second.dir, '--baseline', baseline]);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^# memobench check against the baseline/);
    assert.match(result.stdout, /Mode: \*\*same-machine\*\*/);
    const files = await readdir(second.dir);
    for (const file of ['check.md', 'check.json', 'github-action-benchmark.json', 'bencher.json'])
      assert.ok(files.includes(file), file);
    assert.equal(await readFile(join(second.dir, 'check.md'), 'utf8'), result.stdout);
  });

  it('fails on a regression or a changed answer (exit 1)', async () => {
    const baseline = join(await tempDir(), 'ci.json');
    await check(['--run', (await runFixture(25)).dir, '--baseline', baseline, '--update-baseline']);
    const slower = await check([
      '--run',
      (await runFixture(26, { MEMOBENCH_FIXTURE_SLOW: 'closure' })).dir,
      '--baseline',
      baseline,
    ]);
    assert.equal(slower.code, 1);
    assert.match(slower.stdout, /### Slower \(regressions\)\n\n.*\n.*\n\| triangle \/ closure \|/);
    const wrong = await runFixture(27, { MEMOBENCH_FIXTURE_WRONG: 'dict' });
    assert.equal((await check(['--run', wrong.dir, '--baseline', baseline])).code, 1);
    const refused = await check(['--run', wrong.dir, '--baseline', baseline, '--update-baseline']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not updating the baseline: 1 cell failed/);
  });

  it('answers a missing or invalid baseline with one line and exit 2', async () => {
    const run = await runFixture(28);
    const missing = await check(['--run', run.dir, '--baseline', '/nonexistent/ci.json']);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /^memobench check: baseline cannot read \/nonexistent\/ci\.json: .*\(make one with: npm run bench:check -- --update-baseline\)\n$/,
    );
    const broken = join(await tempDir(), 'ci.json');
    await writeFile(broken, '[1, 2]');
    assert.match(
      (await check(['--run', run.dir, '--baseline', broken])).stderr,
      /not a memobench results file/,
    );
    const quick = join(await tempDir(), 'quick.json');
    await writeResults(quick, { ...run.results, options: { ...run.results.options, profile: 'quick' } });
    const wrongProfile = await check(['--run', run.dir, '--baseline', quick]);
    assert.equal(wrongProfile.code, 2);
    assert.match(wrongProfile.stderr, /was made with --profile quick; the check compares ci runs/);
    assert.equal((await check(['--run', run.dir, '--baseline', quick, '--processes', '0'])).code, 2);
  });
});
