import type { Profile, RunOptions } from '../lib/types.ts';

/** Measurement settings a profile implies, unless the command line overrides them. */
export type ProfileSettings = Pick<
  RunOptions,
  'budget_ms' | 'time_ms' | 'warmup_ms' | 'min_samples' | 'cell_timeout_ms' | 'memory_readings'
>;

/**
 * The cell time-out must exceed the longest legitimate cell: a call up to 20x the budget (the
 * hopeless limit), repeated for verification, counting, the minimum samples and memory.
 *
 * quick: a first look at every suite in a few minutes (no memory pass: it is a third of a cell's
 * cost; the other profiles measure memory); default: the numbers the README quotes;
 * full: long ladders and many samples, for a quiet machine and some patience. ci: small fixed
 * sizes and a budget no variant reaches, so every machine runs the same cells.
 */
export const PROFILE_SETTINGS = {
  quick: {
    budget_ms: 50,
    time_ms: 15,
    warmup_ms: 5,
    min_samples: 8,
    cell_timeout_ms: 60_000,
    memory_readings: 0,
  },
  default: {
    budget_ms: 500,
    time_ms: 250,
    warmup_ms: 50,
    min_samples: 12,
    cell_timeout_ms: 300_000,
    memory_readings: 3,
  },
  full: {
    budget_ms: 3000,
    time_ms: 1000,
    warmup_ms: 100,
    min_samples: 20,
    cell_timeout_ms: 1_800_000,
    memory_readings: 5,
  },
  ci: {
    budget_ms: 60_000,
    time_ms: 15,
    warmup_ms: 5,
    min_samples: 10,
    cell_timeout_ms: 120_000,
    memory_readings: 1,
  },
} as const satisfies Record<Profile, ProfileSettings>;

/** The default seed of the input generator (any integer works; the same seed gives the same inputs). */
export const DEFAULT_SEED = 20261124;
