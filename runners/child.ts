/**
 * Entry point of a child process: climbs (or measures again) one ladder and sends each cell to the
 * parent over IPC.
 * Started by runners/isolated.ts with --expose-gc (and --stack-size when asked), from the sources
 * through tsx or compiled (runners/child-code.ts), so each
 * suite x variant gets a fresh V8: no JIT state, megamorphic call sites or heap from other cells.
 */
import { pathToFileURL } from 'node:url';
import { messageOf } from '../lib/errors.ts';
import type { Suite } from '../lib/types.ts';
import { backend } from './backends.ts';
import { InputStore } from './inputs.ts';
import { loadCountingCode } from './instrumented.ts';
import { climbLadder } from './ladder.ts';
import type { ChildMessage, ChildTask, ParentMessage } from './protocol.ts';

const send = (message: ChildMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

// Without its parent there is nobody to report to.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group; the parent decides (it kills this child), so a child
// never dies of it on its own, which would look like a crash of the cell.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

/**
 * Loads what a task needs: the suite, the counting copy (first round only: later rounds count
 * nothing) and the backend. This runs as soon as the task arrives, while another child may be
 * measuring, so none of it may disturb a measurement: it only imports.
 */
async function prepare(task: ChildTask) {
  const definition = (await import(pathToFileURL(task.suite_module).href)).default;
  const suite: Suite = { ...definition, file: task.suite_file, path: task.suite_module };
  return {
    suite,
    measure: await backend(task.runner),
    counting:
      task.phase === 'discover' ? await loadCountingCode(task.suite_module, task.memoize_module) : undefined,
  };
}

/** Resolves when the parent says `go`. */
const go = new Promise<void>((resolve) => {
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'go') resolve();
  });
});

process.on('message', async (message: ParentMessage) => {
  if (message.type !== 'task') return;
  const { task } = message;
  // Settled either way before `go`: a failure to load is reported once the parent listens.
  const prepared = await prepare(task).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await go;
  try {
    if ('error' in prepared) throw prepared.error;
    const { suite, measure, counting } = prepared.value;
    const cells = climbLadder({
      suite,
      variant: task.variant,
      sizes: task.sizes,
      options: task.options,
      runner: task.runner,
      inputs: new InputStore(suite, task.options.seed),
      measure,
      phase: task.phase,
      known: task.known,
      instances: task.instances,
      ...(counting === undefined ? {} : { counting }),
      onCellStart: (n) => void send({ type: 'start', n }),
      // Awaited: the parent must know the call has started before it starts (its deadline), and
      // that it has ended before anything slower (the counting pass) runs.
      onVerify: ({ type, n }) => send({ type: type === 'start' ? 'verify-start' : 'verify-end', n }),
    });
    for await (const cell of cells) await send({ type: 'cell', cell });
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'fatal', message: messageOf(error) });
  }
  process.disconnect();
});
