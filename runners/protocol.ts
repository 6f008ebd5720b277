import type {
  Cell,
  CountedOperation,
  InstanceMode,
  LadderPhase,
  RunnerName,
  RunOptions,
} from '../lib/types.ts';

/** What the parent sends a child: one ladder to climb (discover) or to measure again. */
export interface ChildTask {
  /** Absolute path of the suite's module to import (the file itself, or its compiled copy). */
  suite_module: string;
  /** Absolute path of lib/memoize's module, imported again for the counting pass. */
  memoize_module: string;
  /** The suite file as shown in messages (relative to the project). */
  suite_file: string;
  variant: string;
  /** The sizes this process runs, ascending. */
  sizes: readonly number[];
  options: RunOptions;
  runner: RunnerName;
  phase: LadderPhase;
  /** What the instrumented pass found in earlier runs, by size (discover phase; the counts cache). */
  known: ReadonlyMap<number, CountedOperation>;
  /** The first round's instance mode per size (measure phase). */
  instances: ReadonlyMap<number, InstanceMode>;
}

/**
 * What the parent sends a child: its task, as soon as it is known (a child started ahead loads the
 * suite's code while another child measures), then `go` when the child may measure. A child
 * measures nothing and sends nothing before `go`.
 */
export type ParentMessage = { type: 'task'; task: ChildTask } | { type: 'go' };

/**
 * What a child sends back, in order: for each size a start, the verified call's start and end
 * (which the parent holds to the budget's deadline in the discover phase), then its cell; then done.
 * A child sends `verify-start` and waits until it is written before it starts the call.
 */
export type ChildMessage =
  | { type: 'start'; n: number }
  | { type: 'verify-start'; n: number }
  | { type: 'verify-end'; n: number }
  | { type: 'cell'; cell: Cell }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
