import type { Environment } from '../lib/types.ts';

/**
 * The environment fields that decide whether two runs' times can be compared directly. Equal
 * fields make them the same machine *class*: the same CPU model and core count, OS build, CPU
 * architecture and Node (hence V8). Two cloud runners of one class can still differ (neighbours,
 * turbo), which is why `ab` runs both revisions interleaved on one machine for a time verdict.
 */
const FIELDS = ['cpu_model', 'cpu_cores', 'arch', 'os', 'node'] as const;

/** The fields in which two environments differ, as "field: 'a' vs 'b'" texts; empty for the same machine class. */
export function machineDifferences(a: Environment, b: Environment): string[] {
  return FIELDS.filter((field) => a[field] !== b[field]).map(
    (field) => `${field} ${JSON.stringify(a[field])} vs ${JSON.stringify(b[field])}`,
  );
}

/** The major version of a Node version string ("v20.11.1" -> 20). */
export function nodeMajor(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? Number.NaN);
}
