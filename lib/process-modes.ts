import { MODE_GAP_MIN_PCT, MODE_GAP_SDS } from './interval-constants.ts';
import type { ProcessDisagreement } from './types.ts';

/**
 * Processes that disagree: one cell's process medians that fall into groups far apart, such as two
 * JIT outcomes (lcs/dict/32 took 113 µs in one process and 298 µs in another) or a process slowed
 * by contention. Averaging such groups describes no process that ran, so they are reported.
 *
 * The rule, on the sorted log medians: the gaps between neighbours wider than MODE_GAP_MIN_PCT are
 * candidates. Splitting at the m widest of them gives groups; the split holds when its narrowest
 * gap is wider than MODE_GAP_SDS times the larger of the spread expected between processes (given
 * by the caller: the run's prior, or what each process's samples resolve) and the spread of the
 * medians within those groups. The finest split that holds is the answer. Measuring the gaps
 * against the groups' own spread keeps a noisy cell whose processes scatter widely but evenly
 * from being cut at its widest gap, and trying every m finds three groups as well as two. With two
 * processes nothing can tell two modes from one noisy cell: the flag then says that the pair is
 * much further apart than processes of this run usually are.
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

/** The sorted values cut before each index in `cuts` (ascending). */
function cut(sorted: readonly number[], cuts: readonly number[]): number[][] {
  return [0, ...cuts].map((start, index) => sorted.slice(start, cuts[index] ?? sorted.length));
}

/**
 * The groups of a cell's process medians (ns) when some are far apart, else null. `expectedSd` is
 * the spread of log process medians this cell would show without modes (log units).
 */
export function processDisagreement(
  mediansNs: readonly number[],
  expectedSd: number,
): ProcessDisagreement | null {
  const sorted = mediansNs.map(Math.log).sort((x, y) => x - y);
  const candidates = sorted
    .map((value, index) => ({ at: index, gap: index === 0 ? 0 : value - (sorted[index - 1] as number) }))
    .filter(({ gap }) => gap > Math.log(1 + MODE_GAP_MIN_PCT / 100))
    .sort((a, b) => b.gap - a.gap);
  for (let m = candidates.length; m >= 1; m--) {
    const chosen = candidates.slice(0, m);
    const groups = cut(
      sorted,
      chosen.map(({ at }) => at).sort((a, b) => a - b),
    );
    const narrowest = (chosen.at(-1) as { gap: number }).gap;
    if (narrowest <= MODE_GAP_SDS * Math.max(expectedSd, pooledSd(groups))) continue;
    return {
      clusters: groups.map((group) => ({
        processes: group.length,
        centre_ns: Math.exp(group.reduce((sum, x) => sum + x, 0) / group.length),
      })),
      gap_pct: 100 * Math.expm1((chosen[0] as { gap: number }).gap),
    };
  }
  return null;
}
