/** Reading a cell, whichever member of the Cell union (lib/types.ts) it is. */
import type { Cell, CellField, OkCell } from './types.ts';

/**
 * True for a verified and timed cell. `cell.status === 'ok'` narrows as well; as a named type guard
 * this also narrows what a filter returns (`cells.filter(isOk)` is `OkCell[]`).
 */
export function isOk(cell: Cell): cell is OkCell {
  return cell.status === 'ok';
}

/**
 * A timed cell's time per call, ns: its process-level estimate (`estimate_ns`: the geometric mean of
 * its process medians but the slowest), the figure its 95% interval (`ci_low_ns`..`ci_high_ns`) is
 * built around and predicts for another run; the median of its samples where it has no estimate
 * (cells of one process's ladder, files written before process-level intervals). Every report
 * quotes this figure with the interval, so the two always describe the same statistic: the median
 * of the pooled samples leans on the processes that took more samples (the faster ones, at a fixed
 * sampling time) and left the other run's interval more often: between two default runs, 88.4% of
 * run B's pooled medians were inside run A's intervals, against 92.0% of its estimates.
 */
export function timeNs(cell: OkCell): number {
  return cell.estimate_ns ?? cell.median_ns;
}

/**
 * The value of any field a cell may have, undefined where this cell has none: for code that walks
 * a list of fields (CSV columns, exact fields), where indexing the union directly would only allow
 * the fields every cell shares.
 */
export function fieldOf(cell: Cell, field: CellField): unknown {
  const fields: Partial<Record<CellField, unknown>> = cell;
  return fields[field];
}
