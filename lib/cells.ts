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
 * The value of any field a cell may have, undefined where this cell has none: for code that walks
 * a list of fields (CSV columns, exact fields), where indexing the union directly would only allow
 * the fields every cell shares.
 */
export function fieldOf(cell: Cell, field: CellField): unknown {
  const fields: Partial<Record<CellField, unknown>> = cell;
  return fields[field];
}
