/**
 * StrykerJS 10 for `npm run mutate` (scripts/mutate.sh): the statistics modules of the CI gate, each
 * with its own test file (the tests that pin its values; a module is not credited with mutants that
 * only another module's tests kill), mutated one module at a time (MEMOBENCH_MUTATE names it) by the
 * command runner, one mutant at a time: the statistics tests are CPU-bound and a second runner on
 * a 2-core machine would only make both slower and the timeouts noisy. The simulations of tier 2
 * (test/sequential.test.ts, "simulated runs") are skipped: they check operating characteristics
 * over thousands of runs, take most of the file's time, and every mutant they kill is killed by the
 * pinned values first.
 */

import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Each module mutated, with the test files whose failure kills its mutants. */
export const TARGETS = {
  'checks/group-sequential.ts': ['test/group-sequential.test.ts'],
  'checks/moderated.ts': ['test/moderated.test.ts'],
  'checks/paired-rounds.ts': ['test/paired-rounds.test.ts'],
  'checks/sequential.ts': ['test/sequential.test.ts', 'test/paired-run.test.ts'],
  'checks/paired-run.ts': ['test/paired-run.test.ts'],
};

const target = process.env.MEMOBENCH_MUTATE ?? '';
const tests = TARGETS[target];
if (tests === undefined)
  throw new Error(`MEMOBENCH_MUTATE must be one of ${Object.keys(TARGETS).join(', ')} (got '${target}')`);
const name = target.replace(/^.*\//, '').replace(/\.ts$/, '');

export default {
  testRunner: 'command',
  // Each file run directly (node:test then runs in that process, exiting 1 on a failure): no test
  // runner process per file, which is most of the time of a run of one small file.
  commandRunner: {
    command: tests
      .map((file) => `node --import tsx --test-skip-pattern="simulated runs" ${file}`)
      .join(' && '),
  },
  mutate: [target],
  coverageAnalysis: 'off',
  concurrency: 1,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `results/mutation/${name}.json` },
  // Outside the checkout: a sandbox inside it would be a nested project to biome and tsc.
  tempDirName: join(tmpdir(), 'memobench-stryker', name),
  cleanTempDir: true,
  thresholds: { high: 95, low: 90, break: 90 },
};
