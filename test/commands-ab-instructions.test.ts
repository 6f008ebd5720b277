import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { abCommand, withoutMeasure } from '../scripts/commands/ab.ts';
import { checkCommand } from '../scripts/check.ts';

const worktrees = () => execFileSync('git', ['worktree', 'list', '--porcelain'], { encoding: 'utf8' });

async function run(
  command: typeof abCommand,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('withoutMeasure()', () => {
  it('takes out the --measure asked for, in either spelling, and nothing else', () => {
    assert.deepEqual(withoutMeasure(['--base', 'x', '--measure', 'instructions'], 'instructions'), [
      '--base',
      'x',
    ]);
    assert.deepEqual(withoutMeasure(['--measure=instructions', '--suite', 'lcs'], 'instructions'), [
      '--suite',
      'lcs',
    ]);
    assert.equal(withoutMeasure(['--measure', 'time'], 'instructions'), null);
    assert.equal(withoutMeasure(['--base', 'instructions'], 'instructions'), null);
  });
});

describe('npm run bench -- ab --measure instructions: bad input', () => {
  const bad: [string, string[], RegExp][] = [
    [
      'an unknown measure',
      ['--base', 'HEAD', '--measure', 'cycles'],
      /--measure.*'cycles' is invalid.*time, instructions/,
    ],
    ['a missing --base', ['--measure', 'instructions'], /--base/],
    [
      'a threshold that is not a positive number',
      ['--base', 'HEAD', '--measure', 'instructions', '--threshold-pct', '0'],
      /--threshold-pct must be a positive number \(got '0'\)/,
    ],
    [
      'an unknown profile',
      ['--base', 'HEAD', '--measure', 'instructions', '--profile', 'huge'],
      /'huge' is invalid/,
    ],
    [
      'a time option',
      ['--base', 'HEAD', '--measure', 'instructions', '--rounds', '3'],
      /unknown option '--rounds'/,
    ],
    [
      'an unknown revision',
      ['--base', 'no-such-ref-xyz', '--measure', 'instructions'],
      /unknown git revision 'no-such-ref-xyz'/,
    ],
    [
      'an unknown suite',
      ['--base', 'HEAD', '--measure', 'instructions', '--suite', 'nope'],
      /unknown suite 'nope'/,
    ],
  ];
  for (const [what, argv, message] of bad) {
    it(`answers ${what} with one line and exit 2, leaving no worktree`, async () => {
      const before = worktrees();
      const result = await run(abCommand, argv);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(worktrees(), before);
    });
  }

  it('shows its own help', async () => {
    const result = await run(abCommand, ['--measure', 'instructions', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--threshold-pct/);
    assert.match(result.stdout, /A\/A\s+self-check/);
  });
});

describe('npm run bench:check -- --base', () => {
  it('refuses --base with --update-baseline', async () => {
    const result = await run(checkCommand, ['--base', 'HEAD', '--update-baseline']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--base and --update-baseline exclude each other/);
  });
});
