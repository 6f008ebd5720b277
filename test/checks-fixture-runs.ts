/**
 * Runs of the regression fixture suite (test/fixtures/suites-regression) through the real runner
 * (runBench: verification, counting pass, ladder, results.json), for the tests of checks/ and of
 * the commands. Times come from a fake backend that turns the variants' counted work into
 * nanoseconds with seeded noise (2% per process, 3% per sample), so no test depends on how busy
 * the machine is.
 */
import { join } from 'node:path';
import { createRng } from '../lib/random.ts';
import { loadSuites } from '../lib/registry.ts';
import type { Measure, Results, RunnerName, RunOptions } from '../lib/types.ts';
import { runSaver } from '../reports/write-reports.ts';
import { planLadders } from '../runners/plan.ts';
import { runBench } from '../runners/run.ts';
import { gaussian } from './checks-synthetic.ts';
import { TEST_OPTIONS, tempDir } from './helpers.ts';

const SUITES = join(import.meta.dirname, 'fixtures', 'suites-regression');
const work = globalThis as { memobenchWork?: number };
export const KNOBS = ['MEMOBENCH_FIXTURE_SLOW', 'MEMOBENCH_FIXTURE_EXTRA_CALLS', 'MEMOBENCH_FIXTURE_WRONG'];

export const FIXTURE_OPTIONS: RunOptions = {
  ...TEST_OPTIONS,
  profile: 'ci',
  suites: ['triangle'],
  budget_ms: 60_000,
  time_ms: 1,
  warmup_ms: 0,
  min_samples: 100,
  isolate: 'none',
  min_processes: 5,
  max_processes: 5,
};

/** A backend whose samples are the work done (10 ns a unit) times a per-process and a per-sample noise. */
function workBackend(seed: number): (runner: RunnerName) => Promise<Measure> {
  const rng = createRng(seed);
  return async () => {
    const processLevel = Math.exp(0.02 * gaussian(rng));
    return async (call, batch, sampling) => {
      const samples: number[] = [];
      for (let i = 0; i < sampling.min_samples; i++) {
        const before = work.memobenchWork ?? 0;
        for (let k = 0; k < batch; k++) call();
        const units = (work.memobenchWork ?? 0) - before;
        samples.push(units * 10e-6 * processLevel * Math.exp(0.03 * gaussian(rng)));
      }
      return samples;
    };
  };
}

/** One run of the fixture suite with the given switches set, written into a new folder. */
export async function runFixture(
  seed: number,
  knobs: Record<string, string> = {},
  options: Partial<RunOptions> = {},
): Promise<{ dir: string; results: Results }> {
  for (const name of KNOBS) delete process.env[name];
  Object.assign(process.env, knobs);
  try {
    const suites = await loadSuites(SUITES);
    const dir = await tempDir('memobench-regression-');
    const results = await runBench({
      options: { ...FIXTURE_OPTIONS, ...options },
      suites,
      plan: planLadders(suites, { variants: [], profile: 'ci', audit: true }),
      save: runSaver(dir),
      command: 'test',
      measure: workBackend(seed),
    });
    return { dir, results };
  } finally {
    for (const name of KNOBS) delete process.env[name];
  }
}
