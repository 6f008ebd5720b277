/**
 * Tuning constants of the process-level statistics of a run, in one place: the interval of a cell
 * (process-interval.ts), the run-wide variance prior (process-prior.ts), the disagreement detector
 * (process-modes.ts) and the adaptive stopping rule (adaptive-stop.ts). Why each value was chosen,
 * and the simulated calibration it gives, is in the header of process-interval.ts.
 */

/** 1 - the level of every interval: 95%. */
export const INTERVAL_ALPHA = 0.05;

/**
 * No process median is known better than this relative standard deviation (0.1%), whatever its
 * samples say: timer granularity and batch rounding make identical medians common in fast cells,
 * and a zero variance would claim a precision no rerun has.
 */
export const MIN_PROCESS_SD = 1e-3;

/**
 * A cell's estimate sets its slowest process aside from this many processes on: of two processes
 * it is the faster (the ab comparison waits for 4: checks/moderated.ts). Disturbances are
 * one-sided (lib/trimmed-log-mean.ts), and one disturbed process in the other run was the main way
 * its estimate left this run's interval. In TYPICAL_WORLD (test/process-simulation.ts), over six
 * seeds of 400 cells: with 2 processes the mean of both covered 89-94%, 90-96% even when widened
 * to the faster one's width, and the faster one 95-98% (HARSH_WORLD: 88-91%, 89-92% and 95-97%;
 * 94-96% with half of the JIT modes faster than the usual one); with 3 processes trimming took 91%
 * to 97%. With so few processes left, the spread comes from all of them (two) or borrows from the
 * run's prior.
 */
export const RUN_TRIM_FROM = 2;

/** Fewest cells with two or more processes for a run-wide prior; below it each cell stands alone. */
export const PRIOR_MIN_CELLS = 20;

/**
 * Cells per duration band of the prior (sorted by duration, equal counts): each band pins the
 * prior's typical variance at its median duration. Bands of 100 keep the band median's own error
 * small (a log variance of 1 degree of freedom has a standard deviation of 2.2) while a run of
 * 1,000 cells still resolves ten durations.
 */
export const PRIOR_BAND_CELLS = 100;

/** The prior's degrees of freedom are fitted within [PRIOR_MIN_DF, PRIOR_MAX_DF]. */
export const PRIOR_MIN_DF = 0.5;
/** A cell's own spread always keeps some weight (as in checks/moderated.ts). */
export const PRIOR_MAX_DF = 30;

/**
 * A cell whose own variance is this improbable under the prior (upper tail of F(d, d0)) is judged
 * by its own variance alone: bimodal or disturbed cells would otherwise be shrunk towards the
 * calm majority and get intervals far too narrow.
 */
export const PRIOR_OUTLIER_P = 0.01;

/**
 * The interval of a cell whose processes disagree (process-modes.ts) reaches at least this many
 * processes changing group in another run (process-interval.ts, disagreementHalfWidth). With
 * disturbed processes striking a quarter of processes at random, another run of 4 has 2 more
 * disturbed ones than this run's 1 with probability 5%. With 2 processes (one kept) two changes
 * are more than the two-group model allows (one gap), but there the groups' own positions are
 * unknown too, and quick runs under-covered rather than over-covered (README, Calibration). The
 * rule it replaced (the variance of all processes, the slowest included, under the t quantile of
 * 2-3 degrees of freedom) held 93.7-94.8% of the next default run's figures at a median half-width of
 * ±93-107% (commit d668f68); this one 92.0-96.8% at ±54-63% (commit 467416e; `npm run bench --
 * calibrate` on three default runs).
 */
export const DISAGREEMENT_SWAPS = 2;

/**
 * Neighbouring process medians (sorted) further apart than this, percent, and than MODE_GAP_SDS
 * times the spread expected between processes, split a cell's processes into groups. 10% is well
 * above the typical spread between processes (2-5%) and well below the JIT outcomes seen (2.6x).
 */
export const MODE_GAP_MIN_PCT = 10;
/** See MODE_GAP_MIN_PCT: a gap this many expected standard deviations wide is not noise. */
export const MODE_GAP_SDS = 4;

/**
 * The adaptive rule measures a ladder in at least this many processes: with 2, coverage of another
 * run's estimate held in TYPICAL_WORLD (95%) but the disagreement detector cannot tell two modes
 * from one noisy cell, and a third process costs a third more, not double.
 */
export const MIN_PROCESSES = 3;
/** ... and in at most this many (the run's length is this times a one-process run, at worst). */
export const MAX_PROCESSES = 8;
/**
 * ... stopping between the two once every cell's prediction interval is within ± this, percent.
 * Processes differ by a few percent (issue 12: 3.8% in the median cell), so ±2% is out of reach
 * for nearly every cell even at 8 processes (median half-width 6.4% in TYPICAL_WORLD): every
 * ladder would run to the cap. ±5% separates the 10% differences the findings discuss and lets
 * calm cells stop early: with processes 2% apart (as in the ci runs of test/checks-synthetic.ts;
 * TYPICAL_WORLD otherwise), a cell stopped after 5.7 processes on average, but a ladder of 6 cells,
 * which waits for its widest, after 7.9.
 */
export const TARGET_HALF_WIDTH_PCT = 5;
