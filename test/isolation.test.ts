import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSuites } from '../lib/registry.ts';
import type { Cell } from '../lib/types.ts';
import { compileChildCode, SOURCE_CODE } from '../runners/child-code.ts';
import { DEADLINE_SLACK_MS } from '../runners/constants.ts';
import { childExecArgv, runIsolated } from '../runners/isolated.ts';
import { discoverJob, field, TEST_OPTIONS } from './helpers.ts';

const [faulty] = await loadSuites(fileURLToPath(new URL('./fixtures/suites-faulty/', import.meta.url)));
const [quartic] = await loadSuites(fileURLToPath(new URL('./fixtures/suites-quartic/', import.meta.url)));

async function run(variant: string, extra: Partial<typeof TEST_OPTIONS> = {}): Promise<Cell[]> {
  const cells: Cell[] = [];
  const job = discoverJob({ suite: faulty!, variant, sizes: [1, 2, 3, 4] });
  const options = { ...TEST_OPTIONS, isolate: 'process' as const, cell_timeout_ms: 3000, ...extra };
  for await (const cell of runIsolated({ job, options })) cells.push(cell);
  return cells;
}

describe('runIsolated()', () => {
  it('stops a verified call at the budget’s deadline: over-budget, what was seen, the rest skipped', async () => {
    const cells = await run('naive', { budget_ms: 50 });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'over-budget', undefined],
        [4, 'skipped', 'budget'],
      ],
    );
    assert.match(
      cells[2]?.message ?? '',
      /^one call ran longer than the 50 ms budget and was stopped after \d/,
    );
    assert.ok(Number(field(cells[2], 'verify_ms')) >= 50 + DEADLINE_SLACK_MS);
    assert.equal(field(cells[2], 'result'), undefined, 'a stopped call has no answer');
    assert.equal(cells[3]?.message, 'one call ran longer than 50 ms at n = 3 and was stopped');
  });

  it('measures a ladder whose calls grow as n^4 up to the budget, and stops at the first size over it', async () => {
    const job = discoverJob({ suite: quartic!, variant: 'naive', sizes: [1, 2, 4, 8, 16] });
    const options = { ...TEST_OPTIONS, isolate: 'process' as const, budget_ms: 50, memory_readings: 0 };
    const cells: Cell[] = [];
    for await (const cell of runIsolated({ job, options })) cells.push(cell);
    // 6.4 ms at n = 4 is timed; 102 ms at n = 8 is over the budget (stopped at the deadline, or
    // finished first if this machine held the parent up), and nothing above it runs.
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [4, 'ok', undefined],
        [8, 'over-budget', undefined],
        [16, 'skipped', 'budget'],
      ],
    );
    assert.ok(Number(field(cells[2], 'verify_ms')) >= 6.4);
    assert.ok(Number(field(cells[3], 'verify_ms')) >= 50);
    assert.match(cells[4]?.message ?? '', /at n = 8/);
  });

  it('stops a hung cell with the time-out, records timeout, and skips the rest', async () => {
    // A budget no call reaches, so the hang is caught by the cell's time-out, not the deadline.
    const cells = await run('naive', { budget_ms: 60_000 });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'timeout', undefined],
        [4, 'skipped', 'timeout'],
      ],
    );
    assert.match(cells[2]?.message ?? '', /no result after 3000 ms; the child process was killed/);
  });

  it('reports a child that runs out of memory as crashed, with the cause', async () => {
    // A small old space makes the out-of-memory death quick (children inherit the environment):
    // with the default limit of several GB it took 20 s and that much memory. A budget no call
    // reaches, or the deadline would stop the verified call first.
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --max-old-space-size=128`;
    const cells = await run('dict', { cell_timeout_ms: 60_000, budget_ms: 60_000 }).finally(() => {
      if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = nodeOptions;
    });
    assert.equal(cells[0]?.status, 'ok');
    assert.equal(cells[1]?.status, 'crashed');
    // V8's own line, not the tail of the native stack trace printed after it.
    assert.match(
      cells[1]?.message ?? '',
      /^child process died \((SIGABRT|SIGKILL|SIGTRAP|exit code \d+)\): FATAL ERROR: .*JavaScript heap out of memory$/,
    );
    assert.deepEqual(
      cells.slice(2).map((cell) => field(cell, 'skip_reason')),
      ['crashed', 'crashed'],
    );
  });

  it('passes errors and wrong answers through as statuses and completes the ladder', async () => {
    const map = await run('map');
    assert.deepEqual(
      map.map((cell) => cell.status),
      ['ok', 'ok', 'error', 'skipped'],
    );
    assert.equal(map[2]?.message, 'map variant broke at 3');
    const closure = await run('closure');
    assert.deepEqual(
      closure.map((cell) => cell.status),
      ['ok', 'wrong-answer', 'skipped', 'skipped'],
    );
    const good = await run('bottom-up');
    assert.ok(good.every((cell) => cell.status === 'ok' && cell.cache_mode === 'cold'));
    assert.ok(
      good.every((cell) => typeof field(cell, 'retained_bytes') === 'number'),
      'children run with --expose-gc',
    );
  });

  it('a stack size beyond the operating system’s is a crash, never a success', async () => {
    const [fibonacci] = (await loadSuites()).filter((suite) => suite.id === 'fibonacci');
    const job = discoverJob({ suite: fibonacci!, variant: 'dict', sizes: [100_000] });
    // 200 MB of V8 stack on a thread whose real stack is 8 MiB: the process dies of a signal (SIGSEGV here).
    const options = {
      ...TEST_OPTIONS,
      isolate: 'process' as const,
      stack_size_kb: 200_000,
      cell_timeout_ms: 60_000,
    };
    const cells: Cell[] = [];
    for await (const cell of runIsolated({ job, options })) cells.push(cell);
    assert.equal(cells[0]?.status, 'crashed');
    assert.match(cells[0]?.message ?? '', /child process died \(SIG[A-Z]+\)/);
  });

  it('reports a child started ahead that died before its task as crashed, with its exit code', {
    timeout: 10_000,
  }, async () => {
    const child = spawn(process.execPath, ['-e', 'console.error("boot failed"); process.exit(3)'], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    await once(child, 'exit');
    const job = discoverJob({ suite: faulty!, variant: 'map', sizes: [1, 2] });
    const cells: Cell[] = [];
    const options = { ...TEST_OPTIONS, isolate: 'process' as const };
    for await (const cell of runIsolated({ job, options, code: SOURCE_CODE, child })) cells.push(cell);
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'crashed', undefined],
        [2, 'skipped', 'crashed'],
      ],
    );
    assert.match(cells[0]?.message ?? '', /child process died \(exit code 3\)/);
  });

  it('gives children --expose-gc, the asked stack size, and tsx only for the sources', async () => {
    const argv = childExecArgv({ stack_size_kb: 4000 });
    assert.ok(
      argv.includes('--stack-size=4000') && argv.includes('--expose-gc') && argv.includes('--import'),
    );
    assert.ok(!childExecArgv({ stack_size_kb: null }).some((flag) => flag.startsWith('--stack-size')));
    const compiled = await compileChildCode([faulty!.path]);
    try {
      assert.deepEqual(childExecArgv({ stack_size_kb: null }, compiled), ['--expose-gc']);
    } finally {
      await compiled.dispose();
    }
  });
});
