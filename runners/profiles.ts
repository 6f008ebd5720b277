import { MIN_PROCESSES, TARGET_HALF_WIDTH_PCT } from '../lib/interval-constants.ts';
import type { Profile, RunOptions } from '../lib/types.ts';

/** Measurement settings a profile implies, unless the command line overrides them. */
export type ProfileSettings = Pick<
  RunOptions,
  | 'budget_ms'
  | 'time_ms'
  | 'warmup_ms'
  | 'min_samples'
  | 'cell_timeout_ms'
  | 'memory_readings'
  | 'min_processes'
  | 'max_processes'
  | 'target_half_width_pct'
>;

/**
 * The knobs of each profile. Processes, not samples, are the unit of repetition: each ladder runs in
 * `min_processes` to `max_processes` fresh processes (rounds), each sampling every cell briefly
 * (`time_ms`, at least `min_samples` samples), and stops adding processes once every timed cell's
 * 95% prediction interval for another run (lib/process-interval.ts) is within `target_half_width_pct`
 * (runners/precision.ts, lib/adaptive-stop.ts). A run's
 * duration is roughly ladders x processes x (start-up + the cells' sampling), so `time_ms`,
 * `min_samples` (which decides the cost of cells whose calls are long) and the process range are
 * what to turn; `target_half_width_pct` decides how often a ladder needs more than the fewest.
 *
 * The target is a prediction interval, √2 wider than a confidence interval of the same processes:
 * ±2% is out of reach for nearly every cell even at 8 processes, so the default target is the stats'
 * calibrated ±5% (lib/interval-constants.ts: it separates the 10% differences the findings discuss).
 *
 * quick: a first look at every suite within 90 s: a 20 ms budget, 5 ms of samples per cell and
 * process (at least 3), no memory pass (a third of a cell's cost), and exactly two processes per
 * ladder: with two, a prediction interval rests mostly on the run's prior and is about ±16% in the
 * median cell, so a third process for a ±10% target was run for every ladder and bought little.
 * default: the numbers the README quotes, within 15 minutes: a 100 ms budget (a ladder's cost is
 * mostly its last sizes, near the budget, so the budget sets the run's length), 25 ms of samples per
 * cell and process (at least 3: processes, not samples, are the unit of repetition), two memory
 * readings, 3 to 4 processes to ±5% (a fifth was run for nearly every ladder and narrowed
 * intervals the calibration did not need narrower). full: long ladders and 5 to 10 processes, for a quiet machine
 * and some patience. ci: small fixed sizes and a budget no variant reaches, so every
 * machine runs the same cells, in one process: the committed baseline then keeps no process
 * medians, so on a machine of the baseline's class the check gives no time verdict it cannot back
 * (a same-machine verdict needs `bench:check -- --processes 2` or more on both sides, or `ab`).
 *
 * The cell time-out must exceed the longest legitimate cell: a verified call up to the budget, the
 * counting pass (up to COUNTING_LIMIT_FACTOR budgets), the minimum samples and memory. The values
 * of `time_ms`, `min_samples` and the process ranges are first settings, to be measured on a quiet
 * machine against the targets (quick within 90 s, default within 15 min on 2 cores).
 */
export const PROFILE_SETTINGS = {
  quick: {
    budget_ms: 20,
    time_ms: 5,
    warmup_ms: 1,
    min_samples: 3,
    cell_timeout_ms: 60_000,
    memory_readings: 0,
    min_processes: 2,
    max_processes: 2,
    target_half_width_pct: 10,
  },
  default: {
    budget_ms: 100,
    time_ms: 25,
    warmup_ms: 5,
    min_samples: 3,
    cell_timeout_ms: 300_000,
    memory_readings: 2,
    min_processes: MIN_PROCESSES,
    max_processes: 4,
    target_half_width_pct: TARGET_HALF_WIDTH_PCT,
  },
  full: {
    budget_ms: 3000,
    time_ms: 150,
    warmup_ms: 30,
    min_samples: 8,
    cell_timeout_ms: 1_800_000,
    memory_readings: 5,
    min_processes: 5,
    max_processes: 10,
    target_half_width_pct: TARGET_HALF_WIDTH_PCT,
  },
  ci: {
    budget_ms: 60_000,
    time_ms: 15,
    warmup_ms: 5,
    min_samples: 10,
    cell_timeout_ms: 120_000,
    memory_readings: 1,
    min_processes: 1,
    max_processes: 1,
    target_half_width_pct: 5,
  },
} as const satisfies Record<Profile, ProfileSettings>;

/** The default seed of the input generator (any integer works; the same seed gives the same inputs). */
export const DEFAULT_SEED = 20261124;
