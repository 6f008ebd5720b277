import { laddersFor, variantNames } from '../lib/define-suite.ts';
import { UsageError } from '../lib/errors.ts';
import type { RunOptions, Shard, Suite } from '../lib/types.ts';

/** One ladder to climb: a suite, one of its variants, and the sizes of the chosen profile. */
export interface LadderPlan {
  suite: Suite;
  variant: string;
  sizes: readonly number[];
}

/** Suites named by the user, in the order given; an unknown name is a usage error listing the valid ones. */
export function selectSuites(all: readonly Suite[], names: readonly string[]): Suite[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const suite = all.find((candidate) => candidate.id === name);
    if (suite === undefined) {
      throw new UsageError(`unknown suite '${name}' (valid: ${all.map((s) => s.id).join(', ')})`);
    }
    return suite;
  });
}

/**
 * The ladders of a run: every selected suite x variant. A variant name must exist in at least one
 * selected suite; suites that lack it simply do not run it. The npm memoizer audit (a suite's
 * library variants) runs with `audit`, or for the library variants named in `variants`.
 */
export function planLadders(
  suites: readonly Suite[],
  selection: Pick<RunOptions, 'variants' | 'profile' | 'audit'>,
): LadderPlan[] {
  const { variants, profile, audit } = selection;
  const known = new Set(suites.flatMap((suite) => variantNames(suite)));
  for (const name of variants) {
    if (!known.has(name)) throw new UsageError(`unknown variant '${name}' (valid: ${[...known].join(', ')})`);
  }
  const chosen = (suite: Suite, variant: string) =>
    variants.length === 0 ? audit || suite.libraries?.[variant] === undefined : variants.includes(variant);
  return suites.flatMap((suite) =>
    variantNames(suite)
      .filter((variant) => chosen(suite, variant))
      .map((variant) => ({ suite, variant, sizes: laddersFor(suite, profile) })),
  );
}

/**
 * The ladders of one shard: round-robin over the planned order, so every ladder (a suite x variant,
 * climbed whole, since where it stops depends on its smaller sizes) lands in exactly one shard and
 * the shards are about equally long.
 */
export function shardLadders(plan: readonly LadderPlan[], shard: Shard | null): LadderPlan[] {
  if (shard === null) return [...plan];
  return plan.filter((_, index) => index % shard.count === shard.index - 1);
}
