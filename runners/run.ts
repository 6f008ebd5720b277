import { join } from 'node:path';
import { variantNames } from '../lib/define-suite.ts';
import { SCHEMA_VERSION, writeResults } from '../lib/results-file.ts';
import type { Cell, Measure, Results, RunnerName, RunOptions, Suite } from '../lib/types.ts';
import { writeCsv } from '../reports/write-reports.ts';
import { backend, runnersOf } from './backends.ts';
import { readEnvironment } from './environment.ts';
import { InputStore } from './inputs.ts';
import { loadCountingCode } from './instrumented.ts';
import { type Job, planJobs } from './jobs.ts';
import { climbLadder } from './ladder.ts';
import { annotateRunnerDiff, mergeCells } from './merge-processes.ts';
import { countCells, type LadderPlan } from './plan.ts';
import { createProgress, type ProgressSink } from './progress.ts';
import { runIsolated } from './isolated.ts';

/** Everything a run needs. */
export interface RunRequest {
  options: RunOptions;
  /** The selected suites (for their metadata). */
  suites: readonly Suite[];
  plan: readonly LadderPlan[];
  /** The run folder, already created and empty. */
  dir: string;
  /** The command line, recorded in the environment. */
  command: string;
  progress?: ProgressSink;
  /** Timing backends by name, for in-process runs; tests inject fakes. */
  measure?: (runner: RunnerName) => Promise<Measure>;
}

/** Statuses that mean a variant or suite is wrong or broke, not just slow or deep: the run exits 1 on them. */
export const FAILURE_STATUSES: ReadonlySet<Cell['status']> = new Set([
  'wrong-answer',
  'error',
  'crashed',
  'timeout',
]);

/** The ladders' order in the result set: as planned (suite, variant), then runner. */
function ladderOrder(plan: readonly LadderPlan[], options: RunOptions): string[] {
  return plan.flatMap((ladder) =>
    runnersOf(options.runner).map((runner) => `${ladder.suite.id}\u0000${ladder.variant}\u0000${runner}`),
  );
}

/**
 * Runs every job of the plan (each suite x variant x runner x repeat), in a seeded random order,
 * each in its own child process unless `isolate` is `none`, and rewrites results.json and
 * results.csv after every cell, so an interrupted run leaves valid files with what it finished.
 */
export async function runBench(request: RunRequest): Promise<Results> {
  const { options, suites, plan, dir } = request;
  const started = Date.now();
  const raw: Cell[] = [];
  const order = ladderOrder(plan, options);
  const results: Results = {
    schema_version: SCHEMA_VERSION,
    tool: 'memobench',
    environment: readEnvironment(request.command, new Date(started)),
    options,
    suites: suites.map((suite) => ({
      id: suite.id,
      title: suite.title,
      description: suite.description,
      recurrence: suite.recurrence,
      complexity: suite.complexity,
      variants: variantNames(suite),
      notes: suite.notes ?? {},
      libraries: suite.libraries ?? {},
    })),
    cells: [],
    elapsed_ms: 0,
    complete: false,
  };
  const save = async () => {
    results.elapsed_ms = Date.now() - started;
    results.cells = annotateRunnerDiff(mergeCells(raw, order));
    await writeResults(join(dir, 'results.json'), results);
    await writeCsv(dir, results);
  };
  await save();

  const progress = request.progress === undefined ? undefined : createProgress(request.progress);
  const jobs = planJobs(plan, options);
  const total = (countCells(plan) * jobs.length) / Math.max(1, plan.length);
  const stores = new Map<string, InputStore<unknown>>();
  for (const job of jobs) {
    const onCellStart = (n: number) =>
      progress?.update({
        index: raw.length + 1,
        total,
        suite: job.ladder.suite.id,
        variant: `${job.ladder.variant}${labelOf(job, options)}`,
        n,
        elapsed_ms: Date.now() - started,
      });
    const cells =
      options.isolate === 'process'
        ? runIsolated(job, options, onCellStart)
        : await inProcess(job, options, stores, request, onCellStart);
    for await (const cell of cells) {
      raw.push(cell);
      await save();
    }
  }
  progress?.done();
  results.complete = true;
  await save();
  return results;
}

/** " (benny, process 2/3)" or "" for the progress line. */
function labelOf(job: Job, options: RunOptions): string {
  const parts = [
    ...(options.runner === 'both' ? [job.runner] : []),
    ...(options.repeat > 1 ? [`process ${job.process}/${options.repeat}`] : []),
  ];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

async function inProcess(
  job: Job,
  options: RunOptions,
  stores: Map<string, InputStore<unknown>>,
  request: RunRequest,
  onCellStart: (n: number) => void,
): Promise<AsyncGenerator<Cell>> {
  const { suite } = job.ladder;
  let inputs = stores.get(suite.id);
  if (inputs === undefined) {
    inputs = new InputStore(suite, options.seed);
    stores.set(suite.id, inputs);
  }
  return climbLadder({
    suite,
    variant: job.ladder.variant,
    sizes: job.ladder.sizes,
    options,
    runner: job.runner,
    inputs,
    measure: await (request.measure ?? backend)(job.runner),
    counting: await loadCountingCode(suite.path),
    onCellStart,
  });
}
