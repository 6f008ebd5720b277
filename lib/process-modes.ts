import { MODE_GAP_MIN_PCT, MODE_GAP_SDS } from './interval-constants.ts';
import type { ProcessDisagreement } from './types.ts';

/**
 * Processes that disagree: one cell's process medians that fall into groups far apart, such as two
 * JIT outcomes (lcs/dict/32 took 113 µs in one process and 298 µs in another) or a process slowed
 * by contention. Averaging such groups describes no process that ran, so they are reported.
 *
 * The rule, on the sorted log medians, top-down: the widest gap inside a group splits it when the
 * gap is wider than MODE_GAP_MIN_PCT and than MODE_GAP_SDS times the larger of the spread expected
 * between processes (given by the caller: the run's prior, or what each process's samples resolve)
 * and the spread of the medians within the groups the split would leave; then the next widest gap
 * is tried, until one fails. Measuring the gap against the groups' own spread keeps a noisy cell
 * whose processes scatter widely but evenly from being split at random gaps. With two processes
 * nothing can tell two modes from one noisy cell: the flag then says that the pair is much
 * further apart than processes of this run usually are.
 */

/** Pooled standard deviation within groups (log units); 0 when no group has two members. */
function pooledSd(groups: readonly (readonly number[])[]): number {
  let squares = 0;
  let df = 0;
  for (const group of groups) {
    const mean = group.reduce((sum, x) => sum + x, 0) / group.length;
    squares += group.reduce((sum, x) => sum + (x - mean) ** 2, 0);
    df += group.length - 1;
  }
  return df > 0 ? Math.sqrt(squares / df) : 0;
}

/** The widest gap between neighbours inside any group: which group, where, and how wide (log units). */
function widestGap(groups: readonly (readonly number[])[]): { group: number; at: number; gap: number } {
  let best = { group: -1, at: -1, gap: 0 };
  groups.forEach((group, index) => {
    for (let i = 1; i < group.length; i++) {
      const gap = (group[i] as number) - (group[i - 1] as number);
      if (gap > best.gap) best = { group: index, at: i, gap };
    }
  });
  return best;
}

/**
 * The groups of a cell's process medians (ns) when some are far apart, else null. `expectedSd` is
 * the spread of log process medians this cell would show without modes (log units).
 */
export function processDisagreement(
  mediansNs: readonly number[],
  expectedSd: number,
): ProcessDisagreement | null {
  const minimum = Math.log(1 + MODE_GAP_MIN_PCT / 100);
  let groups: number[][] = [mediansNs.map(Math.log).sort((x, y) => x - y)];
  let widest = 0;
  for (;;) {
    const { group, at, gap } = widestGap(groups);
    if (gap <= minimum) break;
    const parent = groups[group] as number[];
    const split = [
      ...groups.slice(0, group),
      parent.slice(0, at),
      parent.slice(at),
      ...groups.slice(group + 1),
    ];
    if (gap <= MODE_GAP_SDS * Math.max(expectedSd, pooledSd(split))) break;
    groups = split;
    widest = Math.max(widest, gap);
  }
  if (groups.length === 1) return null;
  return {
    clusters: groups.map((group) => ({
      processes: group.length,
      centre_ns: Math.exp(group.reduce((sum, x) => sum + x, 0) / group.length),
    })),
    gap_pct: 100 * Math.expm1(widest),
  };
}
