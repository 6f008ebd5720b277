/**
 * Tier 2's unit of evidence: one round of base and head, each a fresh process per ladder, gives
 * each cell one paired log ratio, log(head median / base median). Whatever the machine did during
 * the round (load from other jobs, a frequency change) hits both sides of the pair, so it cancels
 * in the ratio, which is why rounds are paired rather than pooled per side.
 *
 * Rounds alternate ABBA (base, head | head, base | base, head ...): a linear drift then gives the
 * base-first rounds a ratio too high by some delta and the head-first rounds one too low by the
 * same delta. That is a two-period crossover trial (AB/BA), analysed as such (Hills and Armitage
 * 1979): the change is the mean of the two order groups' means, which the order effect does not
 * reach, and the variance is pooled within the groups (rounds - 2 degrees of freedom).
 */
import { cellKey } from '../lib/cell-key.ts';
import type { Cell, OkCell, Results, RoundOrder } from '../lib/types.ts';
import type { PairedCellId, PairedRound, PairedSummary } from './types.ts';

/** The order of round r (1-based) in ABBA: odd rounds run the base first, even ones the head. */
export function roundOrder(round: number): RoundOrder {
  return round % 2 === 1 ? 'base-first' : 'head-first';
}

/** A cell with a usable median: verified, timed, positive. */
function timed(cell: Cell | undefined): cell is OkCell {
  return cell !== undefined && cell.status === 'ok' && cell.median_ns > 0;
}

/**
 * The paired measurements of one round, by cell key: every cell timed in both sides' runs
 * (one process per ladder each: its median is that process's).
 */
export function pairRound(
  base: Results,
  head: Results,
  round: number,
): Map<string, { id: PairedCellId; round: PairedRound }> {
  const heads = new Map(head.cells.map((cell) => [cellKey(cell), cell]));
  const out = new Map<string, { id: PairedCellId; round: PairedRound }>();
  for (const cell of base.cells) {
    const key = cellKey(cell);
    const other = heads.get(key);
    if (!timed(cell) || !timed(other)) continue;
    out.set(key, {
      id: { suite: cell.suite, variant: cell.variant, runner: cell.runner, n: cell.n },
      round: { round, order: roundOrder(round), base_ns: cell.median_ns, head_ns: other.median_ns },
    });
  }
  return out;
}

const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;
const squares = (values: readonly number[], centre: number) =>
  values.reduce((sum, x) => sum + (x - centre) ** 2, 0);

/** The crossover summary of a cell's rounds (at least one). */
export function pairedSummary(rounds: readonly PairedRound[]): PairedSummary {
  if (rounds.length === 0) throw new Error('pairedSummary needs at least one round');
  // The order groups present: both, or one when a round is missing on one side (its plain mean then,
  // whose order effect cannot be removed).
  const byOrder = new Map<RoundOrder, number[]>();
  for (const r of rounds)
    byOrder.set(r.order, [...(byOrder.get(r.order) ?? []), Math.log(r.head_ns / r.base_ns)]);
  const groups = [...byOrder.values()];
  const geometric = (pick: (r: PairedRound) => number) =>
    Math.exp(mean(rounds.map((r) => Math.log(pick(r)))));
  const means = groups.map(mean);
  const df = rounds.length - groups.length;
  const ss = groups.reduce((sum, group, g) => sum + squares(group, means[g] as number), 0);
  return {
    diff: mean(means),
    // Without degrees of freedom every group has one round: no squares, and 0 / 0 is the NaN that says so.
    variance: ss / df,
    df,
    // Var(mean of the g group means) = variance x sum(1 / n_i) / g^2: (1/n1 + 1/n2) / 4, or 1 / n.
    share: groups.reduce((sum, group) => sum + 1 / group.length, 0) / groups.length ** 2,
    rounds: rounds.length,
    base_ns: geometric((r) => r.base_ns),
    head_ns: geometric((r) => r.head_ns),
  };
}
