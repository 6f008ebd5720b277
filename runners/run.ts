import { join } from 'node:path';
import { variantNames } from '../lib/define-suite.ts';
import { writeResults } from '../lib/results-file.ts';
import type { Cell, Measure, Results, RunOptions, Suite } from '../lib/types.ts';
import { writeCsv } from '../reports/write-reports.ts';
import { readEnvironment } from './environment.ts';
import { InputStore } from './inputs.ts';
import { climbLadder } from './ladder.ts';
import { countCells, type LadderPlan } from './plan.ts';
import { createProgress, type ProgressSink } from './progress.ts';
import { measureWithTinybench } from './tinybench.ts';

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
  /** The timing backend; tinybench unless a test injects another. */
  measure?: Measure;
}

/** Statuses that mean a variant or suite is wrong, not just slow or deep: the run exits 1 on them. */
export const FAILURE_STATUSES: ReadonlySet<Cell['status']> = new Set(['wrong-answer', 'error']);

/**
 * Runs every planned ladder in this process and rewrites results.json and results.csv after each
 * cell, so an interrupted run leaves valid files with what it finished.
 */
export async function runBench(request: RunRequest): Promise<Results> {
  const { options, suites, plan, dir } = request;
  const started = Date.now();
  const results: Results = {
    schema_version: 1,
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
    })),
    cells: [],
    elapsed_ms: 0,
    complete: false,
  };
  const save = async () => {
    results.elapsed_ms = Date.now() - started;
    await writeResults(join(dir, 'results.json'), results);
    await writeCsv(dir, results);
  };
  await save();

  const progress = request.progress === undefined ? undefined : createProgress(request.progress);
  const stores = new Map<string, InputStore<unknown>>();
  const total = countCells(plan);
  for (const ladder of plan) {
    let inputs = stores.get(ladder.suite.id);
    if (inputs === undefined) {
      inputs = new InputStore(ladder.suite, options.seed);
      stores.set(ladder.suite.id, inputs);
    }
    const cells = climbLadder({
      suite: ladder.suite,
      variant: ladder.variant,
      sizes: ladder.sizes,
      options,
      inputs,
      measure: request.measure ?? measureWithTinybench,
      onCellStart: (n) =>
        progress?.update({
          index: results.cells.length + 1,
          total,
          suite: ladder.suite.id,
          variant: ladder.variant,
          n,
          elapsed_ms: Date.now() - started,
        }),
    });
    for await (const cell of cells) {
      results.cells.push(cell);
      await save();
    }
  }
  progress?.done();
  results.complete = true;
  await save();
  return results;
}
