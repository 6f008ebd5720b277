import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldOf, isOk } from '../lib/cells.ts';
import { defineSuite } from '../lib/define-suite.ts';
import type {
  Answer,
  Cell,
  CellField,
  FailedCell,
  Measure,
  OkCell,
  Results,
  RunnerName,
  RunOptions,
  SkippedCell,
  Suite,
  SuiteDefinition,
} from '../lib/types.ts';
import type { Job } from '../runners/jobs.ts';
import type { LadderPlan } from '../runners/plan.ts';

/** A cell that did not run, for fixtures. */
export function skippedCell(variant: string, n: number, extra: Partial<SkippedCell> = {}): SkippedCell {
  return {
    suite: 'fixture',
    variant,
    n,
    status: 'skipped',
    skip_reason: 'budget',
    message: 'one call took longer than the budget at a smaller n',
    runner: 'tinybench',
    cache_mode: 'cold',
    ...extra,
  };
}

/** The member of the Cell union that has status S. */
type CellWith<S extends FailedCell['status']> = FailedCell extends infer C
  ? C extends FailedCell
    ? S extends C['status']
      ? C
      : never
    : never
  : never;

/** A cell that ran and did not end ok, for fixtures; a wrong answer answers 0. */
export function failedCell<S extends FailedCell['status']>(
  variant: string,
  n: number,
  status: S,
  message = `${status} at n = ${n}`,
): CellWith<S> {
  const base = { suite: 'fixture', variant, n, runner: 'tinybench', cache_mode: 'cold', message } as const;
  const cell: FailedCell = status === 'wrong-answer' ? { ...base, status, result: '0' } : { ...base, status };
  // The cell has status S, so it is the member CellWith<S>; the compiler cannot follow S through the union.
  return cell as CellWith<S>;
}

/** The cell, known to be ok; fails the test when it is missing or has another status. */
export function expectOk(cell: Cell | undefined): OkCell {
  assert.ok(cell !== undefined && isOk(cell), `expected an ok cell, got ${cell?.status ?? 'none'}`);
  return cell;
}

/**
 * Any field of a cell, undefined where the field (or the cell itself) is missing: for assertions
 * over cells of mixed status, where a field exists on some members of the Cell union only.
 */
export function field(cell: Cell | undefined, name: CellField): unknown {
  return cell === undefined ? undefined : fieldOf(cell, name);
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'memobench-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * `promise`, or a rejection once `ms` have passed without it settling: for code whose bug was never
 * returning. The timer is cleared when the promise settles, so it keeps no test process alive.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A backend that times nothing: it runs the batch of calls per sample and reports `callMs(k)` ms per
 * call for the k-th cell it measures (so per-call times do not depend on the calibrated batch size).
 */
export function fakeMeasure(callMs: (cell: number) => number = () => 0.001, samples = 12): Measure {
  let calls = 0;
  return async (call, batch) => {
    calls++;
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      for (let k = 0; k < batch; k++) call();
      out.push(callMs(calls) * batch);
    }
    return out;
  };
}

/**
 * A fake clock for the ladder. Variants advance it with `spend(ms)`, so a "slow" call costs no
 * real time and the budget logic is tested without wall-clock luck.
 */
export function fakeClock(): { now: () => number; spend: (ms: number) => void } {
  let time = 0;
  return { now: () => time, spend: (ms) => (time += ms) };
}

/** Options for running ladders in tests. */
export const TEST_OPTIONS: RunOptions = {
  profile: 'quick',
  suites: [],
  variants: [],
  budget_ms: 50,
  time_ms: 1,
  warmup_ms: 0,
  min_samples: 3,
  memory_readings: 1,
  seed: 1,
  runner: 'tinybench',
  cache_mode: 'cold',
  isolate: 'none',
  min_processes: 1,
  max_processes: 1,
  target_half_width_pct: 5,
  audit: true,
  cell_timeout_ms: 60_000,
  stack_size_kb: null,
  shard: null,
};

/** A fixture suite: the answer is n itself, every required variant returns it unless overridden. */
export function fixtureSuite(
  variants: Partial<SuiteDefinition<number, Answer>['variants']> = {},
  sizes: readonly number[] = [1, 2, 3, 4, 5],
): Suite<number, Answer> {
  const identity = () => (n: number) => n;
  const definition = defineSuite<number, Answer>({
    id: 'fixture',
    title: 'Fixture',
    description: 'A suite for tests.',
    recurrence: 'f(n) = n',
    complexity: { naive: 'O(1)', memoized: 'O(1)' },
    input: (n) => n,
    reference: (n) => n,
    sizes: { quick: sizes, default: sizes, full: sizes },
    variants: {
      naive: identity,
      dict: identity,
      map: identity,
      closure: identity,
      'bottom-up': identity,
      ...variants,
    } as SuiteDefinition<number, Answer>['variants'],
  });
  return { ...definition, file: 'test/fixture.ts', path: '/nonexistent/test/fixture.ts' };
}

/** A minimal, valid results object with the given cells. */
export function fixtureResults(
  cells: Cell[],
  variants = ['naive', 'dict', 'map', 'closure', 'bottom-up'],
): Results {
  return {
    schema_version: 2,
    tool: 'memobench',
    environment: {
      node: 'v20.0.0',
      v8: '11',
      os: 'linux',
      arch: 'x64',
      cpu_model: 'test cpu',
      cpu_cores: 2,
      total_memory_bytes: 1,
      git_commit: null,
      command: 'memobench --test',
      date: '2026-01-01T00:00:00.000Z',
    },
    options: TEST_OPTIONS,
    suites: [
      {
        id: 'fixture',
        title: 'Fixture',
        description: 'A suite for tests.',
        recurrence: 'f(n) = n',
        complexity: { naive: 'O(1)', memoized: 'O(1)' },
        variants,
        notes: {},
        libraries: {},
      },
    ],
    cells,
    elapsed_ms: 1,
    complete: true,
    finished: [],
  };
}

/** An `ok` cell with the given median time per call, ns (interval ±10%). */
export function okCell(variant: string, n: number, median_ns: number): OkCell {
  return {
    suite: 'fixture',
    variant,
    n,
    status: 'ok',
    result: String(n),
    verify_ms: median_ns / 1e6,
    calls_per_op: 1,
    runner: 'tinybench',
    cache_mode: 'cold',
    median_ns,
    mean_ns: median_ns,
    p75_ns: median_ns,
    p99_ns: median_ns,
    min_ns: median_ns,
    max_ns: median_ns,
    sd_ns: 0,
    mad_ns: 0,
    ci_low_ns: median_ns * 0.9,
    ci_high_ns: median_ns * 1.1,
    rme_pct: 1,
    samples: 10,
    batch: 1,
  };
}

/** A discover-phase job (round 1) of one ladder, for runIsolated. */
export function discoverJob(ladder: LadderPlan, runner: RunnerName = 'tinybench'): Job {
  return {
    ladder,
    runner,
    round: 1,
    phase: 'discover',
    sizes: ladder.sizes,
    known: new Map(),
    instances: new Map(),
  };
}

/** What a command printed and returned. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command (scripts/commands/*, scripts/check.ts) on `argv`, collecting what it prints. */
export async function captureCommand(
  command: (
    argv: string[],
    io: { stdout(text: string): void; stderr(text: string): void },
  ) => Promise<number>,
  argv: string[],
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await command(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

/** The error a real stack overflow throws (recursion far past any stack). */
export function realStackOverflow(): unknown {
  const down = (k: number): number => (k === 0 ? 0 : 1 + down(k - 1));
  try {
    down(1e8);
  } catch (error) {
    return error;
  }
  throw new Error('no stack overflow at a depth of 10^8');
}
