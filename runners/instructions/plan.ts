import { basename } from 'node:path';
import { variantCellKey } from '../../lib/cell-key.ts';
import type { InstructionCellPlan, Results } from '../../lib/types.ts';
import type { LadderPlan } from '../plan.ts';
import {
  DEFAULT_ESTIMATE,
  INSTRUCTIONS_PER_NS,
  SEGMENT_INSTRUCTIONS,
  SEGMENT_MAX_OPS,
  WARMUP_INSTRUCTIONS,
  WARMUP_MAX_OPS,
  WARMUP_MIN_OPS,
} from './constants.ts';
import type { PlannedLadder } from './side.ts';

/** `value` within [low, high]. */
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A cell's plan from its estimated instructions per operation: warm-up and segment sizes in
 * operations. A pure function of the estimate, so both revisions, given the same table, execute
 * the same plan; nothing in it comes from a clock.
 */
export function cellPlan(n: number, estimate: number): InstructionCellPlan {
  const perOp = Math.max(1, estimate);
  return {
    n,
    warmup_ops: clamp(Math.ceil(WARMUP_INSTRUCTIONS / perOp), WARMUP_MIN_OPS, WARMUP_MAX_OPS),
    segment_ops: clamp(Math.ceil(SEGMENT_INSTRUCTIONS / perOp), 1, SEGMENT_MAX_OPS),
  };
}

/**
 * Estimated instructions per operation of every cell with a median time in a committed results
 * file (the baseline): median ns x INSTRUCTIONS_PER_NS, rounded.
 */
export function estimatesFrom(results: Pick<Results, 'cells'>): Map<string, number> {
  const estimates = new Map<string, number>();
  for (const cell of results.cells) {
    if (cell.status === 'ok')
      estimates.set(variantCellKey(cell), Math.round(cell.median_ns * INSTRUCTIONS_PER_NS));
  }
  return estimates;
}

/**
 * The ladders both revisions run, in this checkout's plan order (suite file order, then variant
 * order): each cell planned from its estimate, or DEFAULT_ESTIMATE for a cell the table lacks.
 */
export function planInstructionLadders(
  ladders: readonly LadderPlan[],
  estimates: ReadonlyMap<string, number>,
): PlannedLadder[] {
  return ladders.map(({ suite, variant, sizes }) => ({
    suite: suite.id,
    variant,
    file: basename(suite.file).replace(/\.ts$/, '.cjs'),
    cells: sizes.map((n) =>
      cellPlan(n, estimates.get(variantCellKey({ suite: suite.id, variant, n })) ?? DEFAULT_ESTIMATE),
    ),
  }));
}
