/**
 * Tier 2's loop: rounds of base and head in ABBA order, a look after every ABBA block from
 * FIRST_LOOK_ROUNDS on, until every cell is decided or the cap is reached. How a side is measured
 * is the caller's (ab runs bench in a fresh process per ladder; the tests inject fixed samples), so
 * that this module decides what runs and when without running anything itself.
 */
import { ladderKey } from '../lib/cell-key.ts';
import type { Results } from '../lib/types.ts';
import { compareExact } from './exact.ts';
import { pairRound, roundOrder } from './paired-rounds.ts';
import { closeOpen, evaluateLook, lookRounds } from './sequential.ts';
import type {
  ExactComparison,
  PairedCell,
  PairedCellId,
  PairedPrior,
  SequentialSettings,
  TrackedCell,
} from './types.ts';

/** Which revision a measurement is of. */
export type Side = 'base' | 'head';

/** A ladder: one suite x variant x runner. */
export type Ladder = Pick<PairedCellId, 'suite' | 'variant' | 'runner'>;

/**
 * Measures one side in one round (1-based): a fresh process per ladder, for `ladders`, or for every
 * ladder of the run when it is null (round 1).
 */
export type MeasureSide = (side: Side, round: number, ladders: readonly Ladder[] | null) => Promise<Results>;

/** What the rounds concluded. */
export interface PairedRun {
  /** Every cell timed on both sides in some round, decided or undecided. */
  cells: PairedCell[];
  /** The prior of the last look. */
  prior: PairedPrior;
  /** Rounds run per side. */
  rounds: number;
  /** The exact fields of round 1's base and head compared. */
  exact: ExactComparison;
}

/** The ladders of the cells still open, each once, in the cells' order: the only ones the next round runs. */
export function openLadders(cells: readonly TrackedCell[]): Ladder[] {
  const open = new Map<string, Ladder>();
  for (const { id, result } of cells) {
    if (result !== null && result.basis !== 'open') continue;
    open.set(ladderKey(id), { suite: id.suite, variant: id.variant, runner: id.runner });
  }
  return [...open.values()];
}

const NO_PRIOR: PairedPrior = { sd_pct: null, df: 0, cells: 0 };

/**
 * Runs rounds until no cell is open or `settings.max_rounds` are done, looking after the rounds of
 * lookRounds. `onRound` hears of each side before it is measured (progress). Rounds after the first
 * measure only the ladders with open cells.
 */
export async function runPairedRounds(
  measure: MeasureSide,
  settings: SequentialSettings,
  onRound: (side: Side, round: number, ladders: readonly Ladder[] | null) => void = () => {},
): Promise<PairedRun> {
  let cells: TrackedCell[] = [];
  const index = new Map<string, number>();
  const looks = new Set(lookRounds(settings));
  let prior = NO_PRIOR;
  let exact: ExactComparison | undefined;
  let ladders: Ladder[] | null = null;
  let round = 0;
  while (round < settings.max_rounds) {
    round += 1;
    const sides: Side[] = roundOrder(round) === 'base-first' ? ['base', 'head'] : ['head', 'base'];
    const runs = new Map<Side, Results>();
    for (const side of sides) {
      onRound(side, round, ladders);
      runs.set(side, await measure(side, round, ladders));
    }
    const base = runs.get('base') as Results;
    const head = runs.get('head') as Results;
    exact ??= compareExact(base, head);
    for (const [key, paired] of pairRound(base, head, round)) {
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, cells.length);
        cells.push({ id: paired.id, rounds: [paired.round], looks: [], result: null });
      } else {
        const cell = cells[at] as TrackedCell;
        cells[at] = { ...cell, rounds: [...cell.rounds, paired.round] };
      }
    }
    if (looks.has(round)) {
      const look = evaluateLook(cells, settings);
      cells = look.cells;
      prior = look.prior;
    }
    ladders = openLadders(cells);
    // Every cell decided, or none timed on both sides (every ladder failed): nothing more to run.
    if (ladders.length === 0) break;
  }
  const closed = closeOpen(cells).map((cell) => cell.result as PairedCell);
  return { cells: closed, prior, rounds: round, exact: exact as ExactComparison };
}
