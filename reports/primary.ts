import type { Cell, RunnerName } from '../lib/types.ts';

/**
 * With `--runner both` a run measures every suite x variant x n with each backend, so results.json
 * holds two cells per size. Charts, crossovers and fits need one series per variant: they use the
 * cell of the first runner in this order that measured the size. The cell tables list every cell.
 */
export const RUNNER_PREFERENCE: readonly RunnerName[] = ['tinybench', 'benny'];

/** One cell per suite x variant x n: the preferred runner's, in the order the cells came. */
export function primaryCells(cells: readonly Cell[]): Cell[] {
  const rank = (cell: Cell) => {
    const index = RUNNER_PREFERENCE.indexOf(cell.runner);
    return index === -1 ? RUNNER_PREFERENCE.length : index;
  };
  const chosen = new Map<string, Cell>();
  for (const cell of cells) {
    const key = JSON.stringify([cell.suite, cell.variant, cell.n]);
    const current = chosen.get(key);
    if (current === undefined || rank(cell) < rank(current)) chosen.set(key, cell);
  }
  const kept = new Set(chosen.values());
  return cells.filter((cell) => kept.has(cell));
}
