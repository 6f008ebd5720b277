import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../lib/errors.ts';
import { readResults } from '../lib/results-file.ts';
import type { Cell } from '../lib/types.ts';
import { LOCK_FILE, lockRunDir } from '../scripts/run-dir.ts';
import { field, tempDir } from './helpers.ts';

const SUITES = fileURLToPath(new URL('./fixtures/suites-slow/', import.meta.url));
// A budget no call reaches: under load a 15 ms call took over the quick profile's 50 ms, and that
// ladder stopped early in one run and not in the other.
const FAST = ['--profile', 'quick', '--time-ms', '5', '--min-samples', '3', '--budget-ms', '60000'];
const benchArgs = (...args: string[]) => [
  '--expose-gc',
  '--import',
  'tsx',
  'scripts/bench.ts',
  '--suites-dir',
  SUITES,
  ...args,
];

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Resolves once the run's progress (its stderr) shows `pattern`: a point inside the run, whatever the machine's speed. */
function progressed(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in the progress after 60 s`)), 60_000);
    child.stderr?.on('data', (chunk) => {
      seen += chunk;
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** The fields that must be equal on every machine and every run. */
const exact = (cell: Cell) =>
  [
    cell.suite,
    cell.variant,
    cell.n,
    cell.status,
    field(cell, 'result'),
    field(cell, 'calls'),
    field(cell, 'cache_hits'),
    field(cell, 'cache_misses'),
    field(cell, 'cache_entries'),
    field(cell, 'max_depth'),
  ].join('|');

describe('interruption and resume', () => {
  it('Ctrl-C keeps the finished cells in valid files, exits 130, and --resume finishes like an uninterrupted run', async () => {
    const root = await tempDir();
    const interrupted = join(root, 'interrupted');
    const child = spawn(process.execPath, benchArgs(...FAST, '--out', interrupted), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const code = exited(child);
    // The third ladder of round 1 has started: two ladders' first processes are done.
    await progressed(child, /\[round 1\/\d, 3\/5\]/);
    child.kill('SIGINT');
    assert.equal(await code, 130, stderr);
    assert.match(stderr, /SIGINT: stopping; finished cells are kept in .* \(finish with --resume /);

    const partial = await readResults(join(interrupted, 'results.json'));
    assert.equal(partial.complete, false);
    assert.ok(partial.cells.length >= 4 && partial.cells.length < 15, `${partial.cells.length} cells`);
    assert.ok(existsSync(join(interrupted, 'results.csv')));
    assert.equal(existsSync(join(interrupted, LOCK_FILE)), false, 'the lock is released');

    const resumed = spawnSync(process.execPath, benchArgs('--resume', interrupted), { encoding: 'utf8' });
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, /resuming \(\d+ ladders kept\)/);
    const finished = await readResults(join(interrupted, 'results.json'));
    assert.equal(finished.complete, true);

    const whole = join(root, 'whole');
    const uninterrupted = spawnSync(process.execPath, benchArgs(...FAST, '--out', whole), {
      encoding: 'utf8',
    });
    assert.equal(uninterrupted.status, 0, uninterrupted.stderr);
    const reference = await readResults(join(whole, 'results.json'));
    assert.deepEqual(finished.cells.map(exact), reference.cells.map(exact));
    assert.equal(finished.cells.length, 15);
  });

  it('SIGTERM exits 143 with valid files', async () => {
    const dir = join(await tempDir(), 'run');
    const child = spawn(process.execPath, benchArgs(...FAST, '--out', dir), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const code = exited(child);
    await progressed(child, /\[round 1\/\d, 2\/5\]/);
    child.kill('SIGTERM');
    assert.equal(await code, 143);
    assert.equal((await readResults(join(dir, 'results.json'))).complete, false);
  });

  it('refuses --resume with other run options, and says when there is nothing to resume', async () => {
    const run = spawnSync(process.execPath, benchArgs('--resume', '/nowhere', '--profile', 'full'), {
      encoding: 'utf8',
    });
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /^memobench: --resume runs with the interrupted run's own options; drop --profile\n$/,
    );
    const missing = spawnSync(process.execPath, benchArgs('--resume', '/nowhere'), { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read \/nowhere\/results\.json/);
  });
});

describe('lockRunDir()', () => {
  it('lets one process at a time write a run folder and takes over a stale lock', async () => {
    const dir = await tempDir();
    const release = await lockRunDir(dir);
    await assert.rejects(
      lockRunDir(dir),
      (error: unknown) =>
        error instanceof UsageError && /is in use by another memobench \(process \d+\)/.test(error.message),
    );
    await release();
    await writeFile(join(dir, LOCK_FILE), '999999999');
    const again = await lockRunDir(dir);
    assert.equal(await readFile(join(dir, LOCK_FILE), 'utf8'), String(process.pid));
    await again();
  });
});
