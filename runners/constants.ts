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
 * A child's verified call may run this much longer than the budget before the parent stops it, ms:
 * the start and end of the call reach the parent over IPC, and a parent that was busy for a moment
 * (writing results) reads them late. A call that ends inside the slack is still judged by its own
 * measured time, so the slack never lets a call over the budget pass.
 */
export const DEADLINE_SLACK_MS = 25;
/**
 * The instrumented pass is skipped at a size when it is predicted (this size's verified call times
 * the slowdown measured at the last counted size) to take more than this many budgets: counting
 * Proxies make table-heavy code 10-100x slower, and one such pass at the top of a quick ladder cost
 * seconds.
 */
export const COUNTING_LIMIT_FACTOR = 20;
/** Verified calls shorter than this are taken as this long when computing the counting pace, ms: a 0 ms call has no ratio. */
export const MIN_PACE_MS = 0.01;
/**
 * While a run goes, results are written at most this often, ms (and always when it stops): a
 * results file of thousands of cells takes a core for a tenth of a second or more to write, and a
 * run of several rounds finishes a process every fraction of a second.
 */
export const SAVE_INTERVAL_MS = 10_000;
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
/**
 * The progress estimate's cost model (runners/estimate.ts): what one cell costs beyond its calls
 * (batch calibration, IPC, GC before sampling), ms. The model is scaled by the time actually
 * spent, so these set its shape, not its total.
 */
export const ESTIMATE_CELL_OVERHEAD_MS = 3;
/** ...what one process costs beyond its cells (start-up, loading the suite, the counting copy), ms... */
export const ESTIMATE_PROCESS_OVERHEAD_MS = 150;
/** ...what one reading of retained bytes costs (forced full GCs), ms... */
export const ESTIMATE_MEMORY_READING_MS = 40;
/** ...and how much modelled work must be done before the model is scaled by the time it took, ms. */
export const ESTIMATE_MIN_SPENT_MS = 2000;
