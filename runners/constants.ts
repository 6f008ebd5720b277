/**
 * Tuning constants of the measurement, in one place (mitata's habit). Units are in the names.
 */

/** A call shorter than this is batched: each sample runs enough calls to last about this long, ns. */
export const BATCH_TARGET_NS = 20_000;
/** Upper bound on calls per sample. */
export const MAX_BATCH = 1_000_000;
/** A verified (cold) call at least this long is timed one call per sample without calibration, ms. */
export const NO_CALIBRATION_MS = 1;
/**
 * A cell whose verified call is over the budget is timed with at most this many samples: the fewest
 * whose range [min, max] is a 95% interval of the median (coverage 1 - 2 x 2^-6 = 96.9%).
 */
export const OVER_BUDGET_SAMPLES = 6;
/** How long the batch-size calibration calls the variant, at most, ms. */
export const CALIBRATION_MS = 2;
/** How many per-call samples a cell keeps in results.json (statistics use all of them). */
export const MAX_STORED_SAMPLES = 1_000;
/** tinybench's warm-up runs at least this many iterations. */
export const WARMUP_ITERATIONS = 2;
/** Allocation windows that saw a GC are retried this many times (with fewer runs each time). */
export const ALLOCATION_ATTEMPTS = 4;
/** Allocation of a call below this is re-measured over several calls, to rise above heap granularity, bytes. */
export const ALLOCATION_SAMPLE_BYTES = 256 * 1024;
/** At most this many calls in one allocation window. */
export const MAX_ALLOCATION_REPEAT = 1000;
/** Retained bytes are the median of this many readings. */
export const RETAINED_READINGS = 3;
/**
 * Each retained reading holds enough live instances at once to total about this many bytes
 * (estimated from one call's allocation), and divides by their number: after a full GC, V8's heap
 * size still moves in steps of one page (readings of one instance jumped by ~230 kB and ~395 kB),
 * so one small instance is lost in the step.
 */
export const RETAINED_SAMPLE_BYTES = 32 * 1024 * 1024;
/** At most this many live instances in one retained reading. */
export const MAX_RETAINED_COPIES = 1000;
/** Creating the instances of one retained reading takes at most about this long, ms. */
export const RETAINED_WINDOW_MS = 100;
/** Allocated bytes are the minimum of this many GC-free windows. */
export const ALLOCATION_READINGS = 3;
/** A repeated allocation window lasts at most about this long, ms (so slow calls are not repeated). */
export const ALLOCATION_WINDOW_MS = 20;
