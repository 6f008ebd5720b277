/**
 * The one spelling of each identity a result set uses: a suite x variant, a ladder (suite x variant
 * x runner) and a cell (a ladder at one n). Suite ids and variant names are kebab-case (defineSuite
 * checks), so "/" cannot occur inside a part and the keys are unambiguous and readable
 * ("fibonacci/map", "fibonacci/map/tinybench", "fibonacci/map/tinybench/40").
 */
import type { Cell } from './types.ts';

/** Key of a suite x variant, e.g. "fibonacci/map". */
export function variantKey(cell: Pick<Cell, 'suite' | 'variant'>): string {
  return `${cell.suite}/${cell.variant}`;
}

/** Key of a ladder: suite, variant and runner, e.g. "fibonacci/map/tinybench". */
export function ladderKey(cell: Pick<Cell, 'suite' | 'variant' | 'runner'>): string {
  return `${variantKey(cell)}/${cell.runner}`;
}

/** Key of a cell, the same across processes and runs, e.g. "fibonacci/map/tinybench/40". */
export function cellKey(cell: Pick<Cell, 'suite' | 'variant' | 'runner' | 'n'>): string {
  return `${ladderKey(cell)}/${cell.n}`;
}

/** Key of a cell without a runner (tier 1 counts with valgrind alone), e.g. "fibonacci/map/40". */
export function variantCellKey(cell: Pick<Cell, 'suite' | 'variant' | 'n'>): string {
  return `${variantKey(cell)}/${cell.n}`;
}
