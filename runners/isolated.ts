import { type ChildProcess, fork } from 'node:child_process';
import type { Cell, RunOptions, SkipReason } from '../lib/types.ts';
import { type ChildCode, SOURCE_CODE } from './child-code.ts';
import { watchStderr } from './child-stderr.ts';
import type { Job } from './jobs.ts';
import type { ChildMessage, ChildTask } from './protocol.ts';

/** Node flags of a child: GC exposed for memory figures, the code's loader (tsx for sources), the asked stack size. */
export function childExecArgv(
  options: Pick<RunOptions, 'stack_size_kb'>,
  code: ChildCode = SOURCE_CODE,
): string[] {
  const stack = options.stack_size_kb === null ? [] : [`--stack-size=${options.stack_size_kb}`];
  return [...stack, '--expose-gc', ...code.loader];
}

/**
 * Starts a child process. It loads the runner's code and then waits for its task, so it can be
 * started while the parent is still busy (saving the last ladder) without disturbing a measurement.
 */
export function spawnChild(
  options: Pick<RunOptions, 'stack_size_kb'>,
  code: ChildCode = SOURCE_CODE,
): ChildProcess {
  return fork(code.entry, [], {
    execArgv: childExecArgv(options, code),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
}

/** A small queue between the child's message events and the generator that yields cells. */
function channel<T>() {
  const items: T[] = [];
  let wake: (() => void) | undefined;
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    async next(): Promise<T> {
      while (items.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return items.shift() as T;
    },
  };
}

type Event =
  | ChildMessage
  | { type: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { type: 'timeout'; n: number }
  | { type: 'abort' };

/**
 * Climbs one job's ladder in a child process, yielding its cells. A cell that takes longer than
 * `cell_timeout_ms` gets the child killed and status `timeout`; a child that dies gets `crashed`
 * with its exit code or signal and the line of its stderr that says why (child-stderr.ts). Either
 * way the sizes above are yielded as skipped, and the run goes on. `child` may have been started
 * earlier (spawnChild, with the same `code`).
 */
export async function* runIsolated(
  job: Job,
  options: RunOptions,
  onCellStart?: (n: number) => void,
  signal?: AbortSignal,
  code: ChildCode = SOURCE_CODE,
  child: ChildProcess = spawnChild(options, code),
): AsyncGenerator<Cell> {
  const { ladder, runner } = job;
  const base = {
    suite: ladder.suite.id,
    variant: ladder.variant,
    runner,
    cache_mode: options.cache_mode,
  } as const;
  const events = channel<Event>();
  const stderr = watchStderr(child.stderr);
  child.on('message', (message: ChildMessage) => events.push(message));
  child.on('exit', (code, signal) => events.push({ type: 'exit', code, signal }));
  // A child started ahead may have died before anyone listened (its stderr is still buffered).
  if (child.exitCode !== null || child.signalCode !== null) {
    events.push({ type: 'exit', code: child.exitCode, signal: child.signalCode });
  }
  const task: ChildTask = {
    suite_module: code.suiteModule(ladder.suite.path),
    memoize_module: code.memoizeModule,
    suite_file: ladder.suite.file,
    variant: ladder.variant,
    sizes: ladder.sizes,
    options,
    runner,
  };
  // A child that is already gone cannot take its task; its exit event reports it as crashed.
  child.send(task, () => undefined);
  const onAbort = () => events.push({ type: 'abort' });
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();

  const remaining = [...ladder.sizes];
  let current: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const skipRest = function* (reason: SkipReason, message: string): Generator<Cell> {
    for (const n of remaining) yield { ...base, n, status: 'skipped', skip_reason: reason, message };
    remaining.length = 0;
  };
  try {
    for (;;) {
      const event = await events.next();
      if (event.type === 'start') {
        current = event.n;
        onCellStart?.(event.n);
        clearTimeout(timer);
        timer = setTimeout(() => events.push({ type: 'timeout', n: event.n }), options.cell_timeout_ms);
      } else if (event.type === 'cell') {
        clearTimeout(timer);
        remaining.splice(remaining.indexOf(event.cell.n), 1);
        current = undefined;
        yield event.cell;
      } else if (event.type === 'done' || event.type === 'abort') {
        // On abort the unfinished cell is dropped: the ladder is not finished, and a resume runs it again.
        return;
      } else if (event.type === 'timeout') {
        // A time-out queued just before its cell arrived is stale.
        if (event.n !== current) continue;
        child.kill('SIGKILL');
        remaining.splice(remaining.indexOf(event.n), 1);
        yield {
          ...base,
          n: event.n,
          status: 'timeout',
          message: `no result after ${options.cell_timeout_ms} ms; the child process was killed`,
        };
        yield* skipRest('timeout', `timed out at n = ${event.n}`);
        return;
      } else {
        // 'fatal' (the child could not even load the suite) or an exit before 'done'.
        const n = current ?? remaining[0];
        if (n === undefined) return;
        const why =
          event.type === 'fatal'
            ? event.message
            : deathMessage(event.code, event.signal, await stderr.cause());
        remaining.splice(remaining.indexOf(n), 1);
        yield { ...base, n, status: 'crashed', message: why };
        yield* skipRest('crashed', `crashed at n = ${n}`);
        return;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** What a `crashed` cell says about a child that died: how, and why when its stderr told. */
function deathMessage(code: number | null, signal: NodeJS.Signals | null, cause: string | undefined): string {
  const how = `child process died (${signal ?? `exit code ${code}`})`;
  return cause === undefined ? how : `${how}: ${cause}`;
}
