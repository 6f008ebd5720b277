import { stringify } from 'csv-stringify/sync';
import type { Cell } from '../lib/types.ts';
import { csvSafe } from './escape.ts';

/** The columns of results.csv, in order. Times are ns per call; `verify_ms` is ms. */
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
  'verify_ms',
  'runner',
  'skip_reason',
  'message',
] as const satisfies readonly (keyof Cell)[];

const TEXT_COLUMNS = new Set<string>(['suite', 'variant', 'result', 'message']);

/** One CSV row per cell; empty fields where a cell has no value (a skipped cell has no timing). */
export function cellsToCsv(cells: readonly Cell[]): string {
  const rows = cells.map((cell) =>
    CSV_COLUMNS.map((column) => {
      const value = cell[column];
      if (value === undefined) return '';
      const text = String(value);
      return TEXT_COLUMNS.has(column) ? csvSafe(text) : text;
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}
