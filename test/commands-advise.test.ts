import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readResults } from '../lib/results-file.ts';
import type { Results } from '../lib/types.ts';
import { tempDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const problem = (name: string) => `test/fixtures/problems/${name}`;

/** `npm run bench -- advise ...args`, as npm runs it. */
function advise(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench.ts', 'advise', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function report(dir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, stderr: run.stderr };
}

describe('npm run bench -- advise <file>', () => {
  let dir = '';
  before(async () => {
    dir = await tempDir('memobench-advise-');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('measures a problem file, prints the verdict and writes it at the top of summary.md; report rebuilds it', async () => {
    const out = join(dir, 'tiny');
    const run = advise(problem('tiny.ts'), '--profile', 'quick', '--out', out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^memobench advise: tiny \(test\/fixtures\/problems\/tiny\.ts\): \d+ variants, each in \d+( to \d+)? child process(es)?.*, profile quick/,
    );
    assert.match(
      run.stdout,
      /Verdict on tiny \(test\/fixtures\/problems\/tiny\.ts\):\n- No independent reference was given/,
    );
    assert.match(run.stdout, /\n- Use `[\w-]+`: at n = 16, the largest size the common caches all reached/);
    assert.match(run.stdout, /\n- Memory was not measured: the quick profile has no memory pass/);

    const results: Results = await readResults(join(out, 'results.json'));
    assert.equal(results.complete, true);
    assert.ok(results.suites[0]?.variants.includes('memoize-tuned'), 'the npm memoizers are measured too');
    assert.ok(results.cells.some((cell) => cell.variant === 'memoize-tuned' && cell.status === 'ok'));
    assert.equal(results.advice?.suite, 'tiny');
    assert.equal(results.advice?.reference, 'recurrence');
    const reach = results.advice!.stack_reach;
    assert.ok(
      reach.reached_n !== null && reach.reached_n > 16 && reach.overflow_n !== null,
      JSON.stringify(reach),
    );
    assert.equal(reach.reached_depth, reach.reached_n, 'Fibonacci recurses n deep');
    // Exact: naive's 2F(n + 1) - 1 calls are within 2x of 2n - 1 up to n = 4; from 8 on, 3 entries.
    assert.deepEqual(
      results.capacity?.[0]?.sizes.map((size) => [size.n, size.smallest_sufficient]),
      [
        [2, 0],
        [4, 0],
        [8, 3],
        [16, 3],
      ],
    );

    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    const verdict = summary.indexOf('## Verdict');
    assert.ok(verdict > 0 && verdict < summary.indexOf('### tiny'));
    assert.match(summary, /\*\*tiny:\*\* No independent reference was given/);
    assert.match(summary, /\| tiny \| n = \d+ \([\w-]+\) \| [\w-]+ at n = 16 \|/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    assert.match(
      html,
      /<section id="verdict">\n<h2>Verdict<\/h2>\n<p><strong>tiny:<\/strong> No independent reference/,
    );

    assert.equal(report(out).code, 0);
    assert.equal(
      await readFile(join(out, 'summary.md'), 'utf8'),
      summary,
      'npm run report rebuilds the same verdict',
    );
  });

  it('gives a faulty recurrence the usual statuses and exits 1', async () => {
    const out = join(dir, 'faulty');
    const run = advise(problem('faulty.ts'), '--profile', 'quick', '--out', out);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /memobench advise: error: closure \/ n = 8: input generator failed at n = 8: problem 'faulty': field 'recurrence' threw at self\(7\): seven is not allowed\n/,
    );
    assert.match(
      run.stdout,
      /- `naive`, .* each ended with error at n = 8: input generator failed at n = 8: problem 'faulty'/,
    );
    assert.match(
      run.stdout,
      /\n- The stack search: closure threw at n = 8: seven is not allowed; the search stopped there\.\n/,
    );
    const results = await readResults(join(out, 'results.json'));
    assert.ok(results.cells.filter((cell) => cell.n === 8).every((cell) => cell.status === 'error'));
    assert.equal(results.capacity?.[0]?.stopped_by, 'error');
    assert.match(
      results.advice?.stack_reach.note ?? '',
      /^closure threw at n = 8: seven is not allowed; the search stopped there$/,
    );
  });

  it('answers bad input with one line naming the problem, and exit 2, before measuring', () => {
    const cases: [string[], RegExp][] = [
      [[], /^memobench advise: missing required argument 'file'/],
      [['no/such.ts'], /^memobench advise: no\/such\.ts: no such file/],
      [[problem('no-default.ts')], /no-default\.ts: not a problem file: no default export/],
      [
        ['suites/fibonacci.ts'],
        /suites\/fibonacci\.ts: not a problem file: it exports a suite \(defineSuite\)/,
      ],
      [[problem('malformed.ts')], /malformed\.ts: problem 'malformed': field 'start' must be a function$/],
      [
        [problem('wrong-arity.ts')],
        /wrong-arity\.ts: problem 'wrong-arity': field 'start' returns 2 argument\(s\) but field 'recurrence' declares 1 after \(input, self\)/,
      ],
      [
        [problem('tiny.ts'), '--profile', 'full'],
        /option '--profile <name>' argument 'full' is invalid\. Allowed choices are quick, default\./,
      ],
      [[problem('tiny.ts'), '--budget-ms', '0'], /--budget-ms must be a positive number \(got '0'\)/],
      [[problem('tiny.ts'), '--repeat', '3'], /unknown option '--repeat'/],
    ];
    for (const [args, message] of cases) {
      const run = advise(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr.trim(), message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(run.stdout, '');
    }
    const help = advise('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: npm run bench -- advise \[options\] <file>/);
  });
});
