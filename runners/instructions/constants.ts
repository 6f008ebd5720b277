/**
 * The instruction gate's settings, in one place: how valgrind and V8 are pinned, and the rule that
 * turns an estimate of instructions per operation into a cell's plan. Measured on this project's
 * 2-core machine (README, "Instructions"); units are in the names.
 */

/**
 * valgrind's options. callgrind is the only tool of valgrind 3.19 (Debian 12) whose counters a
 * client request can zero and dump; instrumentation starts off, so that node's start-up and the
 * warm-ups run at valgrind's uninstrumented speed (about 6x faster), and is switched on once per
 * process (each START or STOP flushes the translation cache). One output file for all dumps.
 */
export const VALGRIND_OPTIONS = [
  '--tool=callgrind',
  '--instr-atstart=no',
  '--combine-dumps=yes',
  '--dump-line=no',
  '--compress-strings=no',
] as const;

/**
 * V8's options: what pins the instruction stream, TurboFan left on (CodSpeed passes --no-opt).
 * --predictable implies --single-threaded (no concurrent compilation or GC threads whose work would
 * be counted in a segment) and no memory reducer; --predictable-gc-schedule fixes the heap's
 * growing and the semi-space size; the seeds pin string hashing, Math.random and identity hashes
 * (without --hash-seed, another node build has another baked-in seed: up to 5.75% on lcs);
 * --no-incremental-marking removes marking steps sized by the GC tracer's wall-clock speed;
 * --no-flush-bytecode keeps a warmed-up cell's bytecode until it is measured; --expose-gc lets the
 * harness collect outside the brackets.
 */
export const V8_PINS = [
  '--predictable',
  '--predictable-gc-schedule',
  '--hash-seed=1',
  '--random-seed=1',
  '--no-incremental-marking',
  '--no-flush-bytecode',
  '--expose-gc',
] as const;

/**
 * The plan rule (runners/instructions/plan.ts). Warm-up: `ceil(WARMUP_INSTRUCTIONS / estimate)`
 * operations within [WARMUP_MIN_OPS, WARMUP_MAX_OPS]: an operation of a few thousand instructions
 * needs thousands of calls before V8 has optimised the factory, the closure and the recursion
 * (3k to 30k: the research's convergence study), one of 100k or more settles within 30.
 */
export const WARMUP_INSTRUCTIONS = 50_000_000;
export const WARMUP_MIN_OPS = 30;
export const WARMUP_MAX_OPS = 30_000;
/**
 * A segment unit of `ceil(SEGMENT_INSTRUCTIONS / estimate)` operations, at most SEGMENT_MAX_OPS: long
 * enough that the bracket's own cost (about 900 instructions, measured and subtracted) is small
 * beside it, short enough that a segment allocates far less than a semi-space (no scavenge inside).
 */
export const SEGMENT_INSTRUCTIONS = 60_000;
export const SEGMENT_MAX_OPS = 1_000;
/**
 * The segments of a cell, in units of its segment size: the first settles (its count is dropped),
 * the empty ones (0) measure the bracket alone, and the cell's figure is the median of the last three.
 */
export const SEGMENT_PATTERN = [1, 0, 1, 0, 1, 1] as const;
/** The estimate of a cell missing from the committed table, instructions per operation. */
export const DEFAULT_ESTIMATE = 20_000;
/**
 * Instructions per nanosecond, to turn the committed baseline's median times (baselines/ci.json)
 * into the plan's estimates: the median of instructions per native ns over the ci profile in the
 * research (p10 8.3, p90 44.1). Only the warm-up and segment sizes depend on it, never a verdict.
 */
export const INSTRUCTIONS_PER_NS = 17;
/**
 * Ladders of the A/A self-check spread over the plan (and as many of the confirmed ones): each is
 * measured twice on head in the confirmation layout, about 5 s of CPU per process.
 */
export const SELF_CHECK_LADDERS = 4;
