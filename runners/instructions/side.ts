import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheMode, InstructionCell, InstructionLadderPlan } from '../../lib/types.ts';
import { SEGMENT_PATTERN } from './constants.ts';
import { cellsOf } from './per-op.ts';
import { runHarness } from './valgrind.ts';

/** A ladder as both revisions run it: the suite's file (its bundle's name) and the cells' plans. */
export type PlannedLadder = Omit<InstructionLadderPlan, 'bundle'> & { file: string };

/** What is the same for every process of a comparison: this checkout's harness, addon and settings. */
export interface HarnessFiles {
  harness: string;
  operation: string;
  addon: string;
  seed: number;
  cache_mode: CacheMode;
}

/**
 * How a side's ladders are split into processes (each warms all its cells up, then measures them):
 * - `screening`: all in one process (cheap; a cell's state when measured depends on everything
 *   warmed up before it, and a few cells per run move by 1-3% between runs of one revision).
 * - `confirmation`: a process per ladder (costs a process start per ladder, about 5 s of CPU;
 *   bit-identical in every A/A, and its figures equal the screening's where that was undisturbed).
 */
export type SideLayout = 'screening' | 'confirmation';

/** Process slots shared by every side of a comparison: at most `jobs` valgrind processes at once. */
export function processSlots(jobs: number): () => Promise<() => void> {
  let free = Math.max(1, jobs);
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) free++;
    else next();
  };
  return () =>
    new Promise((resolve) => {
      if (free > 0) {
        free--;
        resolve(release);
      } else waiting.push(() => resolve(release));
    });
}

/** A side's cells in plan order, and what its processes cost. */
export interface SideRun {
  cells: InstructionCell[];
  /** CPU time of its valgrind processes, s. */
  cpu_s: number;
  processes: number;
}

/**
 * Measures `ladders` of the revision whose suite bundles are in `bundles`, in processes under
 * `dir` (named alike on both sides, so that the plans both sides read have the same bytes but for
 * the side's folder name, of the same length), each holding one of `slots` while it runs.
 */
export async function measureSide(options: {
  files: HarnessFiles;
  bundles: string;
  ladders: readonly PlannedLadder[];
  layout: SideLayout;
  dir: string;
  slots: () => Promise<() => void>;
  signal?: AbortSignal;
}): Promise<SideRun> {
  const { files, bundles, ladders, layout, dir, slots } = options;
  const groups = layout === 'screening' ? [ladders] : ladders.map((ladder) => [ladder]);
  let cpu = 0;
  const one = async (group: readonly PlannedLadder[], index: number): Promise<InstructionCell[]> => {
    const release = await slots();
    try {
      const processDir = join(dir, `p${String(index).padStart(4, '0')}`);
      await mkdir(processDir, { recursive: true });
      const run = await runHarness(
        {
          addon: files.addon,
          operation: files.operation,
          seed: files.seed,
          cache_mode: files.cache_mode,
          pattern: SEGMENT_PATTERN,
          ladders: group.map(({ file, ...ladder }) => ({ ...ladder, bundle: join(bundles, file) })),
        },
        processDir,
        files.harness,
        options.signal,
      );
      cpu += run.cpu_s;
      return cellsOf(run.manifest, run.parts);
    } finally {
      release();
    }
  };
  const results = await Promise.all(groups.map(one));
  return { cells: results.flat(), cpu_s: cpu, processes: groups.length };
}
