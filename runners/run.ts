import type { ChildProcess } from 'node:child_process';
import { ladderKey, variantKey } from '../lib/cell-key.ts';
import { isOk } from '../lib/cells.ts';
import { variantNames } from '../lib/define-suite.ts';
import { annotateRunnerDiff, mergeCells } from '../lib/merge-processes.ts';
import { SCHEMA_VERSION } from '../lib/results-file.ts';
import type {
  Cell,
  CellStatus,
  CountedOperation,
  FailedCell,
  Measure,
  Results,
  RunnerName,
  RunOptions,
  Suite,
} from '../lib/types.ts';
import { backend, runnersOf } from './backends.ts';
import { type ChildCode, compileChildCode, SOURCE_CODE } from './child-code.ts';
import { SAVE_INTERVAL_MS } from './constants.ts';
import { type CountsStore, countingCodeKeys } from './counts-cache.ts';
import { readEnvironment } from './environment.ts';
import { estimateRemainingMs } from './estimate.ts';
import { InputStore } from './inputs.ts';
import { loadCountingCode } from './instrumented.ts';
import { assignTask, runIsolated, spawnChild, taskOf } from './isolated.ts';
import { type Job, shuffleRound } from './jobs.ts';
import { climbLadder } from './ladder.ts';
import type { LadderPlan } from './plan.ts';
import { runPrior } from './precision.ts';
import { createProgress, type ProgressSink } from './progress.ts';
import { afterProcess, jobOf, type LadderRounds, seeCell, startRounds } from './rounds.ts';

/** Everything a run needs. */
export interface RunRequest {
  options: RunOptions;
  /** The selected suites (for their metadata). */
  suites: readonly Suite[];
  plan: readonly LadderPlan[];
  /**
   * Writes the result set so far (results.json and what is derived from it), atomically; called
   * at most every SAVE_INTERVAL_MS while the run goes, and when it stops. The run never formats
   * its own output.
   */
  save: (results: Results) => Promise<void>;
  /** The command line, recorded in the environment. */
  command: string;
  progress?: ProgressSink;
  /** Timing backends by name, for in-process runs, asked once per process; tests inject fakes. */
  measure?: (runner: RunnerName) => Promise<Measure>;
  /** Aborting stops the run after killing the current child (or after the current cell in-process); what finished is kept. */
  signal?: AbortSignal;
  /** An interrupted run to finish: its finished ladders are kept, the others run again whole. */
  resume?: Results;
  /** Exact counts from earlier runs of the same code (runners/counts-cache.ts); none: every counting pass runs. */
  counts?: CountsStore;
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

/** Runs one job and yields its cells: in a child process, or in this one. */
/** Runs one job; `next` is the job after it in the round, when there is one (its child can load ahead). */
type JobRunner = (job: Job, onCellStart: (n: number) => void, next?: Job) => AsyncGenerator<Cell>;

/**
 * Runs the plan in rounds. Round 1 runs every ladder (suite x variant x runner) once, each in a
 * fresh child process (unless `isolate` is `none`), in a seeded shuffled order: it climbs the
 * ladder, verifying, counting, timing and measuring memory. Each later round runs every ladder
 * that is not settled once more, in a new process and a new order, verifying and timing again the
 * sizes round 1 timed. A ladder settles at `max_processes`, or from `min_processes` on once every
 * timed size is precise (runners/precision.ts). One spare child is always starting while another
 * measures. Results are written at most every SAVE_INTERVAL_MS and when the run stops, atomically,
 * so an interrupted run leaves valid files with what it finished; a ladder counts as finished once
 * it is settled, and resuming runs the others again from round 1.
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
  let savedAt = Number.NEGATIVE_INFINITY;
  const save = async () => {
    results.elapsed_ms = elapsedBefore + Date.now() - started;
    results.cells = annotateRunnerDiff(mergeCells(raw, order));
    results.finished = order.filter((key) => finished.has(key));
    await request.save(results);
    await request.counts?.flush();
    savedAt = Date.now();
  };
  await save();

  let ladders = plan
    .flatMap((ladder) => runnersOf(options.runner).map((runner) => startRounds(ladder, runner)))
    .filter((rounds) => !finished.has(rounds.key));
  const paths = [...new Set(ladders.map((rounds) => rounds.ladder.suite.path))];
  const counts = countsLink(
    request.counts,
    request.counts === undefined ? new Map() : await countingCodeKeys(paths),
    options,
  );
  const isolated = options.isolate === 'process' && ladders.length > 0;
  const code = isolated ? await compileChildCode(paths) : SOURCE_CODE;
  const children = isolated ? spareChildren(options, code) : undefined;
  const runJob: JobRunner =
    children === undefined
      ? inProcess(request)
      : (job, onCellStart, next) =>
          runIsolated({ job, options, code, child: children.take(next), signal, onCellStart });
  const progress = request.progress === undefined ? undefined : createProgress(request.progress);
  try {
    for (let round = 1; round <= options.max_processes && !signal?.aborted; round++) {
      const active = shuffleRound(
        ladders.filter((rounds) => !rounds.settled),
        options.seed,
        round,
      );
      // How much processes of this run differ, from what the earlier rounds measured: refitted once
      // a round (a fit over every cell takes a tenth of a second), used by this round's decisions.
      const prior = runPrior(ladders.flatMap((rounds) => [...rounds.samples.values()]));
      // A round's jobs depend only on each ladder's earlier rounds, so they are known at its start
      // and the child started ahead can load the next one's code while the current one measures.
      const jobs = await Promise.all(
        active.map(async (rounds) => jobOf(rounds, round, await counts.known(rounds))),
      );
      for (const [index, current] of active.entries()) {
        if (signal?.aborted) break;
        const job = jobs[index] as Job;
        let state = current;
        const cells: Cell[] = [];
        const onCellStart = (n: number) =>
          progress?.update({
            round,
            rounds: options.max_processes,
            index: index + 1,
            total: active.length,
            suite: job.ladder.suite.id,
            variant: `${job.ladder.variant}${options.runner === 'both' ? ` (${job.runner})` : ''}`,
            n,
            elapsed_ms: Date.now() - started,
            remaining_ms: estimateRemainingMs(
              ladders.map((rounds) => (rounds === current ? outlookOf(state) : outlookOf(rounds))),
              Date.now() - started,
              options,
            ),
          });
        for await (const cell of runJob(job, onCellStart, jobs[index + 1])) {
          raw.push(cell);
          cells.push(cell);
          state = seeCell(state, cell);
          if (signal?.aborted) break;
        }
        if (cells.length === job.sizes.length) {
          state = afterProcess(state, cells, options, prior);
          if (job.phase === 'discover') counts.record(state, cells);
          if (state.settled) finished.add(state.key);
        }
        ladders = ladders.map((rounds) => (rounds === current ? state : rounds));
        if (Date.now() - savedAt >= SAVE_INTERVAL_MS) await save();
      }
    }
  } finally {
    children?.dispose();
    await code.dispose();
  }
  progress?.done();
  results.complete = !signal?.aborted && order.every((key) => finished.has(key));
  await save();
  return results;
}

/** What the progress estimate needs of a ladder. */
function outlookOf(rounds: LadderRounds) {
  return {
    planned: rounds.ladder.sizes,
    seen: rounds.seen,
    discovered: rounds.discovered !== undefined,
    processes: rounds.processes,
    settled: rounds.settled,
  };
}

/**
 * Children started ahead: one spare is always starting, and is given the next job's task when it
 * is known, so it has loaded that suite's code by the time the current child has measured (the
 * imports run on the other core). The last spare is killed at the end.
 */
function spareChildren(options: RunOptions, code: ChildCode) {
  let spare = spawnChild(options, code);
  return {
    /** The child for the job about to run; `next`, the job after it, goes to the new spare. */
    take(next: Job | undefined): ChildProcess {
      const child = spare;
      spare = spawnChild(options, code);
      if (next !== undefined) assignTask(spare, taskOf(next, options, code));
      return child;
    },
    dispose() {
      spare.kill('SIGKILL');
    },
  };
}

/**
 * The counts cache as one run uses it: what earlier runs of the same code counted for a ladder
 * (round 1 needs it), and what round 1 counts, kept for the next run. Without a store, or for a
 * suite whose code has no key, nothing is known or kept.
 */
function countsLink(
  store: CountsStore | undefined,
  codeKeys: ReadonlyMap<string, string>,
  options: Pick<RunOptions, 'cache_mode' | 'seed'>,
) {
  const where = (rounds: LadderRounds) => {
    const key = codeKeys.get(rounds.ladder.suite.path);
    if (store === undefined || key === undefined) return undefined;
    return {
      store,
      key,
      ladder: { variant: rounds.ladder.variant, cache_mode: options.cache_mode, seed: options.seed },
    };
  };
  return {
    async known(rounds: LadderRounds): Promise<Map<number, CountedOperation>> {
      const found = where(rounds);
      if (found === undefined || rounds.discovered !== undefined) return new Map();
      return found.store.known(found.key, found.ladder);
    },
    record(rounds: LadderRounds, cells: readonly Cell[]): void {
      const found = where(rounds);
      if (found === undefined) return;
      for (const cell of cells.filter(isOk)) {
        if (cell.calls === undefined || cell.instance === undefined) continue;
        const { calls, cache_hits = 0, cache_misses = 0, cache_entries = 0, max_depth = 0 } = cell;
        found.store.record(found.key, found.ladder, cell.n, {
          counts: { calls, cache_hits, cache_misses, cache_entries, max_depth },
          instance: cell.instance,
        });
      }
    },
  };
}

/**
 * Jobs in this process (`--isolate none`): one input store per suite shared by its ladders, the
 * counting copy of each suite, and a backend asked for per job (one "process" each).
 */
function inProcess(request: RunRequest): JobRunner {
  const stores = new Map<string, InputStore<unknown>>();
  return async function* (job, onCellStart) {
    const { suite } = job.ladder;
    let inputs = stores.get(suite.id);
    if (inputs === undefined) {
      inputs = new InputStore(suite, request.options.seed);
      stores.set(suite.id, inputs);
    }
    yield* climbLadder({
      suite,
      variant: job.ladder.variant,
      sizes: job.sizes,
      options: request.options,
      runner: job.runner,
      inputs,
      measure: await (request.measure ?? backend)(job.runner),
      phase: job.phase,
      known: job.known,
      instances: job.instances,
      counting: await loadCountingCode(suite.path, SOURCE_CODE.memoizeModule),
      onCellStart,
      predictGuard: true,
    });
  };
}
