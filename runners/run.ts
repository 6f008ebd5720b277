import { ladderKey, variantKey } from '../lib/cell-key.ts';
import { variantNames } from '../lib/define-suite.ts';
import { annotateRunnerDiff, mergeCells } from '../lib/merge-processes.ts';
import { SCHEMA_VERSION } from '../lib/results-file.ts';
import type {
  Cell,
  CellStatus,
  FailedCell,
  Measure,
  Results,
  RunnerName,
  RunOptions,
  Suite,
} from '../lib/types.ts';
import { backend, runnersOf } from './backends.ts';
import { compileChildCode, SOURCE_CODE } from './child-code.ts';
import { readEnvironment } from './environment.ts';
import { InputStore } from './inputs.ts';
import { loadCountingCode } from './instrumented.ts';
import { runIsolated, spawnChild } from './isolated.ts';
import { type Job, planJobs } from './jobs.ts';
import { climbLadder } from './ladder.ts';
import type { LadderPlan } from './plan.ts';
import { createProgress, type ProgressSink } from './progress.ts';

/** Everything a run needs. */
export interface RunRequest {
  options: RunOptions;
  /** The selected suites (for their metadata). */
  suites: readonly Suite[];
  plan: readonly LadderPlan[];
  /**
   * Writes the result set so far (results.json and what is derived from it), atomically; called
   * whenever a ladder ends and when the run stops. The run never formats its own output.
   */
  save: (results: Results) => Promise<void>;
  /** The command line, recorded in the environment. */
  command: string;
  progress?: ProgressSink;
  /** Timing backends by name, for in-process runs; tests inject fakes. */
  measure?: (runner: RunnerName) => Promise<Measure>;
  /** Aborting stops the run after killing the current child (or after the current cell in-process); what finished is kept. */
  signal?: AbortSignal;
  /** An interrupted run to finish: its finished ladders are kept, the others run again whole. */
  resume?: Results;
}

/**
 * Statuses that mean a variant or suite is wrong or broke, not just slow or deep: the run exits 1 on
 * them (a stack overflow is a finding about depth). Only failed statuses can be in the set, which is
 * what lets failedCells return FailedCell.
 */
export const FAILURE_STATUSES: ReadonlySet<CellStatus> = new Set<FailedCell['status']>([
  'wrong-answer',
  'error',
  'crashed',
  'timeout',
]);

/**
 * Cells that make a run fail (exit 1). A library's documented default configuration is the subject
 * of the npm memoizer audit: its wrong answer is a finding, recorded and reported as `wrong-answer`
 * and never timed, but not a failure of the run. Every other wrong answer, error, time-out or
 * crash is.
 */
export function failedCells(results: Pick<Results, 'cells' | 'suites'>): FailedCell[] {
  const audited = new Set(
    results.suites.flatMap((suite) =>
      Object.entries(suite.libraries)
        .filter(([, library]) => library.configuration === 'default')
        .map(([variant]) => variantKey({ suite: suite.id, variant })),
    ),
  );
  return results.cells.filter(
    (cell): cell is FailedCell =>
      FAILURE_STATUSES.has(cell.status) && !(cell.status === 'wrong-answer' && audited.has(variantKey(cell))),
  );
}

/** The ladders' order in the result set: as planned (suite, variant), then runner. */
function ladderOrder(plan: readonly LadderPlan[], options: RunOptions): string[] {
  return plan.flatMap((ladder) =>
    runnersOf(options.runner).map((runner) =>
      ladderKey({ suite: ladder.suite.id, variant: ladder.variant, runner }),
    ),
  );
}

/** The results object a new run starts from. */
function freshResults(request: RunRequest, started: number): Results {
  return {
    schema_version: SCHEMA_VERSION,
    tool: 'memobench',
    environment: readEnvironment(request.command, new Date(started)),
    options: request.options,
    suites: request.suites.map((suite) => ({
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
    finished: [],
  };
}

/**
 * Runs every job of the plan (each suite x variant x runner x repeat), in a seeded random order,
 * each in its own child process unless `isolate` is `none`, and rewrites results.json and
 * results.csv (atomically) whenever a ladder ends and when the run stops, so an interrupted run
 * leaves valid files with what it finished. Nothing is written while a child measures: the
 * rewrite of a large results file takes a core for a tenth of a second. The next child is
 * started before the rewrite, so its start-up overlaps it; it waits for its task until then.
 * A ladder counts as finished once all its processes are done; resuming runs the others again
 * from their first size (where a ladder stops depends on its smaller sizes).
 */
export async function runBench(request: RunRequest): Promise<Results> {
  const { options, plan, signal } = request;
  const started = Date.now();
  const previous = request.resume;
  const results = previous === undefined ? freshResults(request, started) : { ...previous, complete: false };
  const finished = new Set(results.finished);
  const raw: Cell[] = results.cells.filter((cell) => finished.has(ladderKey(cell)));
  const order = ladderOrder(plan, options);
  const elapsedBefore = previous?.elapsed_ms ?? 0;
  const save = async () => {
    results.elapsed_ms = elapsedBefore + Date.now() - started;
    results.cells = annotateRunnerDiff(mergeCells(raw, order));
    results.finished = order.filter((key) => finished.has(key));
    await request.save(results);
  };
  await save();

  const progress = request.progress === undefined ? undefined : createProgress(request.progress);
  const jobs = planJobs(plan, options).filter((job) => !finished.has(ladderKey(jobCell(job))));
  const total = jobs.reduce((sum, job) => sum + job.ladder.sizes.length, 0);
  const doneJobs = new Map<string, number>();
  const stores = new Map<string, InputStore<unknown>>();
  let index = 0;
  const isolated = options.isolate === 'process' && jobs.length > 0;
  const code = isolated ? await compileChildCode(jobs.map((job) => job.ladder.suite.path)) : SOURCE_CODE;
  let nextChild = isolated ? spawnChild(options, code) : undefined;
  try {
    for (const [position, job] of jobs.entries()) {
      if (signal?.aborted) break;
      const onCellStart = (n: number) =>
        progress?.update({
          index: ++index,
          total,
          suite: job.ladder.suite.id,
          variant: `${job.ladder.variant}${labelOf(job, options)}`,
          n,
          elapsed_ms: Date.now() - started,
        });
      const cells = isolated
        ? runIsolated(job, options, onCellStart, signal, code, nextChild ?? spawnChild(options, code))
        : await inProcess(job, options, stores, request, onCellStart);
      let count = 0;
      for await (const cell of cells) {
        raw.push(cell);
        count++;
        if (signal?.aborted) break;
      }
      if (count === job.ladder.sizes.length) {
        const key = ladderKey(jobCell(job));
        const processes = (doneJobs.get(key) ?? 0) + 1;
        doneJobs.set(key, processes);
        if (processes === options.repeat) finished.add(key);
      }
      const more = position < jobs.length - 1 && !signal?.aborted;
      nextChild = isolated && more ? spawnChild(options, code) : undefined;
      await save();
    }
  } finally {
    nextChild?.kill('SIGKILL');
    await code.dispose();
  }
  progress?.done();
  results.complete = !signal?.aborted && order.every((key) => finished.has(key));
  await save();
  return results;
}

/** The fields of a job that identify its ladder. */
function jobCell(job: Job) {
  return { suite: job.ladder.suite.id, variant: job.ladder.variant, runner: job.runner };
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
    counting: await loadCountingCode(suite.path, SOURCE_CODE.memoizeModule),
    onCellStart,
  });
}
