import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSuites } from '../lib/registry.ts';
import { plainTools } from '../lib/tools.ts';
import type { Cell } from '../lib/types.ts';
import { compileChildCode, SOURCE_CODE } from '../runners/child-code.ts';
import { runIsolated } from '../runners/isolated.ts';
import { discoverJob, field, TEST_OPTIONS } from './helpers.ts';

const FIBONACCI = fileURLToPath(new URL('../suites/fibonacci.ts', import.meta.url));
const importModule = async (path: string, query = '') => import(`${pathToFileURL(path).href}${query}`);

describe('compileChildCode()', () => {
  it('compiles a suite that answers like its source, with a separate copy for the counting pass', async () => {
    const code = await compileChildCode([FIBONACCI]);
    try {
      const compiled = (await importModule(code.suiteModule(FIBONACCI))).default;
      const source = (await importModule(FIBONACCI)).default;
      const counting = (await importModule(code.suiteModule(FIBONACCI), '?instance=counting')).default;
      const input = source.input(1000, 1);
      assert.equal(compiled.variants.map(plainTools)(input), source.variants.map(plainTools)(input));
      // Another instance: other functions, so the timed code's type feedback stays its own.
      assert.notEqual(counting.variants.map, compiled.variants.map);
      const memoize = (await importModule(code.memoizeModule)).memoize;
      const countingMemoize = (await importModule(code.memoizeModule, '?instance=counting')).memoize;
      assert.equal(typeof memoize, 'function');
      assert.notEqual(countingMemoize, memoize);
    } finally {
      await code.dispose();
    }
    assert.equal(existsSync(dirname(code.entry)), false);
  });

  it('removes code left by runs whose process is gone, and keeps that of live ones', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'memobench-cache-'));
    const gone = spawn(process.execPath, ['-e', '0']);
    await once(gone, 'exit');
    await mkdir(join(cacheDir, `${gone.pid}-dead`));
    await mkdir(join(cacheDir, `${process.pid}-alive`));
    const code = await compileChildCode([FIBONACCI], cacheDir);
    try {
      const left = await readdir(cacheDir);
      assert.ok(!left.includes(`${gone.pid}-dead`));
      assert.ok(left.includes(`${process.pid}-alive`));
    } finally {
      await code.dispose();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('refuses a suite it did not compile, naming the file', async () => {
    const code = await compileChildCode([FIBONACCI]);
    try {
      assert.throws(
        () => code.suiteModule('/elsewhere/other.ts'),
        /suite file not compiled: \/elsewhere\/other\.ts/,
      );
    } finally {
      await code.dispose();
    }
  });

  it('runs a ladder in a compiled child exactly as from the sources (same answers and counts)', async () => {
    const [suite] = (await loadSuites()).filter((candidate) => candidate.id === 'fibonacci');
    const job = discoverJob({ suite: suite!, variant: 'closure', sizes: [5, 30, 1000] });
    // A budget no call reaches: on a loaded machine the sources' first calls through tsx took over
    // the test budget of 50 ms, and the ladder stopped a size earlier than the compiled one.
    const options = { ...TEST_OPTIONS, isolate: 'process' as const, budget_ms: 60_000 };
    const climb = async (code: typeof SOURCE_CODE) => {
      const cells: Cell[] = [];
      for await (const cell of runIsolated({ job, options, code })) cells.push(cell);
      return cells.map((cell) => [
        cell.n,
        cell.status,
        field(cell, 'result'),
        field(cell, 'calls'),
        field(cell, 'cache_hits'),
        field(cell, 'cache_entries'),
      ]);
    };
    const code = await compileChildCode([suite!.path]);
    try {
      const compiled = await climb(code);
      assert.deepEqual(compiled, await climb(SOURCE_CODE));
      assert.deepEqual(
        compiled.map((cell) => cell[1]),
        ['ok', 'ok', 'ok'],
      );
    } finally {
      await code.dispose();
    }
  });
});
