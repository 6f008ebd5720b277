import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import { messageOf, UsageError } from './errors.ts';
import type { Results } from './types.ts';

/** The version of results.json this code writes. */
export const SCHEMA_VERSION = 1;

const finite = z.number().finite();
const count = z.number().int().nonnegative();

const cellSchema = z.object({
  suite: z.string(),
  variant: z.string(),
  n: z.number().int().positive(),
  status: z.enum(['ok', 'wrong-answer', 'error', 'stack-overflow', 'skipped']),
  result: z.string().optional(),
  skip_reason: z.enum(['budget', 'stack-overflow', 'wrong-answer', 'error']).optional(),
  message: z.string().optional(),
  verify_ms: finite.nonnegative().optional(),
  samples_ns: z.array(finite).optional(),
  runner: z.enum(['tinybench']),
  median_ns: finite.optional(),
  mean_ns: finite.optional(),
  p75_ns: finite.optional(),
  p99_ns: finite.optional(),
  min_ns: finite.optional(),
  max_ns: finite.optional(),
  sd_ns: finite.optional(),
  mad_ns: finite.optional(),
  ci_low_ns: finite.optional(),
  ci_high_ns: finite.optional(),
  rme_pct: finite.optional(),
  samples: count.optional(),
  batch: z.number().int().positive().optional(),
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
    profile: z.enum(['quick', 'default', 'full']),
    suites: z.array(z.string()),
    variants: z.array(z.string()),
    budget_ms: finite.positive(),
    time_ms: finite.nonnegative(),
    warmup_ms: finite.nonnegative(),
    min_samples: z.number().int().positive(),
    seed: z.number().int(),
    runner: z.enum(['tinybench']),
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
    }),
  ),
  cells: z.array(cellSchema),
  elapsed_ms: finite.nonnegative(),
  complete: z.boolean(),
});

/** Checks parsed JSON against the schema; the error names the file, the first bad field and what was expected. */
export function parseResults(data: unknown, source: string): Results {
  const version = (data as { schema_version?: unknown } | null)?.schema_version;
  if (typeof data === 'object' && data !== null && version !== SCHEMA_VERSION) {
    throw new UsageError(
      `${source}: unknown schema_version ${JSON.stringify(version)} (this memobench reads ${SCHEMA_VERSION})`,
    );
  }
  const parsed = resultsSchema.safeParse(data);
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
