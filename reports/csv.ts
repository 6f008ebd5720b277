import { stringify } from 'csv-stringify/sync';
import { fieldOf } from '../lib/cells.ts';
import { csvSafe } from '../lib/escape.ts';
import type { Cell, CellField } from '../lib/types.ts';

/** The columns of results.csv, in order. Times are ns per call, memory in bytes, `gc_ms` and `verify_ms` in ms. */
export const CSV_COLUMNS = [
  'suite',
  'variant',
  'n',
  'status',
  'result',
  'median_ns',
  'mean_ns',
  'p75_ns',
  'p99_ns',
  'min_ns',
  'max_ns',
  'rme_pct',
  'samples',
  'batch',
  'sd_ns',
  'mad_ns',
  'ci_low_ns',
  'ci_high_ns',
  'estimate_ns',
  'interval_basis',
  'calls',
  'cache_hits',
  'cache_misses',
  'cache_entries',
  'max_depth',
  'retained_bytes',
  'allocated_bytes',
  'gc_count',
  'gc_ms',
  'cache_mode',
  'runner',
  'instance',
  'processes',
  'spread_between_pct',
  'spread_within_pct',
  'runner_diff_pct',
  'verify_ms',
  'skip_reason',
  'message',
  'counts_note',
  'memory_note',
] as const satisfies readonly CellField[];

const TEXT_COLUMNS = new Set<string>(['suite', 'variant', 'result', 'message', 'counts_note', 'memory_note']);

/** One CSV row per cell; empty fields where a cell has no value (a skipped cell has no timing). */
export function cellsToCsv(cells: readonly Cell[]): string {
  const rows = cells.map((cell) =>
    CSV_COLUMNS.map((column) => {
      const value = fieldOf(cell, column);
      if (value === undefined) return '';
      const text = String(value);
      return TEXT_COLUMNS.has(column) ? csvSafe(text) : text;
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}
