import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TIER2_DEFAULTS } from '../checks/sequential.ts';
import { abCommand } from '../scripts/commands/ab.ts';
import { roundOptions, settingsOf, wantsMeasure, withoutSelection } from '../scripts/commands/ab-time.ts';
import { tempDir } from './helpers.ts';

const worktrees = () => execFileSync('git', ['worktree', 'list', '--porcelain'], { encoding: 'utf8' });

async function ab(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await abCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('wantsMeasure()', () => {
  it('sends ab to tier 2 when --measure is given, in either spelling', () => {
    assert.equal(wantsMeasure(['--base', 'HEAD', '--measure', 'time']), true);
    assert.equal(wantsMeasure(['--measure=time']), true);
    assert.equal(wantsMeasure(['--base', 'HEAD', '--rounds', '3']), false);
    assert.equal(wantsMeasure(['--measured']), false);
  });
});

describe('withoutSelection() and roundOptions()', () => {
  const bench = ['--suite', 'lcs,fibonacci', '--profile', 'ci', '--variant=map', '--time-ms', '5'];

  it('drops --suite and --variant in both spellings and keeps the rest in order', () => {
    assert.deepEqual(withoutSelection(bench), ['--profile', 'ci', '--time-ms', '5']);
  });

  it('runs the user’s selection in round 1 and the open ladders’ suites and variants afterwards', () => {
    assert.deepEqual(roundOptions(bench, null), bench);
    assert.deepEqual(
      roundOptions(bench, [
        { suite: 'lcs', variant: 'map', runner: 'tinybench' },
        { suite: 'fibonacci', variant: 'map', runner: 'tinybench' },
        { suite: 'fibonacci', variant: 'closure', runner: 'tinybench' },
      ]),
      ['--profile', 'ci', '--time-ms', '5', '--suite', 'lcs,fibonacci', '--variant', 'map,closure'],
    );
  });
});

describe('settingsOf()', () => {
  it('takes tier 2’s defaults, and any option given', () => {
    assert.deepEqual(settingsOf({ spending: 'obrien-fleming' }), TIER2_DEFAULTS);
    assert.deepEqual(
      settingsOf({ spending: 'pocock', alpha: 0.1, thresholdPct: 3, blockPct: 40, maxRounds: 8 }),
      { alpha: 0.1, threshold_pct: 3, block_pct: 40, max_rounds: 8, spending: 'pocock' },
    );
  });

  it('refuses a blocking threshold at or below the noise threshold', () => {
    assert.throws(
      () => settingsOf({ spending: 'pocock', thresholdPct: 10, blockPct: 10 }),
      /--block-pct \(10\) must be above --threshold-pct \(10\)/,
    );
  });
});

describe('npm run bench -- ab --measure time', () => {
  it('prints its help and exits 0', async () => {
    const result = await ab(['--measure', 'time', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /npm run bench -- ab --measure time/);
    assert.match(result.stdout, /--max-rounds <count>/);
    assert.match(result.stdout, /--pin <cpu>/);
  });

  it('answers bad input with one line and exit 2, before any worktree', async () => {
    const before = worktrees();
    const out = join(await tempDir(), 'x');
    const cases: [string[], RegExp][] = [
      [['--measure', 'time'], /required option '--base <git-ref>'/],
      [['--base', 'HEAD', '--measure', 'bogus'], /--measure.*bogus.*Allowed choices are/],
      [
        ['--base', 'HEAD', '--measure', 'time', '--max-rounds', '7'],
        /--max-rounds must be an even whole number of at least 6/,
      ],
      [['--base', 'HEAD', '--measure', 'time', '--max-rounds', '4'], /--max-rounds must be/],
      [['--base', 'HEAD', '--measure', 'time', '--alpha', '1'], /--alpha must be a level between 0 and 1/],
      [
        ['--base', 'HEAD', '--measure', 'time', '--threshold-pct', '0'],
        /--threshold-pct must be a positive number/,
      ],
      [
        ['--base', 'HEAD', '--measure', 'time', '--threshold-pct', '30'],
        /--block-pct \(25\) must be above --threshold-pct \(30\)/,
      ],
      [
        ['--base', 'HEAD', '--measure', 'time', '--spending', 'linear'],
        /--spending.*Allowed choices are obrien-fleming, pocock/,
      ],
      [
        ['--base', 'HEAD', '--measure', 'time', '--pin', 'first'],
        /--pin must be auto, off or a CPU number \(got 'first'\)/,
      ],
      [['--base', 'HEAD', '--measure', 'time', '--repeat', '3'], /--repeat is not allowed here/],
      [
        ['--base', 'HEAD', '--measure', 'time', '--processes=3', '--list'],
        /--list, --processes are not allowed here/,
      ],
      [['--base', 'HEAD', '--measure', 'time', '--isolate', 'none'], /--isolate none is not allowed here/],
      [['--base', 'HEAD', '--measure', 'time', '--profile', 'huge'], /--profile/],
      [
        ['--base', 'no-such-ref-xyz', '--measure', 'time', '--out', out],
        /^memobench ab: unknown git revision 'no-such-ref-xyz'/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await ab(argv);
      assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, argv.join(' '));
      assert.match(result.stderr, /^memobench ab: /);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    }
    assert.equal(worktrees(), before);
  });
});
