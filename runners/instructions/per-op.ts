import type { HarnessManifest, InstructionCell } from '../../lib/types.ts';

/** The median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * A cell's instructions per operation from its segments (operations, 0 for an empty one) and the
 * instructions of their dumps, in the same order. The first non-empty segment settles and is
 * dropped; the bracket's own cost is the smallest empty segment; the figure is the median of the
 * other segments' (instructions - bracket) / operations. Undefined without an empty segment and two
 * measured ones.
 */
export function perOperation(
  segments: readonly number[],
  instructions: readonly number[],
): { instructions_per_op: number; spread_pct: number } | undefined {
  const empty = instructions.filter((_, i) => segments[i] === 0);
  const measured = segments.flatMap((ops, i) => (ops > 0 ? [{ ops, count: instructions[i] as number }] : []));
  if (empty.length === 0 || measured.length < 2) return undefined;
  const bracket = Math.min(...empty);
  const perOp = measured.slice(1).map(({ ops, count }) => (count - bracket) / ops);
  const middle = median(perOp);
  const spread = middle === 0 ? 0 : ((Math.max(...perOp) - Math.min(...perOp)) / middle) * 100;
  return { instructions_per_op: middle, spread_pct: spread };
}

/**
 * Every cell of a harness process with its instructions per operation. `parts` are the
 * instructions of the callgrind dumps in order: the cells' segments, then the one written when the
 * process ended (so there is one more part than segments).
 */
export function cellsOf(manifest: HarnessManifest, parts: readonly number[]): InstructionCell[] {
  const segments = manifest.cells.reduce((sum, cell) => sum + cell.segments.length, 0);
  if (parts.length !== segments + 1) {
    throw new Error(`callgrind wrote ${parts.length} dumps for ${segments} segments (expected one more)`);
  }
  let next = 0;
  return manifest.cells.map((cell) => {
    const counts = parts.slice(next, next + cell.segments.length);
    next += cell.segments.length;
    const { suite, variant, n, status, message } = cell;
    const base: InstructionCell = {
      suite,
      variant,
      n,
      status,
      ...(message === undefined ? {} : { message }),
    };
    if (status !== 'ok') return base;
    const figure = perOperation(cell.segments, counts);
    if (figure === undefined) return { ...base, status: 'error', message: 'no segments were measured' };
    return { ...base, ...figure };
  });
}
