import { cellKey, ladderKey } from '../lib/cell-key.ts';
import { fieldOf } from '../lib/cells.ts';
import { fitComplexity, modelLabel } from '../lib/fit.ts';
import type { Cell, Results } from '../lib/types.ts';
import type { ExactComparison, ExactDifference, ExactField } from './types.ts';

/** The per-cell fields that are the same on every machine (see OperationCounts in lib/types.ts). */
export const EXACT_FIELDS = [
  'status',
  'result',
  'calls',
  'cache_hits',
  'cache_misses',
  'cache_entries',
  'max_depth',
] as const satisfies readonly ExactField[];

const MISSING = '(missing)';

function text(value: unknown): string {
  return value === undefined || value === null ? MISSING : String(value);
}

/**
 * The fitted complexity class of the call counts of each ladder: the model name (b^n, n, n^2, ...)
 * and its label for display. Counts are exact, so the fit is too; comparing the class says in one
 * line what a changed count means ("naive went from O(1.618^n) to O(n)").
 */
export function complexityClasses(cells: readonly Cell[]): Map<string, { model: string; label: string }> {
  const series = new Map<string, { n: number; y: number }[]>();
  for (const cell of cells) {
    if (cell.status !== 'ok' || cell.calls === undefined || cell.calls <= 0) continue;
    const id = ladderKey(cell);
    const points = series.get(id) ?? [];
    points.push({ n: cell.n, y: cell.calls });
    series.set(id, points);
  }
  const classes = new Map<string, { model: string; label: string }>();
  for (const [id, points] of series) {
    const fit = fitComplexity(points);
    if (fit !== null) classes.set(id, { model: fit.best.model, label: modelLabel(fit.best) });
  }
  return classes;
}

/**
 * Compares the exact fields of two runs cell by cell: a cell in only one run, a different status,
 * answer or operation count, or a different complexity class of a ladder's call counts. Any
 * difference is a failure: these figures do not depend on the machine.
 */
export function compareExact(a: Results, b: Results): ExactComparison {
  const differences: ExactDifference[] = [];
  const cellsB = new Map(b.cells.map((cell) => [cellKey(cell), cell]));
  const idsA = new Set(a.cells.map(cellKey));
  let compared = 0;
  const where = (cell: Cell, n: number | null) => ({
    suite: cell.suite,
    variant: cell.variant,
    runner: cell.runner,
    n,
  });
  for (const cellA of a.cells) {
    const cellB = cellsB.get(cellKey(cellA));
    if (cellB === undefined) {
      differences.push({ ...where(cellA, cellA.n), field: 'presence', a: 'present', b: MISSING });
      continue;
    }
    compared++;
    for (const field of EXACT_FIELDS) {
      const valueA = text(fieldOf(cellA, field));
      const valueB = text(fieldOf(cellB, field));
      if (valueA !== valueB) differences.push({ ...where(cellA, cellA.n), field, a: valueA, b: valueB });
    }
  }
  for (const cellB of b.cells) {
    if (!idsA.has(cellKey(cellB))) {
      differences.push({ ...where(cellB, cellB.n), field: 'presence', a: MISSING, b: 'present' });
    }
  }
  const classesA = complexityClasses(a.cells);
  const classesB = complexityClasses(b.cells);
  // Only ladders in both runs: a ladder missing from one run is already named cell by cell.
  const laddersB = new Set(b.cells.map(ladderKey));
  const ladders = new Map<string, Cell>();
  for (const cell of a.cells)
    if (laddersB.has(ladderKey(cell)) && !ladders.has(ladderKey(cell))) ladders.set(ladderKey(cell), cell);
  for (const [id, cell] of ladders) {
    const classA = classesA.get(id);
    const classB = classesB.get(id);
    if (classA?.model !== classB?.model) {
      differences.push({
        ...where(cell, null),
        field: 'complexity',
        a: classA?.label ?? '(no fit)',
        b: classB?.label ?? '(no fit)',
      });
    }
  }
  return { compared, differences };
}
