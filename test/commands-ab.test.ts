import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readResults } from '../lib/results-file.ts';
import { abCommand, splitArgs } from '../scripts/commands/ab.ts';
import { captureCommand, tempDir, withDeadline } from './helpers.ts';

const worktrees = () => execFileSync('git', ['worktree', 'list', '--porcelain'], { encoding: 'utf8' });

const ab = (argv: string[]) => captureCommand(abCommand, argv);

describe('splitArgs()', () => {
  it("separates ab's options from the bench options", () => {
    assert.deepEqual(
      splitArgs([
        '--base',
        'HEAD',
        '--suite',
        'lcs',
        '--rounds=3',
        '--isolate',
        'none',
        '--keep-worktree',
        '--seed',
        '-4',
      ]),
      {
        own: ['--base', 'HEAD', '--rounds=3', '--keep-worktree'],
        bench: ['--suite', 'lcs', '--isolate', 'none', '--seed', '-4'],
      },
    );
  });
});

describe('npm run bench -- ab', () => {
  it('runs base and head alternately from a temporary worktree, compares them and removes the worktree', async () => {
    const before = worktrees();
    const out = join(await tempDir(), 'ab');
    const result = await ab([
      '--base',
      'HEAD',
      '--rounds',
      '2',
      '--out',
      out,
      '--suite',
      'fibonacci',
      '--variant',
      'naive,bottom-up',
      '--profile',
      'ci',
      '--isolate',
      'none',
      '--time-ms',
      '2',
      '--min-samples',
      '5',
    ]);
    // Timing verdicts depend on the machine: only bad input (2) would be a failure of ab itself.
    assert.notEqual(result.code, 2, result.stderr);
    assert.equal(worktrees(), before, 'the worktree is gone');
    assert.ok(
      (await stat(join(process.cwd(), 'node_modules', 'tsx'))).isDirectory(),
      'node_modules untouched',
    );
    assert.match(result.stderr, /reused this checkout’s node_modules \(identical package-lock\.json\)/);
    const rounds = result.stderr.match(/round \d\/2, (base|head)/g);
    assert.deepEqual(rounds, ['round 1/2, base', 'round 1/2, head', 'round 2/2, base', 'round 2/2, head']);
    assert.deepEqual((await readdir(out)).sort(), [
      'ab.json',
      'ab.md',
      'base-1',
      'base-2',
      'base.json',
      'head-1',
      'head-2',
      'head.json',
    ]);
    const base = await readResults(join(out, 'base.json'));
    assert.deepEqual([base.options.min_processes, base.options.max_processes], [2, 2]);
    assert.ok(
      base.cells
        .filter((cell) => cell.status === 'ok')
        .every((cell) => cell.process_medians_ns?.length === 2),
    );
    const comparison = JSON.parse(await readFile(join(out, 'ab.json'), 'utf8'));
    assert.equal(comparison.time.mode, 'same-machine');
    assert.deepEqual(comparison.exact.differences, []);
    assert.match(result.stdout, /^# memobench ab: HEAD against this checkout/);
  });

  it('answers bad input with one line and exit 2, leaving no worktree', async () => {
    const before = worktrees();
    const unknown = await ab(['--base', 'no-such-ref-xyz', '--out', join(await tempDir(), 'x')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^memobench ab: unknown git revision 'no-such-ref-xyz'/);
    assert.equal(unknown.stderr.trimEnd().split('\n').length, 1);
    const repeat = await ab(['--base', 'HEAD', '--repeat', '3']);
    assert.equal(repeat.code, 2);
    assert.match(repeat.stderr, /--rounds sets the processes/);
    assert.equal(
      (await ab(['--base', 'HEAD', '--suite', 'nope', '--out', join(await tempDir(), 'y')])).code,
      2,
    );
    assert.equal(worktrees(), before);
  });

  it('answers an --out that cannot be created with one line and exit 2, before any worktree', {
    skip: !existsSync('/proc/self') && 'no /proc on this system',
  }, async () => {
    const before = worktrees();
    const result = await withDeadline(
      ab(['--base', 'HEAD', '--out', '/proc/memobench-test']),
      10_000,
      'ab --out /proc/...',
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^memobench ab: --out \/proc\/memobench-test: cannot create folder: /);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    assert.equal(worktrees(), before);
  });
});
