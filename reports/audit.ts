import { variantKey } from '../lib/cell-key.ts';
import { isOk, timeNs } from '../lib/cells.ts';
import { fitComplexity, MIN_FIT_POINTS, modelLabel } from '../lib/fit.ts';
import { formatInteger, formatRatio } from '../lib/format.ts';
import type { Cell, LibraryVariant, OkCell, Results } from '../lib/types.ts';
import { primaryCells } from './primary.ts';

/**
 * The audit of npm memoizers (issue 4), from results.json alone: one row per suite x library
 * variant (the suite's `libraries` metadata), with facts and a verdict derived from those facts
 * only. The hand-written `closure`, `map` and `naive` variants of the same suite are the yardsticks.
 */

/** The hand-written variants a library is measured against. */
export const YARDSTICKS = ['closure', 'map'] as const;

/**
 * "Slows as the cache grows" is judged on the ratio of the library's time to closure's, over the
 * sizes both were timed: at the largest of them the ratio must be at least GROWTH_MIN_RATIO, and at
 * least GROWTH_RATIO_FACTOR times its lowest over the sizes (the lowest, not the first: in cold mode
 * every call creates its memoizer, which dominates the smallest sizes), both for the times and for
 * the fastest samples (a load burst on the machine slows a whole cell, never its fastest sample by
 * much). Fitted models (fit.ts) of both series are reported beside it, not used for the decision:
 * on a few noisy sizes at the top of a ladder the chosen model moves (closure's own time has come
 * out as b^n), while the ratio thresholds separated the caches that scan from those that hash in
 * every run checked.
 */
export const GROWTH_MIN_RATIO = 10;
export const GROWTH_RATIO_FACTOR = 4;

/** A run of consecutive sizes with the same status, e.g. ok for n = 5 to 1000. */
export interface StatusRun {
  /** The status, or `skipped (<reason>)`. */
  status: string;
  n_first: number;
  n_last: number;
}

/** Time per call (timeNs) of a library variant over a yardstick's, at the largest n both were timed. */
export interface RelativeTime {
  n: number;
  /** Variant time / yardstick time (ns / ns, lib/cells.ts timeNs); above 1 the library is slower. */
  ratio: number;
}

/** Exact calls at the largest n where the variant, closure and naive were all counted. */
export interface CallComparison {
  n: number;
  calls: number;
  closure: number;
  naive: number;
}

/** How the time per call grows against closure's, over the sizes both were timed. */
export interface GrowthComparison {
  /** Fitted model of the library's time per call (fit.ts), e.g. "O(n^2)"; null when no fit. */
  model: string | null;
  closure_model: string | null;
  n_min: number;
  n_max: number;
  /** The lowest ratio of times (library / closure) over the common sizes, and where. */
  ratio_low: RelativeTime;
  /** Ratio of times at n_max. */
  ratio_last: number;
  /** Ratio of the fastest samples at n_max. */
  ratio_last_fastest: number;
  /** True when both ratios at n_max pass both thresholds (see GROWTH_MIN_RATIO). */
  faster_growth: boolean;
}

/** One row of the audit. */
export interface AuditRow extends LibraryVariant {
  suite: string;
  variant: string;
  statuses: StatusRun[];
  /** Largest n verified and timed; null when none. */
  max_n: number | null;
  /** closure's largest n verified and timed, for comparison; null when none. */
  closure_max_n: number | null;
  /** The first wrong answer: its n and what was expected and returned. */
  wrong: { n: number; message: string } | null;
  /** What ended the ladder early: a status or skip reason and its n; null at the end of the ladder. */
  stopped: { reason: string; n: number } | null;
  calls: CallComparison | null;
  /** Why the variant has no counts, when it was timed but not counted. */
  calls_note: string | null;
  relative: Partial<Record<(typeof YARDSTICKS)[number], RelativeTime>>;
  growth: GrowthComparison | null;
  verdict: string;
}

function statusOf(cell: Cell): string {
  return cell.status === 'skipped' ? `skipped (${cell.skip_reason})` : cell.status;
}

/** Consecutive sizes with the same status, in ladder order. */
export function statusRuns(cells: readonly Cell[]): StatusRun[] {
  const runs: StatusRun[] = [];
  for (const cell of [...cells].sort((a, b) => a.n - b.n)) {
    const status = statusOf(cell);
    const last = runs.at(-1);
    if (last !== undefined && last.status === status) last.n_last = cell.n;
    else runs.push({ status, n_first: cell.n, n_last: cell.n });
  }
  return runs;
}

const timed = (cell: Cell): cell is OkCell => cell.status === 'ok' && timeNs(cell) > 0;

function relativeTime(own: readonly Cell[], yardstick: readonly Cell[]): RelativeTime | undefined {
  const byN = new Map(yardstick.filter(timed).map((cell) => [cell.n, timeNs(cell)]));
  const common = own
    .filter(timed)
    .filter((cell) => byN.has(cell.n))
    .sort((a, b) => b.n - a.n)[0];
  if (common === undefined) return undefined;
  return { n: common.n, ratio: timeNs(common) / (byN.get(common.n) as number) };
}

function callComparison(own: readonly Cell[], closure: readonly Cell[], naive: readonly Cell[]) {
  const counted = (cells: readonly Cell[]) =>
    new Map(
      cells
        .filter(isOk)
        .filter((cell) => cell.calls !== undefined)
        .map((cell) => [cell.n, cell.calls as number]),
    );
  const [c, v] = [counted(closure), counted(naive)];
  const at = own
    .filter(isOk)
    .filter((cell) => cell.calls !== undefined && c.has(cell.n) && v.has(cell.n))
    .sort((a, b) => b.n - a.n)[0];
  if (at === undefined) return null;
  return { n: at.n, calls: at.calls as number, closure: c.get(at.n) as number, naive: v.get(at.n) as number };
}

function growthComparison(own: readonly Cell[], closure: readonly Cell[]): GrowthComparison | null {
  const byN = new Map(closure.filter(timed).map((cell) => [cell.n, cell]));
  const pairs = own
    .filter(timed)
    .filter((cell) => byN.has(cell.n))
    .map((cell) => ({ n: cell.n, own: cell, closure: byN.get(cell.n) as OkCell }))
    .sort((a, b) => a.n - b.n);
  const last = pairs.at(-1);
  if (pairs.length < MIN_FIT_POINTS || last === undefined) return null;
  const ratio = (of: (cell: OkCell) => number, p: (typeof pairs)[number]) => of(p.own) / of(p.closure);
  const ratios = pairs.map((p) => ({ n: p.n, ratio: ratio(timeNs, p) }));
  const low = ratios.reduce((best, r) => (r.ratio < best.ratio ? r : best));
  const [time, fastest] = [ratio(timeNs, last), ratio((cell) => cell.min_ns, last)];
  const passes = (value: number) => value >= GROWTH_MIN_RATIO && value >= GROWTH_RATIO_FACTOR * low.ratio;
  const modelOf = (pick: (p: (typeof pairs)[number]) => OkCell) => {
    const fit = fitComplexity(pairs.map((p) => ({ n: p.n, y: timeNs(pick(p)) })));
    return fit === null ? null : modelLabel(fit.best);
  };
  return {
    model: modelOf((p) => p.own),
    closure_model: modelOf((p) => p.closure),
    n_min: pairs[0]?.n as number,
    n_max: last.n,
    ratio_low: low,
    ratio_last: time,
    ratio_last_fastest: fastest,
    faster_growth: passes(time) && passes(fastest),
  };
}

/** The one-line verdict: only what the row's facts show, most important first. */
export function verdictOf(row: Omit<AuditRow, 'verdict'>): string {
  if (row.wrong !== null)
    return `wrong answers (first at n = ${row.wrong.n}: ${row.wrong.message}); never timed`;
  const facts: string[] = [];
  const calls = row.calls;
  const memoizes = calls !== null && calls.calls === calls.closure;
  if (calls !== null && calls.calls === calls.naive && calls.naive > calls.closure) {
    facts.push(
      `does not memoize recursion (calls = naive's: ${formatInteger(calls.calls)} at n = ${calls.n}; closure ${formatInteger(calls.closure)})`,
    );
  } else if (memoizes) {
    facts.push(`memoizes recursion (calls = closure's: ${formatInteger(calls.calls)} at n = ${calls.n})`);
  } else if (calls !== null) {
    facts.push(
      `${formatInteger(calls.calls)} calls at n = ${calls.n} (closure ${formatInteger(calls.closure)}, naive ${formatInteger(calls.naive)})`,
    );
  } else if (row.calls_note !== null) {
    facts.push(`calls not counted (${row.calls_note})`);
  }
  const growth = row.growth;
  // Equal calls mean equal work, so faster growth can only come from each call getting dearer.
  const notNaive = calls === null || memoizes || calls.calls < calls.naive;
  if (growth?.faster_growth && notNaive) {
    const cause = memoizes ? 'slows as the cache grows' : 'time grows faster than closure’s';
    const fits =
      growth.model === null || growth.closure_model === null
        ? ''
        : `; time fitted ${growth.model}, closure's ${growth.closure_model}`;
    facts.push(
      `${cause}: ${formatRatio(growth.ratio_low.ratio)} closure's time at n = ${growth.ratio_low.n} (its lowest), ${formatRatio(growth.ratio_last)} at n = ${growth.n_max} (fastest samples ${formatRatio(growth.ratio_last_fastest)})${fits}`,
    );
  }
  const stopped = row.stopped;
  if (stopped?.reason === 'over-budget') facts.push(`stopped by the budget at n = ${stopped.n}`);
  else if (stopped?.reason === 'budget') facts.push(`stopped by the budget before n = ${stopped.n}`);
  else if (stopped !== null && stopped.reason !== 'stack-overflow')
    facts.push(`${stopped.reason} at n = ${stopped.n}`);
  else if (row.max_n !== null && row.closure_max_n !== null && row.max_n < row.closure_max_n) {
    facts.push(`reaches n = ${row.max_n} where closure reaches ${row.closure_max_n}`);
  }
  const closure = row.relative.closure;
  const said = growth?.faster_growth && notNaive && growth.n_max === closure?.n;
  if (closure !== undefined && !said)
    facts.push(`${formatRatio(closure.ratio)} closure's time at n = ${closure.n}`);
  return facts.length > 0 ? facts.join('; ') : 'no verified size';
}

/** The audit rows of a run: suites in run order, library variants in their suite's order. */
export function auditRows(run: Results): AuditRow[] {
  const cells = primaryCells(run.cells);
  return run.suites.flatMap((info) => {
    const of = (variant: string) =>
      cells.filter((cell) => cell.suite === info.id && cell.variant === variant);
    const [closure, map, naive] = [of('closure'), of('map'), of('naive')];
    const largest = (own: readonly Cell[]) => {
      const ok = own.filter(timed).map((cell) => cell.n);
      return ok.length > 0 ? Math.max(...ok) : null;
    };
    return Object.entries(info.libraries)
      .filter(([variant]) => of(variant).length > 0)
      .map(([variant, library]) => {
        const own = of(variant).sort((a, b) => a.n - b.n);
        const wrong = own.find((cell) => cell.status === 'wrong-answer');
        const stop = own.find((cell) => cell.status !== 'ok');
        const relative: AuditRow['relative'] = {};
        for (const [name, cellsOf] of [
          ['closure', closure],
          ['map', map],
        ] as const) {
          const found = relativeTime(own, cellsOf);
          if (found !== undefined) relative[name] = found;
        }
        const row: Omit<AuditRow, 'verdict'> = {
          suite: info.id,
          variant,
          ...library,
          statuses: statusRuns(own),
          max_n: largest(own),
          closure_max_n: largest(closure),
          wrong: wrong === undefined ? null : { n: wrong.n, message: wrong.message.split(';')[0] as string },
          stopped:
            stop === undefined
              ? null
              : {
                  reason: stop.status === 'skipped' ? stop.skip_reason : stop.status,
                  n: stop.n,
                },
          calls: callComparison(own, closure, naive),
          calls_note:
            own
              .filter(timed)
              .find((cell) => cell.calls === undefined)
              ?.counts_note?.replace(/^not counted: /, '') ?? null,
          relative,
          growth: growthComparison(own, closure),
        };
        return { ...row, verdict: verdictOf(row) };
      });
  });
}

/** The results without the library variants, for the sections about the hand-written ones. */
export function withoutLibraries(run: Results): Results {
  const library = new Set(
    run.suites.flatMap((info) =>
      Object.keys(info.libraries).map((variant) => variantKey({ suite: info.id, variant })),
    ),
  );
  const isLibrary = (suite: string, variant: string) => library.has(variantKey({ suite, variant }));
  return {
    ...run,
    suites: run.suites.map((info) => ({
      ...info,
      variants: info.variants.filter((variant) => !isLibrary(info.id, variant)),
    })),
    cells: run.cells.filter((cell) => !isLibrary(cell.suite, cell.variant)),
  };
}
