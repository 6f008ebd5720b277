import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../lib/errors.ts';
import { createRunDir, makeFolders } from '../scripts/run-dir.ts';
import { tempDir, withDeadline } from './helpers.ts';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message) && !error.message.includes('\n');

/** Node 20's recursive mkdir never returns on /proc; these tests need a Linux /proc to show it does not hang. */
const NO_PROC = !existsSync('/proc/self') && 'no /proc on this system';
/** A place no process may create folders in, root included (sysfs). */
const NO_SYS = !existsSync('/sys/kernel') && 'no /sys on this system';
/** Permission bits do not stop root. */
const ROOT = process.getuid?.() === 0 && 'root ignores permission bits';

/** How long a refused folder may take: one stat and one mkdir per missing level, ms. */
const REFUSAL_MS = 1000;

describe('makeFolders()', () => {
  it('creates missing parents level by level and accepts an existing folder', async () => {
    const root = await tempDir();
    const deep = join(root, 'a', 'b', 'c');
    await makeFolders(deep);
    assert.ok((await stat(deep)).isDirectory());
    await makeFolders(deep);
    await makeFolders(root);
  });

  it('names a file that stands where a folder or a parent should be', async () => {
    const root = await tempDir();
    const file = join(root, 'file.txt');
    await writeFile(file, 'x');
    await assert.rejects(makeFolders(file), { message: `${file} exists and is not a folder` });
    await assert.rejects(makeFolders(join(file, 'sub', 'deeper')), {
      message: `${file} exists and is not a folder`,
    });
  });

  it('names a dangling link rather than following it', async () => {
    const root = await tempDir();
    const link = join(root, 'link');
    await symlink(join(root, 'missing'), link);
    await assert.rejects(makeFolders(link), { message: `${link} exists and is not a folder` });
  });

  it('fails at once where the file system answers ENOENT for a new name (/proc)', {
    skip: NO_PROC,
  }, async () => {
    await assert.rejects(
      withDeadline(makeFolders('/proc/memobench-test/deeper'), REFUSAL_MS, 'makeFolders(/proc/...)'),
      /^Error: \/proc accepts no new folders \(ENOENT: .*mkdir '\/proc\/memobench-test'\)$/,
    );
  });

  it('fails at once where the file system refuses folders (/sys)', { skip: NO_SYS }, async () => {
    await assert.rejects(
      withDeadline(makeFolders('/sys/memobench-test'), REFUSAL_MS, 'makeFolders(/sys/...)'),
      (error: Error) => /^E[A-Z]+: .*'\/sys\/memobench-test'/.test(error.message),
    );
  });
});

describe('createRunDir()', () => {
  it('never reuses a folder: runs started in the same second get distinct folders', async () => {
    const root = await tempDir();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const date = new Date('2026-11-24T12:34:56Z');
      const dirs = await Promise.all([1, 2, 3].map(() => createRunDir('quick', undefined, date)));
      assert.equal(new Set(dirs).size, 3);
      assert.deepEqual((await readdir(join(root, 'results'))).sort(), [
        '20261124-123456-quick',
        '20261124-123456-quick-2',
        '20261124-123456-quick-3',
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('accepts a new (with new parents) or empty --out folder and refuses a non-empty one', async () => {
    const root = await tempDir();
    assert.equal(await createRunDir('quick', join(root, 'new')), join(root, 'new'));
    assert.equal(await createRunDir('quick', join(root, 'new')), join(root, 'new'), 'empty folder is fine');
    assert.equal(await createRunDir('quick', join(root, 'x', 'y')), join(root, 'x', 'y'));
    await writeFile(join(root, 'new', 'results.json'), '{}');
    await assert.rejects(
      createRunDir('quick', join(root, 'new')),
      usage(/folder exists and is not empty \(choose a new or empty folder\)$/),
    );
  });

  it('refuses an empty --out, which would mean the current folder', async () => {
    await assert.rejects(createRunDir('quick', ''), usage(/^--out needs a path \(got ''\)$/));
  });

  it('refuses an --out that is, or lies under, a regular file', async () => {
    const root = await tempDir();
    const file = join(root, 'file.txt');
    await writeFile(file, 'x');
    for (const out of [file, join(file, 'run')]) {
      await assert.rejects(
        createRunDir('quick', out),
        usage(new RegExp(`^--out ${out}: cannot create folder: ${file} exists and is not a folder$`)),
      );
    }
  });

  it('answers --out /proc/... with one line, at once', { skip: NO_PROC }, async () => {
    await assert.rejects(
      withDeadline(createRunDir('quick', '/proc/memobench-test'), REFUSAL_MS, 'createRunDir(/proc/...)'),
      usage(/^--out \/proc\/memobench-test: cannot create folder: \/proc accepts no new folders/),
    );
  });

  it('refuses a read-only place: one where folders cannot be made, or an empty folder that cannot be written', async (t) => {
    await t.test('/sys', { skip: NO_SYS }, async () => {
      await assert.rejects(
        createRunDir('quick', '/sys/memobench-test'),
        usage(/^--out \/sys\/memobench-test: cannot create folder: E[A-Z]+: /),
      );
    });
    await t.test('permission bits', { skip: ROOT }, async () => {
      const root = await tempDir();
      const locked = join(root, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o555);
      await assert.rejects(createRunDir('quick', join(locked, 'run')), usage(/cannot create folder: EACCES/));
      await assert.rejects(createRunDir('quick', locked), usage(/cannot write into folder: EACCES/));
    });
  });
});

describe('--out that cannot be created (the real commands)', () => {
  /**
   * Runs a script as the user does; `deadline_ms` is generous for a busy machine (starting
   * tsx alone takes 2-3 s at a load of 10 on 2 cores): before the fix the process never ended.
   */
  function script(args: string[], deadline_ms = 20_000) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], {
      encoding: 'utf8',
      timeout: deadline_ms,
    });
    return { ...run, elapsed_ms: performance.now() - started };
  }

  const cases: [string, string[], RegExp][] = [
    [
      'bench',
      ['scripts/bench.ts', '--suite', 'fibonacci', '--variant', 'naive', '--profile', 'quick'],
      /^memobench: --out \/proc\/memobench-test: cannot create folder: \/proc accepts no new folders/,
    ],
    [
      'check',
      ['scripts/check.ts'],
      /^memobench check: --out \/proc\/memobench-test: cannot create folder: \/proc accepts no new folders/,
    ],
  ];
  for (const [name, args, pattern] of cases) {
    it(`${name} --out /proc/memobench-test exits 2 with one line`, { skip: NO_PROC }, () => {
      const run = script([...args, '--out', '/proc/memobench-test']);
      assert.equal(run.signal, null, `still running after ${Math.round(run.elapsed_ms)} ms`);
      assert.equal(run.status, 2, run.stderr);
      assert.deepEqual(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, pattern);
      assert.equal(run.stdout, '');
    });
  }
});
