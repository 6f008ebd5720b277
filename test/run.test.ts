import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isOk } from '../lib/cells.ts';
import { loadSuites } from '../lib/registry.ts';
import type { Cell, CountedOperation, Results, RunOptions } from '../lib/types.ts';
import type { CountsLadder, CountsStore } from '../runners/counts-cache.ts';
import { planLadders } from '../runners/plan.ts';
import { type RunRequest, runBench } from '../runners/run.ts';
import { fakeMeasure, field, TEST_OPTIONS } from './helpers.ts';

const triangle = await loadSuites(fileURLToPath(new URL('./fixtures/suites-regression/', import.meta.url)));
const quartic = await loadSuites(fileURLToPath(new URL('./fixtures/suites-quartic/', import.meta.url)));

const OPTIONS: RunOptions = {
  ...TEST_OPTIONS,
  profile: 'ci',
  min_processes: 2,
  max_processes: 4,
  target_half_width_pct: 2,
};

/** A backend whose every sample is `factor(process)` ms per call, the process counted from 1. */
function processBackend(factor: (process: number) => number): RunRequest['measure'] {
  let process = 0;
  return async () => {
    process++;
    const level = factor(process);
    return fakeMeasure(() => 0.001 * level, 5);
  };
}

/** A run of a fixture suite in this process, with its progress lines. */
async function run(
  options: Partial<RunOptions>,
  extra: Partial<RunRequest> = {},
  suites = triangle,
): Promise<{ results: Results; lines: string[] }> {
  const lines: string[] = [];
  const runOptions = { ...OPTIONS, ...options };
  const results = await runBench({
    options: runOptions,
    suites,
    plan: planLadders(suites, runOptions),
    save: async () => undefined,
    command: 'test',
    progress: { write: (text) => void lines.push(text.trim()) },
    measure: processBackend(() => 1),
    ...extra,
  });
  return { results, lines };
}

/** The ladders each round ran, in order, from the progress lines. */
function roundsOf(lines: readonly string[]): string[][] {
  const rounds: string[][] = [];
  for (const line of lines) {
    const match = /^\[(?:round (\d+)\/\d+, )?\d+\/\d+\] \S+ \/ (\S+) \/ n = \d+/.exec(line);
    if (match === null) continue;
    const round = Number(match[1] ?? 1) - 1;
    const ladders = rounds[round] ?? [];
    rounds[round] = ladders;
    if (ladders.at(-1) !== match[2]) ladders.push(match[2] as string);
  }
  return rounds;
}

const processesOf = (cells: readonly Cell[]) => new Set(cells.filter(isOk).map((cell) => cell.processes));

describe('runBench() in rounds', () => {
  it('runs every ladder once per round, in a new order each round, and settles precise ladders at the fewest processes', async () => {
    const { results, lines } = await run({});
    const rounds = roundsOf(lines);
    assert.equal(rounds.length, 2);
    for (const round of rounds)
      assert.deepEqual([...round].sort(), ['bottom-up', 'closure', 'dict', 'map', 'naive']);
    assert.notDeepEqual(rounds[0], rounds[1]);
    assert.deepEqual(processesOf(results.cells), new Set([2]));
    assert.ok(results.cells.filter(isOk).every((cell) => cell.process_medians_ns?.length === 2));
    assert.equal(results.complete, true);
    assert.equal(results.finished.length, 5);
  });

  it('keeps adding processes to a ladder whose processes disagree, up to the most', async () => {
    const { results } = await run(
      {},
      { measure: processBackend((process) => (process % 2 === 0 ? 1.3 : 0.7)) },
    );
    assert.deepEqual(processesOf(results.cells), new Set([4]));
    const cell = results.cells.find(isOk);
    assert.equal(cell?.process_medians_ns?.length, 4);
  });

  it('takes counts in round 1 only, from the process that counted', async () => {
    const { results } = await run({});
    const naive = results.cells.filter(isOk).filter((cell) => cell.variant === 'naive');
    assert.deepEqual(
      naive.map((cell) => [cell.n, cell.calls, cell.counts_note]),
      [
        [8, 9, undefined],
        [16, 17, undefined],
        [32, 33, undefined],
      ],
    );
  });

  it('measures again only the sizes round 1 timed: over the budget in round 1 stays over it', async () => {
    // quartic's calls take n^4 / 40 ms: 6.4 ms at n = 4 is timed, 102 ms at n = 8 is over 80 ms.
    const options = {
      budget_ms: 80,
      variants: ['naive'],
      profile: 'quick' as const,
      min_processes: 3,
      max_processes: 3,
    };
    const { results, lines } = await run(options, {}, quartic);
    assert.deepEqual(
      results.cells.map((cell) => [cell.n, cell.status, field(cell, 'processes')]),
      [
        [1, 'ok', 3],
        [2, 'ok', 3],
        [4, 'ok', 3],
        [8, 'over-budget', undefined],
        [16, 'skipped', undefined],
      ],
    );
    const later = lines
      .filter((line) => /^\[round [23]\//.test(line))
      .map((line) => /n = (\d+)/.exec(line)?.[1]);
    assert.deepEqual(later, ['1', '2', '4', '1', '2', '4']);
  });

  it('uses the counts cache: known counts are not counted again, new ones are recorded', async () => {
    const marker: CountedOperation = {
      counts: { calls: 424242, cache_hits: 0, cache_misses: 0, cache_entries: 0, max_depth: 1 },
      instance: 'per-call',
    };
    const store = memoryStore(16, marker);
    const { results } = await run({ min_processes: 1, max_processes: 1 }, { counts: store.store });
    const naive16 = results.cells.find((cell) => cell.variant === 'naive' && cell.n === 16);
    assert.equal(field(naive16, 'calls'), 424242);
    assert.ok(
      store.recorded.some(
        ([ladder, n, counted]) => ladder.variant === 'naive' && n === 8 && counted.counts.calls === 9,
      ),
    );
    assert.ok(store.flushes() > 0);
  });

  it('keeps what finished when aborted, and a resumed run ends with the same exact fields as a whole one', async () => {
    const controller = new AbortController();
    const options = { min_processes: 2, max_processes: 2 };
    const partial = await run(options, {
      signal: controller.signal,
      progress: {
        write: (text) => {
          if (text.startsWith('[round 2/2, 3/')) controller.abort();
        },
      },
    });
    assert.equal(partial.results.complete, false);
    assert.equal(partial.results.finished.length, 2, 'the two ladders of round 2 that finished');
    const resumed = await run(options, { resume: partial.results });
    assert.equal(resumed.results.complete, true);
    const whole = await run(options);
    const exact = (results: Results) =>
      results.cells.map((cell) => [
        cell.variant,
        cell.n,
        cell.status,
        field(cell, 'result'),
        field(cell, 'calls'),
      ]);
    assert.deepEqual(exact(resumed.results), exact(whole.results));
    assert.deepEqual(processesOf(resumed.results.cells), new Set([2]));
  });
});

/** A counts store in memory that knows one result of naive at one size, and keeps what it is given. */
function memoryStore(n: number, counted: CountedOperation) {
  const recorded: [CountsLadder, number, CountedOperation][] = [];
  let flushes = 0;
  const store: CountsStore = {
    known: async (_key, ladder) => new Map(ladder.variant === 'naive' ? [[n, counted]] : []),
    record: (_key, ladder, size, value) => void recorded.push([ladder, size, value]),
    flush: async () => void flushes++,
  };
  return { store, recorded, flushes: () => flushes };
}
