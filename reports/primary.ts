import { type Cell, RUNNER_NAMES } from '../lib/types.ts';

/**
 * One cell per suite x variant x n: the preferred runner's, in the order the cells came. With
 * `--runner both` a run measures every suite x variant x n with each backend, so results.json
 * holds two cells per size. Charts, crossovers and fits need one series per variant: they use the
 * cell of the first runner in RUNNER_NAMES' order (tinybench first) that measured the size. The
 * cell tables list every cell.
 */
export function primaryCells(cells: readonly Cell[]): Cell[] {
  const rank = (cell: Cell) => RUNNER_NAMES.indexOf(cell.runner);
  const chosen = new Map<string, Cell>();
  for (const cell of cells) {
    const key = JSON.stringify([cell.suite, cell.variant, cell.n]);
    const current = chosen.get(key);
    if (current === undefined || rank(cell) < rank(current)) chosen.set(key, cell);
  }
  const kept = new Set(chosen.values());
  return cells.filter((cell) => kept.has(cell));
}
