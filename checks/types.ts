/**
 * The public types of the regression checks (compare, check, ab): what was compared, what differed
 * and what each verdict means. lib/types.ts describes a run; this file describes a comparison of two.
 */

import type {
  CellIdentity,
  Correction,
  PairedBasis,
  PairedVerdict,
  RoundOrder,
  SpendingFunction,
  TimeChoice,
  TimeMode,
} from '../lib/types.ts';

/** The settings of a comparison, as given on the command line or by default. */
export interface CompareSettings {
  /** Changes smaller than this are not reported, even when significant, percent (5 = 5%). */
  threshold_pct: number;
  /** Significance level after correction, e.g. 0.05. */
  alpha: number;
  correction: Correction;
  /** Cross-machine check: a variant's ratio to the others may change by this factor before it counts (1.5 = ±50%). */
  relative_tolerance: number;
  time: TimeChoice;
}

/** The fields that must be equal on every machine, plus whole cells and the fitted complexity class. */
export type ExactField =
  | 'presence'
  | 'status'
  | 'result'
  | 'calls'
  | 'cache_hits'
  | 'cache_misses'
  | 'cache_entries'
  | 'max_depth'
  | 'complexity';

/** One exact field that differs. */
export interface ExactDifference {
  suite: string;
  variant: string;
  runner: string;
  /** The cell's input size; null for a fact about the whole ladder (the complexity class of the call counts). */
  n: number | null;
  field: ExactField;
  /** The value in run A and in run B as text; "(missing)" when the cell or field is absent. */
  a: string;
  b: string;
}

/** The exact part of a comparison. */
export interface ExactComparison {
  /** Cells present in both runs. */
  compared: number;
  differences: ExactDifference[];
}

/**
 * What the time comparison concluded for one cell. `regressed`/`improved`: significant after the
 * correction and the ratio beyond the noise threshold; `within-noise`: significant but smaller than
 * the threshold (not reported as a change); `unchanged`: no significant difference.
 */
export type TimeVerdict = 'regressed' | 'improved' | 'within-noise' | 'unchanged';

/**
 * Per cell, how the two runs were compared: `processes` (each run has >= 2 processes: a moderated
 * t-test on log process medians) or `samples` (a run has 1 process: Mann-Whitney U on the pooled
 * samples, which cannot see differences between processes).
 */
export type TimeMethod = 'processes' | 'samples';

/** A same-machine time comparison of one cell. */
export interface TimeCell {
  suite: string;
  variant: string;
  runner: string;
  n: number;
  method: TimeMethod;
  /** Processes (method `processes`) or samples (method `samples`) on each side. */
  units_a: number;
  units_b: number;
  /** Centre of each run, ns per call: geometric mean of the process medians, or median of the pooled samples. */
  center_a_ns: number;
  center_b_ns: number;
  /** center_b / center_a: above 1 means B is slower. */
  ratio: number;
  /** Confidence interval of the ratio at level 1 - alpha (per cell, not adjusted). */
  ci_low: number;
  ci_high: number;
  /** Two-sided p-value of the cell's test, and after the multiple-testing correction. */
  p: number;
  p_adjusted: number;
  verdict: TimeVerdict;
}

/** The cross-machine check of one suite x variant: its time relative to the other variants of the same run. */
export interface RelativeVariant {
  suite: string;
  variant: string;
  runner: string;
  /** Sizes where the variant and at least one other variant have times in both runs. */
  sizes: number[];
  /** Geometric mean over `sizes` of (variant time / geometric mean of the other variants' times), in each run. */
  relative_a: number;
  relative_b: number;
  /** relative_b / relative_a: above 1 means the variant became slower compared with its neighbours. */
  factor: number;
  verdict: 'regressed' | 'improved' | 'unchanged';
}

/** The estimated prior of the moderated t-test (see checks/moderated.ts). */
export interface PriorSummary {
  /** Typical between-process standard deviation of a cell, percent (sqrt of the prior variance of logs). */
  sd_pct: number;
  /** Degrees of freedom the prior is worth (0: each cell on its own). */
  df: number;
}

/** The time part of a comparison. */
export interface TimeComparison {
  mode: TimeMode;
  /** Why this mode, in a sentence (which environment fields differ, or that the user chose it). */
  reason: string;
  /** Whether time verdicts can fail the comparison; when false, `note` says why. */
  gating: boolean;
  note: string;
  /** Same-machine comparisons, one per cell timed in both runs. */
  cells: TimeCell[];
  /** Cross-machine comparisons, one per suite x variant. */
  relative: RelativeVariant[];
  prior: PriorSummary | null;
}

/** A short description of one of the two runs. */
export interface RunSummary {
  /** The file the run was read from. */
  source: string;
  git_commit: string | null;
  date: string;
  node: string;
  os: string;
  cpu_model: string;
  cpu_cores: number;
  profile: string;
  /** Fewest processes per ladder (--processes). */
  min_processes: number;
  /** Most processes per ladder (--max-processes); a ladder settled earlier once its cells were precise. */
  max_processes: number;
  cells: number;
}

/** The whole comparison of run A (before, base) with run B (after, head). */
export interface Comparison {
  a: RunSummary;
  b: RunSummary;
  settings: CompareSettings;
  exact: ExactComparison;
  time: TimeComparison;
  /** Things the reader must know (option differences between the runs, incomplete runs). */
  notes: string[];
  /** True when an exact field differs or a gating time verdict is `regressed`: the exit code is then 1. */
  failed: boolean;
}

/** Which cell a tier-2 result is about. */
export type PairedCellId = Pick<CellIdentity, 'suite' | 'variant' | 'runner' | 'n'>;

/** One round of tier 2 for one cell: each side's median in that round's process, ns per call. */
export interface PairedRound {
  /** 1-based round number. */
  round: number;
  order: RoundOrder;
  base_ns: number;
  head_ns: number;
}

/**
 * A cell's paired rounds on the log scale, analysed as a two-period crossover trial (AB/BA): the
 * change is the mean of the two order groups' mean log(head / base), so that an effect of going
 * first (or a linear drift) cancels; the variance is pooled within the groups.
 */
export interface PairedSummary {
  /** Period-adjusted mean of log(head / base). */
  diff: number;
  /** Variance of one round's log ratio around its group's mean, log units squared; NaN without df. */
  variance: number;
  /** Its degrees of freedom: rounds - 2 with both orders present, else rounds - 1. */
  df: number;
  /** Var(diff) = variance x share: (1/n1 + 1/n2) / 4 with both orders, else 1/n. */
  share: number;
  rounds: number;
  /** Geometric means over the rounds, ns per call. */
  base_ns: number;
  head_ns: number;
}

/** The settings of tier 2's sequential test (checks/sequential.ts holds the defaults and why). */
export interface SequentialSettings {
  /** Family-wise error rate over all cells (Holm), two-sided; also each cell's interval level. */
  alpha: number;
  /** Smaller changes are "no change" even when significant, percent. */
  threshold_pct: number;
  /** A regression whose repeated confidence interval lies above this makes the gate fail (exit 1), percent. */
  block_pct: number;
  /** Most rounds per side: the sequential test's last look. */
  max_rounds: number;
  spending: SpendingFunction;
}

/** Tier 2's result for one cell. */
export interface PairedCell extends PairedCellId {
  /** Paired rounds the verdict rests on. */
  rounds: number;
  /** Geometric mean of each side's round medians, ns per call. */
  base_ns: number;
  head_ns: number;
  /** Period-adjusted head / base: above 1 is slower. */
  ratio: number;
  /** The repeated confidence interval of the ratio at level 1 - alpha (valid over all looks), per cell. */
  ci_low: number;
  ci_high: number;
  /** Moderated t statistic and its degrees of freedom (NaN and 0 when the cell could not be tested). */
  t: number;
  df: number;
  /** True when the cell's spread was an outlier under the prior and was used alone. */
  outlier: boolean;
  verdict: PairedVerdict;
  basis: PairedBasis;
  /** The look (1-based) at which the verdict was reached; the last look taken when open or at the cap. */
  look: number;
  /** A regression whose interval lies above +block_pct: the gate fails. */
  blocking: boolean;
}

/** The prior of tier 2's variances, or why there is none. */
export interface PairedPrior {
  /** Typical standard deviation of one round's log ratio, percent; null when not estimated. */
  sd_pct: number | null;
  /** Degrees of freedom it is worth in each cell's test (0: each cell on its own). */
  df: number;
  /** Cells with a variance of their own that the prior was fitted to. */
  cells: number;
}

/** A cell followed through tier 2's looks. */
export interface TrackedCell {
  id: PairedCellId;
  rounds: PairedRound[];
  /** Information fractions (rounds / max_rounds) of the looks it has taken. */
  looks: number[];
  /** Its result at the last look; a decided one (basis not `open`) no longer changes. Null before any look. */
  result: PairedCell | null;
}

/** Tier 2's whole result: what ab --measure time writes as JSON and prints as Markdown. */
export interface PairedReport {
  /** The base revision as given and resolved, e.g. "origin/main (1a2b3c4d5e)". */
  base: string;
  head: string;
  settings: SequentialSettings;
  /** Rounds run per side (at most settings.max_rounds). */
  rounds: number;
  /** How the runs were pinned to a CPU, in a sentence. */
  pinning: string;
  prior: PairedPrior;
  cells: PairedCell[];
  /** Exact fields of round 1 compared (reported here; bench:check gates them). */
  exact: ExactComparison;
  /** True when a cell is a blocking regression: the exit code is then 1. */
  failed: boolean;
}
