import type { InstructionCellPlan } from '../../lib/types.ts';
import {
  SEGMENT_INSTRUCTIONS,
  SEGMENT_MAX_OPS,
  WARMUP_INSTRUCTIONS,
  WARMUP_MAX_OPS,
  WARMUP_MIN_OPS,
} from './constants.ts';

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
