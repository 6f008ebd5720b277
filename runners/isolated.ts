import { type ChildProcess, fork } from 'node:child_process';
import type { Cell, RunOptions, SkipReason } from '../lib/types.ts';
import { type ChildCode, SOURCE_CODE } from './child-code.ts';
import { watchStderr } from './child-stderr.ts';
import { DEADLINE_SLACK_MS } from './constants.ts';
import type { Job } from './jobs.ts';
import type { ChildMessage, ChildTask, ParentMessage } from './protocol.ts';

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
 * started while the parent is still busy (another child measuring) without disturbing anything.
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

/** The task each child started ahead was given (assignTask), so that runIsolated does not send it twice. */
const assigned = new WeakMap<ChildProcess, ChildTask>();

/** The task of one job for a child running `code`. */
export function taskOf(job: Job, options: RunOptions, code: ChildCode = SOURCE_CODE): ChildTask {
  const { ladder, runner } = job;
  return {
    suite_module: code.suiteModule(ladder.suite.path),
    memoize_module: code.memoizeModule,
    suite_file: ladder.suite.file,
    variant: ladder.variant,
    sizes: job.sizes,
    options,
    runner,
    phase: job.phase,
    known: job.known,
    instances: job.instances,
  };
}

/**
 * Gives a child started ahead its task now, so it loads the suite's code while another child
 * measures; it measures only once runIsolated says `go`.
 */
export function assignTask(child: ChildProcess, task: ChildTask): void {
  assigned.set(child, task);
  // A child that is already gone cannot take its task; runIsolated reports it as crashed.
  child.send({ type: 'task', task } satisfies ParentMessage, () => undefined);
}

/** Whether two tasks are the same job (a child's assigned task must be the one it is run for). */
function sameJob(a: ChildTask, b: ChildTask): boolean {
  return (
    a.suite_module === b.suite_module &&
    a.variant === b.variant &&
    a.runner === b.runner &&
    a.phase === b.phase &&
    a.sizes.join() === b.sizes.join()
  );
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
  | { type: 'deadline'; n: number }
  | { type: 'abort' };

/** One job in a child process. */
export interface IsolatedRun {
  job: Job;
  options: RunOptions;
  /** The code the child runs (the sources, or their compiled copy); SOURCE_CODE by default. */
  code?: ChildCode;
  /** A child started earlier with spawnChild and the same `code`, maybe given this job's task already (assignTask); a new one by default. */
  child?: ChildProcess;
  /** Aborting kills the child; the unfinished cell is dropped. */
  signal?: AbortSignal;
  /** Called when the child starts a size (progress display). */
  onCellStart?: (n: number) => void;
}

/**
 * Runs one job in a child process, yielding its cells. In the discover phase the verified call of
 * each size runs under a deadline, the budget plus DEADLINE_SLACK_MS: a call not done by then gets
 * the child killed and the cell `over-budget` (what was seen: how long it had run), and the sizes
 * above are skipped for the budget. A cell that takes longer than `cell_timeout_ms` gets the child
 * killed and status `timeout`; a child that dies gets `crashed` with its exit code or signal and
 * the line of its stderr that says why (child-stderr.ts). Either way the sizes above are yielded as
 * skipped, and the run goes on.
 */
export async function* runIsolated(run: IsolatedRun): AsyncGenerator<Cell> {
  const { job, options, signal, onCellStart } = run;
  const code = run.code ?? SOURCE_CODE;
  const child = run.child ?? spawnChild(options, code);
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
  const task = taskOf(job, options, code);
  const given = assigned.get(child);
  if (given === undefined) assignTask(child, task);
  else if (!sameJob(given, task))
    throw new Error(`a child given ${given.variant} was run for ${task.variant}`);
  child.send({ type: 'go' } satisfies ParentMessage, () => undefined);
  const onAbort = () => events.push({ type: 'abort' });
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();

  const remaining = [...job.sizes];
  let current: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** The verified call under way and when the parent heard it start (performance.now(), ms). */
  let verifying: { n: number; since: number } | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const skipRest = function* (reason: SkipReason, message: string): Generator<Cell> {
    for (const n of remaining) yield { ...base, n, status: 'skipped', skip_reason: reason, message };
    remaining.length = 0;
  };
  const take = (n: number) => remaining.splice(remaining.indexOf(n), 1);
  try {
    for (;;) {
      const event = await events.next();
      if (event.type === 'start') {
        current = event.n;
        onCellStart?.(event.n);
        clearTimeout(timer);
        timer = setTimeout(() => events.push({ type: 'timeout', n: event.n }), options.cell_timeout_ms);
      } else if (event.type === 'verify-start') {
        if (job.phase !== 'discover') continue;
        verifying = { n: event.n, since: performance.now() };
        // The deadline is queued behind whatever the child sent meanwhile: setImmediate runs after
        // the event loop has read the IPC pipe, so a call that ended in time is not stopped because
        // its end was still unread.
        deadline = setTimeout(
          () => setImmediate(() => events.push({ type: 'deadline', n: event.n })),
          options.budget_ms + DEADLINE_SLACK_MS,
        );
      } else if (event.type === 'verify-end') {
        clearTimeout(deadline);
        verifying = undefined;
      } else if (event.type === 'deadline') {
        if (verifying?.n !== event.n) continue;
        child.kill('SIGKILL');
        take(event.n);
        const ranMs = performance.now() - verifying.since;
        yield {
          ...base,
          n: event.n,
          status: 'over-budget',
          verify_ms: ranMs,
          message: `one call ran longer than the ${options.budget_ms} ms budget and was stopped after ${ranMs.toPrecision(3)} ms`,
        };
        yield* skipRest(
          'budget',
          `one call ran longer than ${options.budget_ms} ms at n = ${event.n} and was stopped`,
        );
        return;
      } else if (event.type === 'cell') {
        clearTimeout(timer);
        take(event.cell.n);
        current = undefined;
        yield event.cell;
      } else if (event.type === 'done' || event.type === 'abort') {
        // On abort the unfinished cell is dropped: the ladder is not finished, and a resume runs it again.
        return;
      } else if (event.type === 'timeout') {
        // A time-out queued just before its cell arrived is stale.
        if (event.n !== current) continue;
        child.kill('SIGKILL');
        take(event.n);
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
        take(n);
        yield { ...base, n, status: 'crashed', message: why };
        yield* skipRest('crashed', `crashed at n = ${n}`);
        return;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    clearTimeout(timer);
    clearTimeout(deadline);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** What a `crashed` cell says about a child that died: how, and why when its stderr told. */
function deathMessage(code: number | null, signal: NodeJS.Signals | null, cause: string | undefined): string {
  const how = `child process died (${signal ?? `exit code ${code}`})`;
  return cause === undefined ? how : `${how}: ${cause}`;
}
