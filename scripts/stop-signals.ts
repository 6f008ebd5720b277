import { relative } from 'node:path';
import { EXIT } from './cli-kit.ts';

/** The signals that stop a run. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/**
 * Ctrl-C and SIGTERM stop a run in `dir` (bench, advise): the controller aborts, so the current
 * child is killed, every finished cell stays in the (atomically written) files, and the command
 * exits with 128 + the signal. A second signal exits at once. Returns which signal came, if any.
 */
export function handleSignals(dir: string, controller: AbortController): () => StopSignal | undefined {
  let received: StopSignal | undefined;
  const shown = relative('.', dir) || dir;
  const onSignal = (signal: StopSignal) => {
    if (received !== undefined) process.exit(EXIT[signal]);
    received = signal;
    process.stderr.write(
      `\nmemobench: ${signal}: stopping; finished cells are kept in ${shown} (finish with --resume ${shown})\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => received;
}
