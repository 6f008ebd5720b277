import { cellKey, variantKey } from '../lib/cell-key.ts';
import { UsageError } from '../lib/errors.ts';
import type { Cell, Results } from '../lib/types.ts';

/** One shard's result set and where it was read from (for messages). */
export interface ShardSet {
  source: string;
  results: Results;
}

const shardName = (set: ShardSet) =>
  set.results.options.shard === null
    ? `${set.source} (not a shard)`
    : `${set.results.options.shard.index}/${set.results.options.shard.count}`;

/** Refuses sets that are not the shards of one run: unsharded, incomplete, repeated or missing shards, other options. */
function validate(sets: readonly ShardSet[]): number {
  const first = sets[0];
  if (first === undefined)
    throw new UsageError('no shard result sets given (give the folders of every --shard i/n run)');
  for (const set of sets) {
    if (set.results.options.shard === null) {
      throw new UsageError(`${set.source} was not made with --shard i/n; merge joins the shards of one run`);
    }
    if (!set.results.complete)
      throw new UsageError(`${set.source} (shard ${shardName(set)}) is incomplete: rerun that shard`);
  }
  const count = (first.results.options.shard as { count: number }).count;
  const seen = new Map<number, string>();
  for (const set of sets) {
    const shard = set.results.options.shard as { index: number; count: number };
    if (shard.count !== count) {
      throw new UsageError(
        `${set.source} is shard ${shard.index}/${shard.count}, the others are of ${count}`,
      );
    }
    const other = seen.get(shard.index);
    if (other !== undefined)
      throw new UsageError(`shard ${shard.index}/${count} given twice (${other} and ${set.source})`);
    seen.set(shard.index, set.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new UsageError(
      `shard${missing.length > 1 ? 's' : ''} missing: ${missing.map((i) => `${i}/${count}`).join(', ')} (have ${[
        ...seen.keys(),
      ]
        .sort((x, y) => x - y)
        .map((i) => `${i}/${count}`)
        .join(', ')})`,
    );
  }
  const { shard: _, ...reference } = first.results.options;
  for (const set of sets.slice(1)) {
    const { shard: __, ...options } = set.results.options;
    const differing = (Object.keys(reference) as (keyof typeof reference)[]).filter(
      (key) => JSON.stringify(reference[key]) !== JSON.stringify(options[key]),
    );
    if (differing.length > 0) {
      const key = differing[0] as keyof typeof reference;
      throw new UsageError(
        `${set.source} was run with other options than ${first.source}: ${differing.join(', ')} (e.g. ${String(key)} ${JSON.stringify(options[key])} vs ${JSON.stringify(reference[key])}); shards must share every option but --shard`,
      );
    }
  }
  return count;
}

/**
 * The position of each ladder in the unsharded plan. Shard k of n holds the plan's ladders
 * k-1, k-1+n, k-1+2n, ... in order (round-robin, runners/plan.ts shardLadders), and each shard's
 * cells are ordered by ladder: so the j-th ladder met in shard k is ladder j*n + k-1 of the plan.
 */
function ladderRanks(sets: readonly ShardSet[], count: number): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const set of sets) {
    const index = (set.results.options.shard as { index: number }).index;
    let j = 0;
    for (const cell of set.results.cells) {
      const ladder = variantKey(cell);
      if (!ranks.has(ladder)) ranks.set(ladder, j++ * count + index - 1);
    }
  }
  return ranks;
}

/**
 * Joins the shards of one run (same options, every shard 1..n once) into the result set the
 * unsharded run would have written: the same cells with the same exact fields, in the same order.
 * Times stay those each shard measured (possibly on different machines: see the environment of
 * shard 1, which the merged set keeps, and elapsed_ms, the longest shard's, as they run in parallel).
 */
export function mergeShards(sets: readonly ShardSet[], command: string): Results {
  const count = validate(sets);
  const owner = new Map<string, string>();
  for (const set of sets) {
    for (const cell of set.results.cells) {
      const other = owner.get(cellKey(cell));
      if (other !== undefined) {
        throw new UsageError(
          `cell ${cell.suite} / ${cell.variant} / n = ${cell.n} is in both ${other} and ${set.source}: shards must not overlap`,
        );
      }
      owner.set(cellKey(cell), set.source);
    }
  }
  const ordered = [...sets].sort(
    (x, y) => (x.results.options.shard?.index ?? 0) - (y.results.options.shard?.index ?? 0),
  );
  const first = ordered[0] as ShardSet;
  const ranks = ladderRanks(ordered, count);
  const rank = (cell: Pick<Cell, 'suite' | 'variant'>) => ranks.get(variantKey(cell)) ?? 0;
  // A stable sort by ladder keeps each ladder's own order (runner, then n) as the shard wrote it.
  const cells = ordered.flatMap((set) => set.results.cells).sort((x, y) => rank(x) - rank(y));
  const suiteRank = new Map<string, number>();
  for (const cell of cells) if (!suiteRank.has(cell.suite)) suiteRank.set(cell.suite, suiteRank.size);
  const suites = [
    ...new Map(ordered.flatMap((set) => set.results.suites).map((suite) => [suite.id, suite])).values(),
  ].sort((x, y) => (suiteRank.get(x.id) ?? 0) - (suiteRank.get(y.id) ?? 0));
  // Top-level lists of names kept by other parts of the runner (such as the ladders a --resume may
  // skip) belong to the whole run: the union of the shards' lists.
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(first.results)) {
    if (key === 'cells' || key === 'suites' || !Array.isArray(value)) continue;
    const values = ordered.flatMap((set) => (set.results as unknown as Record<string, unknown>)[key]);
    if (values.every((item) => typeof item === 'string')) lists[key] = [...new Set(values as string[])];
  }
  // Each shard computed the capacity curves of its own suites: one per suite, in the suites' order.
  const curves = new Map(
    ordered.flatMap((set) => set.results.capacity ?? []).map((curve) => [curve.suite, curve]),
  );
  const capacity = suites.flatMap((suite) => curves.get(suite.id) ?? []);
  return {
    ...first.results,
    ...lists,
    environment: { ...first.results.environment, command },
    options: { ...first.results.options, shard: null },
    suites,
    cells,
    elapsed_ms: Math.max(...ordered.map((set) => set.results.elapsed_ms)),
    complete: true,
    ...(capacity.length === 0 ? {} : { capacity }),
  };
}
