import { formatElapsed } from '../lib/format.ts';

/** Where progress lines go: a terminal gets one line rewritten in place, anything else a line per cell. */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** What the progress line shows about the cell being run. */
export interface ProgressState {
  /** 1-based round: every ladder still measuring runs once per round, in a process of its own. */
  round: number;
  /** Rounds at most (the most processes per ladder). */
  rounds: number;
  /** 1-based position of the current ladder in its round. */
  index: number;
  /** Ladders in this round. */
  total: number;
  suite: string;
  variant: string;
  n: number;
  /** Time since the run started, ms. */
  elapsed_ms: number;
  /** Estimated time left, ms (runners/estimate.ts), when there is an estimate. */
  remaining_ms?: number;
}

/** One progress line: round, ladder x of y, which cell, elapsed time and the estimate. */
export function progressLine(state: ProgressState): string {
  const where = state.rounds > 1 ? `round ${state.round}/${state.rounds}, ` : '';
  const estimate =
    state.remaining_ms === undefined ? '' : `, ~${formatElapsed(state.remaining_ms)} left (estimate)`;
  return `[${where}${state.index}/${state.total}] ${state.suite} / ${state.variant} / n = ${state.n}  (${formatElapsed(state.elapsed_ms)} elapsed${estimate})`;
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
