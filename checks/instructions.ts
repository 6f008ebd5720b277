/**
 * Tier 1's verdicts (issue 11): base against head on instructions per operation, and the A/A
 * self-check that must pass before any verdict is given.
 */
import { variantCellKey, variantKey } from '../lib/cell-key.ts';
import type { InstructionCell, InstructionRow, SelfCheck } from '../lib/types.ts';

/** A change of at least this much, in either direction, is a verdict: %. */
export const DEFAULT_THRESHOLD_PCT = 1;

/**
 * The A/A tolerance, %: a quarter of the default threshold. Cells measured twice in the
 * confirmation layout were bit-identical in every A/A of the research and of the README's CI gate
 * table, so any disagreement means the counts are not deterministic on this machine, and one of a
 * quarter of the threshold could already turn a 1% verdict.
 */
export const SELF_CHECK_TOLERANCE_PCT = 0.25;

/** head / base - 1, %. */
const changePct = (base: number, head: number) => (head / base - 1) * 100;

/**
 * One row per cell of the head side (both sides run the same plan, so the same cells): the change
 * and its verdict. A cell that is ok in base but not in head failed; one that is not ok in base
 * (a variant head added, or a failure both share) is not compared.
 */
export function compareInstructions(
  base: readonly InstructionCell[],
  head: readonly InstructionCell[],
  thresholdPct: number,
): InstructionRow[] {
  const before = new Map(base.map((cell) => [variantCellKey(cell), cell]));
  return head.map((cell) => {
    const { suite, variant, n } = cell;
    const other = before.get(variantCellKey(cell));
    const row: InstructionRow = { suite, variant, n, verdict: 'not compared' };
    if (other?.instructions_per_op !== undefined) row.base = other.instructions_per_op;
    if (cell.instructions_per_op !== undefined) row.head = cell.instructions_per_op;
    if (other === undefined || other.status !== 'ok') {
      row.message =
        other === undefined ? 'not measured in base' : `base: ${other.status} ${other.message ?? ''}`;
      return row;
    }
    if (cell.status !== 'ok' || row.head === undefined || row.base === undefined) {
      return { ...row, verdict: 'failed', message: `${cell.status}: ${cell.message ?? ''}`.trim() };
    }
    const change = changePct(row.base, row.head);
    row.change_pct = change;
    row.verdict = change >= thresholdPct ? 'regressed' : change <= -thresholdPct ? 'improved' : 'unchanged';
    return row;
  });
}

/**
 * The ladders to measure again in the confirmation layout: every ladder with a cell that moved by
 * the threshold in either direction, or whose status differs between the sides. Both directions,
 * because a screening process that lost a cell's optimised code on the base side would otherwise
 * show a real regression as an improvement.
 */
export function movedLadders(rows: readonly InstructionRow[], thresholdPct: number): string[] {
  const moved = rows.filter(
    (row) =>
      row.verdict === 'failed' || (row.change_pct !== undefined && Math.abs(row.change_pct) >= thresholdPct),
  );
  return [...new Set(moved.map(variantKey))];
}

/**
 * The fixed part of the A/A sample: `count` ladders spread evenly over the plan (the first, the
 * last and those between), the same whatever changed.
 */
export function sampleLadders(ladders: readonly string[], count: number): string[] {
  if (count >= ladders.length) return [...ladders];
  if (count <= 1) return ladders.slice(0, Math.max(0, count));
  const picked = Array.from(
    { length: count },
    (_, i) => ladders[Math.round((i * (ladders.length - 1)) / (count - 1))] as string,
  );
  return [...new Set(picked)];
}

/** The A/A self-check of the cells measured twice: ok both times, and within the tolerance. */
export function selfCheck(
  first: readonly InstructionCell[],
  second: readonly InstructionCell[],
  tolerancePct: number = SELF_CHECK_TOLERANCE_PCT,
): SelfCheck {
  const again = new Map(second.map((cell) => [variantCellKey(cell), cell]));
  const check: SelfCheck = {
    cells: 0,
    disagreeing: [],
    max_diff: 0,
    max_diff_pct: 0,
    tolerance_pct: tolerancePct,
  };
  for (const cell of first) {
    const other = again.get(variantCellKey(cell));
    const a = cell.instructions_per_op;
    const b = other?.instructions_per_op;
    if (a === undefined || b === undefined || cell.status !== 'ok' || other?.status !== 'ok') continue;
    check.cells++;
    const diff = Math.abs(b - a);
    const pct = a === 0 ? (diff === 0 ? 0 : Number.POSITIVE_INFINITY) : (diff / a) * 100;
    check.max_diff = Math.max(check.max_diff, diff);
    check.max_diff_pct = Math.max(check.max_diff_pct, pct);
    if (pct > tolerancePct) {
      check.disagreeing.push({ suite: cell.suite, variant: cell.variant, n: cell.n, first: a, second: b });
    }
  }
  return check;
}

/** The outcome of tier 1, from the A/A self-check and the rows: what the exit code says. */
export type InstructionOutcome = 'not deterministic' | 'regressed' | 'ok';

/**
 * Not deterministic when the self-check disagreed or had no cell to check (then no verdict at
 * all); regressed when a cell regressed or failed in head; ok otherwise.
 */
export function instructionOutcome(rows: readonly InstructionRow[], check: SelfCheck): InstructionOutcome {
  if (check.cells === 0 || check.disagreeing.length > 0) return 'not deterministic';
  return rows.some((row) => row.verdict === 'regressed' || row.verdict === 'failed') ? 'regressed' : 'ok';
}
