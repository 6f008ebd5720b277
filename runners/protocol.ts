import type { Cell, RunnerName, RunOptions } from '../lib/types.ts';

/** What the parent sends a child: one ladder to climb. */
export interface ChildTask {
  /** Absolute path of the suite's module to import (the file itself, or its compiled copy). */
  suite_module: string;
  /** Absolute path of lib/memoize's module, imported again for the counting pass. */
  memoize_module: string;
  /** The suite file as shown in messages (relative to the project). */
  suite_file: string;
  variant: string;
  sizes: readonly number[];
  options: RunOptions;
  runner: RunnerName;
}

/** What a child sends back, in order: for each size a start then a cell; then done. */
export type ChildMessage =
  | { type: 'start'; n: number }
  | { type: 'cell'; cell: Cell }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
