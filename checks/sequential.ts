/**
 * Tier 2's sequential test: after each ABBA block of rounds, every cell still open is tested on its
 * paired log ratios (paired-rounds.ts), and either decided or given more rounds, up to a cap.
 *
 * Error control under optional stopping. Each cell's test of "no change at all" is a group-
 * sequential t test with Lan-DeMets alpha spending over its looks (group-sequential.ts), the looks
 * at rounds 6, 8, ..., max_rounds (information fraction rounds / max_rounds): the chance that a cell
 * that did not change ever crosses its boundary, however many looks it takes, is its level. Across
 * cells the levels are Holm's, in the graphical form for group-sequential trials (Maurer and Bretz
 * 2013): each of the m cells starts at alpha / m, a rejection passes its level on to the cells not
 * yet rejected (alpha / (m - rejected)), and they are tested again at the same look with the larger
 * level; this controls the family-wise error rate strongly, whatever the dependence between cells.
 *
 * "No change" is shown, not assumed: a cell is `no-change` when its change is significant but
 * within the noise threshold, or when its repeated confidence interval (the same spending at the
 * cell's own level alpha, so valid over all its looks: Jennison and Turnbull 1989) lies inside
 * ±threshold. A cell that is neither by the cap is `undecided`, which is reported, never passed.
 *
 * The variance. One round's log ratio spreads by a few percent on a calm machine, more for bimodal
 * cells; with 6 rounds a cell's own variance has 4 degrees of freedom. It is moderated by a prior
 * fitted over all cells (moderated.ts, limma's empirical Bayes, robust), refitted at every look;
 * with fewer than MIN_PRIOR_CELLS cells no prior is fitted and each cell stands alone (said so in
 * the report). The t boundary is the z boundary's nominal level at the moderated degrees of freedom.
 */
import { boundaries, studentBoundary } from './group-sequential.ts';
import { fitPrior, moderate } from './moderated.ts';
import { pairedSummary } from './paired-rounds.ts';
import type { PairedCell, PairedPrior, SequentialSettings, TrackedCell } from './types.ts';

/**
 * Rounds per side before the first look: three ABBA blocks (a cell's own variance then has 4 degrees
 * of freedom). With 4 rounds (2 df), a bimodal cell (15% between processes) whose few rounds
 * happened to agree passed the outlier test in 9% of looks and was shrunk towards the calm
 * majority's spread: 6% of simulated A/A runs of 40 cells (test/paired-synthetic.ts) raised a false
 * alarm, above alpha; with 6 rounds, 2%.
 */
export const FIRST_LOOK_ROUNDS = 6;

/** Rounds between looks: one ABBA block, so that every look sees whole blocks. */
export const ROUNDS_PER_LOOK = 2;

/**
 * Tier 2's defaults (README "Tier 2" has the simulation behind them): alpha 0.05 family-wise; a 5%
 * noise threshold (a 10% one halved the power at 10%); a 25% blocking threshold, reached when the
 * cell's repeated confidence interval lies above +25% (not merely its estimate: in simulated A/A
 * runs one bimodal cell in 8,000 was flagged at +28% with an interval from +16%; a false block costs
 * a developer more than an unblocked 25-40% regression, which is still reported); 12 rounds, the most that tier 2's scope fits in 10 minutes on 2 cores (4 looks: after
 * rounds 6, 8, 10 and 12); O'Brien-Fleming spending, which keeps the last look
 * almost as powerful as a fixed 12-round test and stops early only for large changes.
 */
export const TIER2_DEFAULTS: SequentialSettings = {
  alpha: 0.05,
  threshold_pct: 5,
  block_pct: 25,
  max_rounds: 12,
  spending: 'obrien-fleming',
};

/**
 * The rounds after which tier 2 looks: every ABBA block from FIRST_LOOK_ROUNDS to the cap (ab
 * accepts only even caps of at least FIRST_LOOK_ROUNDS, so the cap is always one of them).
 */
export function lookRounds(settings: Pick<SequentialSettings, 'max_rounds'>): number[] {
  const rounds: number[] = [];
  for (let round = FIRST_LOOK_ROUNDS; round <= settings.max_rounds; round += ROUNDS_PER_LOOK)
    rounds.push(round);
  return rounds;
}

/** The look number a cell is at: its count of looks. */
const lookOf = (cell: TrackedCell) => cell.looks.length;

/** Whether a cell takes a look now: open, with rounds it has not looked at. */
function looksNow(cell: TrackedCell, settings: SequentialSettings): boolean {
  if (cell.result !== null && cell.result.basis !== 'open') return false;
  const fraction = Math.min(cell.rounds.length / settings.max_rounds, 1);
  const last = cell.looks[cell.looks.length - 1] ?? 0;
  return cell.rounds.length >= FIRST_LOOK_ROUNDS && fraction > last;
}

/**
 * One look: every open cell with new rounds is tested, decided or left open; decided cells keep
 * their result. `cells` is not changed; the returned cells replace it.
 */
export function evaluateLook(
  cells: readonly TrackedCell[],
  settings: SequentialSettings,
): { cells: TrackedCell[]; prior: PairedPrior } {
  const summaries = cells.map((cell) => (cell.rounds.length > 0 ? pairedSummary(cell.rounds) : null));
  const fitted = summaries.filter((s) => s !== null && s.df > 0) as NonNullable<(typeof summaries)[number]>[];
  const prior = fitPrior(
    fitted.map((s) => s.variance),
    fitted.map((s) => s.df),
  );
  const next = cells.map((cell) => ({ ...cell, looks: [...cell.looks] }));
  const taking = next.flatMap((cell, index) => (looksNow(cell, settings) ? [index] : []));
  const tests = new Map<number, { t: number; df: number; se: number; outlier: boolean }>();
  for (const index of taking) {
    const cell = next[index] as TrackedCell;
    const summary = summaries[index] as NonNullable<(typeof summaries)[number]>;
    cell.looks.push(Math.min(cell.rounds.length / settings.max_rounds, 1));
    const moderated = moderate(summary.variance, summary.df, prior);
    const se = Math.sqrt(moderated.variance * summary.share);
    tests.set(index, { t: summary.diff / se, df: moderated.df, se, outlier: moderated.outlier });
  }

  // Holm, graphically: levels grow as cells are rejected; retest at this look until none is new.
  const rejectedBefore = next.filter((cell) => cell.result?.basis === 'significant').length;
  const rejected = new Set<number>();
  for (;;) {
    const level = settings.alpha / (cells.length - rejectedBefore - rejected.size);
    const newly = taking.filter((index) => {
      if (rejected.has(index)) return false;
      const test = tests.get(index) as { t: number; df: number };
      if (!(test.df > 0)) return false;
      const z = boundaries(settings.spending, level, (next[index] as TrackedCell).looks).at(-1) as number;
      return Math.abs(test.t) >= studentBoundary(z, test.df);
    });
    if (newly.length === 0) break;
    for (const index of newly) rejected.add(index);
  }

  const threshold = Math.log(1 + settings.threshold_pct / 100);
  const block = Math.log(1 + settings.block_pct / 100);
  for (const index of taking) {
    const cell = next[index] as TrackedCell;
    const summary = summaries[index] as NonNullable<(typeof summaries)[number]>;
    const test = tests.get(index) as { t: number; df: number; se: number; outlier: boolean };
    const testable = test.df > 0;
    const z = boundaries(settings.spending, settings.alpha, cell.looks).at(-1) as number;
    const half = testable ? studentBoundary(z, test.df) * test.se : Number.POSITIVE_INFINITY;
    const final = cell.rounds.length >= settings.max_rounds;
    let verdict: PairedCell['verdict'] = 'undecided';
    let basis: PairedCell['basis'] = final ? 'cap' : 'open';
    if (rejected.has(index)) {
      basis = 'significant';
      verdict = summary.diff > threshold ? 'regressed' : summary.diff < -threshold ? 'improved' : 'no-change';
    } else if (summary.diff - half > -threshold && summary.diff + half < threshold) {
      basis = 'equivalent';
      verdict = 'no-change';
    }
    cell.result = {
      ...cell.id,
      rounds: summary.rounds,
      base_ns: summary.base_ns,
      head_ns: summary.head_ns,
      ratio: Math.exp(summary.diff),
      ci_low: Math.exp(summary.diff - half),
      ci_high: Math.exp(summary.diff + half),
      t: testable ? test.t : Number.NaN,
      df: test.df,
      outlier: test.outlier,
      verdict,
      basis,
      look: lookOf(cell),
      blocking: verdict === 'regressed' && summary.diff - half >= block,
    };
  }
  return {
    cells: next,
    prior: {
      sd_pct: prior.df > 0 ? 100 * Math.sqrt(prior.variance) : null,
      df: prior.df,
      cells: fitted.length,
    },
  };
}

/** Whether any cell is still open (more rounds would be taken). */
export function anyOpen(cells: readonly TrackedCell[]): boolean {
  return cells.some((cell) => cell.result === null || cell.result.basis === 'open');
}

/**
 * The cells still open when the rounds end (at the cap, or a cell that stopped appearing in the
 * runs, e.g. a ladder that failed later) become `undecided` at the cap; a cell that never reached a
 * look gets its summary without a test.
 */
export function closeOpen(cells: readonly TrackedCell[]): TrackedCell[] {
  return cells.map((cell) => {
    if (cell.result !== null && cell.result.basis !== 'open') return cell;
    if (cell.result !== null) return { ...cell, result: { ...cell.result, basis: 'cap' } };
    const summary = cell.rounds.length > 0 ? pairedSummary(cell.rounds) : null;
    const result: PairedCell = {
      ...cell.id,
      rounds: cell.rounds.length,
      base_ns: summary?.base_ns ?? Number.NaN,
      head_ns: summary?.head_ns ?? Number.NaN,
      ratio: summary === null ? Number.NaN : Math.exp(summary.diff),
      ci_low: Number.NaN,
      ci_high: Number.NaN,
      t: Number.NaN,
      df: 0,
      outlier: false,
      verdict: 'undecided',
      basis: 'cap',
      look: 0,
      blocking: false,
    };
    return { ...cell, result };
  });
}
