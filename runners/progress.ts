import { formatElapsed } from '../lib/format.ts';

/** Where progress lines go: a terminal gets one line rewritten in place, anything else a line per cell. */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** What the progress line shows about the cell being run. */
export interface ProgressState {
  /** 1-based index of the current cell. */
  index: number;
  total: number;
  suite: string;
  variant: string;
  n: number;
  /** Time since the run started, ms. */
  elapsed_ms: number;
}

/**
 * The estimate of the remaining time, ms: mean time per cell so far times the cells left. Skipped
 * cells cost nothing, so this errs on the long side.
 */
export function estimateRemainingMs(
  state: Pick<ProgressState, 'index' | 'total' | 'elapsed_ms'>,
): number | undefined {
  const done = state.index - 1;
  if (done < 1) return undefined;
  return (state.elapsed_ms / done) * (state.total - done);
}

/** One progress line: cell x of y, which cell, elapsed time and the estimate. */
export function progressLine(state: ProgressState): string {
  const remaining = estimateRemainingMs(state);
  const estimate = remaining === undefined ? '' : `, ~${formatElapsed(remaining)} left (estimate)`;
  return `[${state.index}/${state.total}] ${state.suite} / ${state.variant} / n = ${state.n}  (${formatElapsed(state.elapsed_ms)} elapsed${estimate})`;
}

/** Writes progress lines to `sink`; on a terminal the line is rewritten in place. */
export function createProgress(sink: ProgressSink): { update(state: ProgressState): void; done(): void } {
  let shown = false;
  return {
    update(state) {
      const line = progressLine(state);
      if (sink.isTTY) {
        sink.write(`\r\x1b[2K${line}`);
        shown = true;
      } else {
        sink.write(`${line}\n`);
      }
    },
    done() {
      if (shown) sink.write('\r\x1b[2K');
    },
  };
}
