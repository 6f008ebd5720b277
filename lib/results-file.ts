import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import { messageOf, UsageError } from './errors.ts';
import {
  CACHE_MODES,
  CAPACITY_STOPS,
  type CapacityCurve,
  type Cell,
  type Equal,
  INSTANCE_MODES,
  INTERVAL_BASES,
  ISOLATION_MODES,
  KILLED_STATUSES,
  LIBRARY_CONFIGURATIONS,
  PROFILES,
  REFERENCE_KINDS,
  type Results,
  RUNNER_CHOICES,
  RUNNER_NAMES,
  SKIP_REASONS,
  THROWN_STATUSES,
} from './types.ts';

/** The version of results.json this code writes. */
export const SCHEMA_VERSION = 2;

const finite = z.number().finite();
const count = z.number().int().nonnegative();

const optionalCount = count.optional();

/** The fields every cell has (CellIdentity). */
const identity = {
  suite: z.string(),
  variant: z.string(),
  n: z.number().int().positive(),
  runner: z.enum(RUNNER_NAMES),
  cache_mode: z.enum(CACHE_MODES),
};

const okCellSchema = z.object({
  ...identity,
  status: z.literal('ok'),
  result: z.string(),
  verify_ms: finite.nonnegative(),
  calls_per_op: z.number().int().positive(),
  instance: z.enum(INSTANCE_MODES).optional(),
  estimate_ns: finite.optional(),
  interval_basis: z.enum(INTERVAL_BASES).optional(),
  samples_ns: z.array(finite).optional(),
  median_ns: finite,
  mean_ns: finite,
  p75_ns: finite,
  p99_ns: finite,
  min_ns: finite,
  max_ns: finite,
  sd_ns: finite,
  mad_ns: finite,
  ci_low_ns: finite,
  ci_high_ns: finite,
  rme_pct: finite,
  samples: count,
  batch: z.number().int().positive(),
  calls: optionalCount,
  cache_hits: optionalCount,
  cache_misses: optionalCount,
  cache_entries: optionalCount,
  max_depth: optionalCount,
  counts_note: z.string().optional(),
  retained_bytes: finite.optional(),
  allocated_bytes: finite.optional(),
  memory_note: z.string().optional(),
  gc_count: optionalCount,
  gc_ms: finite.nonnegative().optional(),
  processes: optionalCount,
  process_medians_ns: z.array(finite).optional(),
  spread_between_pct: finite.optional(),
  spread_within_pct: finite.optional(),
  message: z.string().optional(),
  runner_diff_pct: finite.optional(),
});

const cellSchema = z.discriminatedUnion('status', [
  okCellSchema,
  z.object({
    ...identity,
    status: z.literal('wrong-answer'),
    result: z.string(),
    message: z.string(),
    verify_ms: finite.nonnegative().optional(),
  }),
  z.object({
    ...identity,
    status: z.enum(THROWN_STATUSES),
    message: z.string(),
    result: z.string().optional(),
  }),
  z.object({ ...identity, status: z.enum(KILLED_STATUSES), message: z.string() }),
  z.object({
    ...identity,
    status: z.literal('over-budget'),
    verify_ms: finite.nonnegative(),
    result: z.string().optional(),
    message: z.string(),
  }),
  z.object({
    ...identity,
    status: z.literal('skipped'),
    skip_reason: z.enum(SKIP_REASONS),
    message: z.string(),
  }),
]);

const capacityPointSchema = z.object({ capacity: count, calls: count, exact: z.boolean() });

/** One suite's LRU capacity curve (CapacityCurve); the capacity cache reads its files with it too. */
export const capacityCurveSchema = z.object({
  suite: z.string(),
  variant: z.string(),
  factor: finite.positive(),
  curve_limit_factor: finite.positive(),
  max_calls: count.nullable(),
  sizes: z.array(
    z.object({
      n: z.number().int().positive(),
      states: count,
      unbounded_calls: count,
      smallest_sufficient: count,
      calls_at_smallest: count,
      below_smallest: capacityPointSchema.nullable(),
      curve: z.array(capacityPointSchema),
    }),
  ),
  stopped_by: z.enum(CAPACITY_STOPS).optional(),
  note: z.string().optional(),
});

const adviceSchema = z.object({
  suite: z.string(),
  file: z.string(),
  reference: z.enum(REFERENCE_KINDS),
  stack_reach: z.object({
    variant: z.string(),
    reached_n: count.nullable(),
    reached_depth: count.nullable(),
    overflow_n: count.nullable(),
    overflow_depth: count.nullable(),
    probes: z.array(z.object({ n: count, fits: z.boolean() })),
    note: z.string().optional(),
  }),
});

const resultsSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  tool: z.literal('memobench'),
  environment: z.object({
    node: z.string(),
    v8: z.string(),
    os: z.string(),
    arch: z.string(),
    cpu_model: z.string(),
    cpu_cores: count,
    total_memory_bytes: count,
    git_commit: z.string().nullable(),
    command: z.string(),
    date: z.string(),
  }),
  options: z.object({
    profile: z.enum(PROFILES),
    suites: z.array(z.string()),
    variants: z.array(z.string()),
    budget_ms: finite.positive(),
    time_ms: finite.nonnegative(),
    warmup_ms: finite.nonnegative(),
    min_samples: z.number().int().positive(),
    memory_readings: z.number().int().nonnegative().default(3),
    seed: z.number().int(),
    runner: z.enum(RUNNER_CHOICES),
    cache_mode: z.enum(CACHE_MODES),
    isolate: z.enum(ISOLATION_MODES),
    min_processes: z.number().int().positive(),
    max_processes: z.number().int().positive(),
    target_half_width_pct: finite.positive().nullable(),
    audit: z.boolean(),
    cell_timeout_ms: finite.positive(),
    stack_size_kb: z.number().int().positive().nullable(),
    shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).nullable(),
  }),
  suites: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      recurrence: z.string(),
      complexity: z.object({ naive: z.string(), memoized: z.string() }),
      variants: z.array(z.string()),
      notes: z.record(z.string(), z.string()),
      libraries: z.record(
        z.string(),
        z.object({ package: z.string(), configuration: z.enum(LIBRARY_CONFIGURATIONS), how: z.string() }),
      ),
    }),
  ),
  cells: z.array(cellSchema),
  elapsed_ms: finite.nonnegative(),
  complete: z.boolean(),
  finished: z.array(z.string()).default([]),
  capacity: z.array(capacityCurveSchema).optional(),
  advice: adviceSchema.optional(),
});

// The schema must read exactly the shape the code writes: a field on one side only, or with another
// optionality or type, fails `npm run typecheck` here. Without this check, a field added to Cell but
// not to the schema would be dropped without a word whenever a results file is read.
true satisfies Equal<z.output<typeof cellSchema>, Cell>;
true satisfies Equal<z.output<typeof resultsSchema>, Results>;
true satisfies Equal<z.output<typeof capacityCurveSchema>, CapacityCurve>;

/**
 * Options of a version 2 file written before rounds of processes: `repeat` fixed processes per
 * ladder, no precision target, and every variant of a suite ran, library variants included.
 */
function withProcesses(options: Record<string, unknown>): Record<string, unknown> {
  if (!('repeat' in options) || 'min_processes' in options) return options;
  const { repeat, ...rest } = options;
  return {
    ...rest,
    min_processes: repeat,
    max_processes: repeat,
    target_half_width_pct: null,
    audit: true,
  };
}

/**
 * Brings an older results file to the current schema. Version 1 (before cache modes, isolation and
 * counts) ran every cell cold, in one process, once: one call per timed operation. It did not watch
 * GC, count operations or measure memory, so its ok cells stay without those figures. Version 2
 * files from before rounds of processes said `repeat` (see withProcesses).
 */
export function migrate(data: Record<string, unknown>): Record<string, unknown> {
  if (data.schema_version === SCHEMA_VERSION) {
    const options = (data.options ?? {}) as Record<string, unknown>;
    return { ...data, options: withProcesses(options) };
  }
  if (data.schema_version !== 1) return data;
  const options = (data.options ?? {}) as Record<string, unknown>;
  const cells = Array.isArray(data.cells) ? (data.cells as Record<string, unknown>[]) : [];
  return {
    ...data,
    schema_version: 2,
    options: {
      ...options,
      cache_mode: 'cold',
      isolate: 'none',
      min_processes: 1,
      max_processes: 1,
      target_half_width_pct: null,
      audit: true,
      cell_timeout_ms: 1e9,
      stack_size_kb: null,
    },
    cells: cells.map((cell) =>
      cell.status === 'ok'
        ? { calls_per_op: 1, ...cell, cache_mode: 'cold' }
        : { ...cell, cache_mode: 'cold' },
    ),
    suites: (Array.isArray(data.suites) ? (data.suites as Record<string, unknown>[]) : []).map((suite) => ({
      libraries: {},
      ...suite,
    })),
  };
}

/** Checks parsed JSON against the schema (migrating older versions); the error names the file, the first bad field and what was expected. */
export function parseResults(data: unknown, source: string): Results {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${source}: not a memobench results file: expected a JSON object`);
  }
  const version = (data as { schema_version?: unknown }).schema_version;
  if (version !== 1 && version !== SCHEMA_VERSION) {
    throw new UsageError(
      `${source}: unknown schema_version ${JSON.stringify(version)} (this memobench reads 1 and ${SCHEMA_VERSION})`,
    );
  }
  const parsed = resultsSchema.safeParse(migrate(data as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new UsageError(`${source}: not a memobench results file: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as Results;
}

/** Reads and validates a results.json. */
export async function readResults(path: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${messageOf(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not JSON: ${messageOf(error)}`);
  }
  return parseResults(data, path);
}

/** Writes results.json atomically. */
export async function writeResults(path: string, results: Results): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(results, null, 1)}\n`);
}
