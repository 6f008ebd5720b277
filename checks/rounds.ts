import { ladderKey } from '../lib/cell-key.ts';
import { UsageError } from '../lib/errors.ts';
import { mergeCells } from '../lib/merge-processes.ts';
import type { Results } from '../lib/types.ts';

/**
 * One side of an A/B run (all base rounds, or all head rounds) as one result set: each round is
 * one process per ladder (ab runs bench with --repeat 1), so the rounds' cells are merged as a run
 * merges its processes (pooled samples, process medians, exact counts that must agree), giving
 * `rounds` processes per cell.
 */
export function combineRounds(rounds: readonly Results[]): Results {
  const first = rounds[0];
  if (first === undefined) throw new UsageError('no rounds to combine');
  const order = [...new Set(first.cells.map(ladderKey))];
  const cells = mergeCells(
    rounds.flatMap((round) => round.cells),
    order,
  );
  return {
    ...first,
    options: { ...first.options, min_processes: rounds.length, max_processes: rounds.length },
    cells,
    elapsed_ms: rounds.reduce((sum, round) => sum + round.elapsed_ms, 0),
    complete: rounds.every((round) => round.complete),
  };
}
