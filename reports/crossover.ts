import { speedupPoints } from '../lib/speedups.ts';
import type { Results, SpeedupPoint } from '../lib/types.ts';

/**
 * Crossovers between variants: from which n a variant beats a baseline for good, decided on the
 * speedups of lib/speedups.ts (separated intervals).
 */

/** Where a variant starts to beat a baseline for good. */
export interface Crossover {
  suite: string;
  variant: string;
  baseline: string;
  /**
   * Smallest measured n from which the variant is faster (separated intervals) at every larger n
   * where both were timed; null ("none measured") when it is not faster at the largest such n.
   */
  crossover_n: number | null;
  /** Sizes at which both were timed, ascending; the rule only looks at these. */
  compared_n: number[];
}

/** The crossover rule on one variant's speedups over one baseline, ascending in n. */
export function crossoverN(points: readonly Pick<SpeedupPoint, 'n' | 'faster'>[]): number | null {
  let from: number | null = null;
  for (const point of points) {
    if (!point.faster) from = null;
    else from ??= point.n;
  }
  return from;
}

/** For every suite x variant other than the baseline: the crossover against the baseline. */
export function crossovers(results: Results, baseline = 'naive'): Crossover[] {
  const points = speedupPoints(results, baseline);
  return results.suites.flatMap((info) => {
    if (!results.cells.some((cell) => cell.suite === info.id && cell.variant === baseline)) return [];
    return info.variants
      .filter((variant) => variant !== baseline)
      .map((variant) => {
        const own = points.filter((point) => point.suite === info.id && point.variant === variant);
        return {
          suite: info.id,
          variant,
          baseline,
          crossover_n: crossoverN(own),
          compared_n: own.map((point) => point.n),
        };
      });
  });
}

/** A crossover in words: "n = 10", "n = 5 (every size compared)" or "none measured". */
export function crossoverText(crossover: Crossover): string {
  if (crossover.crossover_n === null) return 'none measured';
  return crossover.crossover_n === crossover.compared_n[0]
    ? `n = ${crossover.crossover_n} (every size compared)`
    : `n = ${crossover.crossover_n}`;
}
