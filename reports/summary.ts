import { isOk, timeNs } from '../lib/cells.ts';
import { formatNs, formatRatio, textTable } from '../lib/format.ts';
import type { Cell, Results } from '../lib/types.ts';

/** How far one variant climbed its ladder. */
export interface VariantReach {
  variant: string;
  /** Largest n with a verified, timed result; null when none. */
  max_n: number | null;
  /** Why it did not go further: the first non-ok status or skip reason, or "end of ladder". */
  stopped_by: string;
}

/** A variant the largest common n is not computed over, and why. */
export interface LeftOutVariant {
  variant: string;
  /** "wrong answer at n = 2", or "never timed (error at n = 5)". */
  reason: string;
}

/** The summary of one suite in a run. */
export interface SuiteSummary {
  suite: string;
  title: string;
  reach: VariantReach[];
  /**
   * Variants left out of `common_n`: those that answered wrongly at some n (their times are not of a
   * correct implementation; the audit reports npm memoizers that do so by design) and those never
   * verified and timed.
   */
  left_out: LeftOutVariant[];
  /** Largest n at which every variant not left out is `ok`; null when there is none. */
  common_n: number | null;
  /** Fastest variant at `common_n`, by time per call (ns, lib/cells.ts timeNs). */
  fastest: { variant: string; time_ns: number } | null;
  /** naive's time / fastest's time at `common_n`; null without naive. */
  speedup_vs_naive: number | null;
}

function stopReason(cells: readonly Cell[]): string {
  const stop = cells.find((cell) => cell.status !== 'ok');
  if (stop === undefined) return 'end of ladder';
  if (stop.status === 'skipped') return `${stop.skip_reason} at n = ${stop.n}`;
  return `${stop.status} at n = ${stop.n}`;
}

/** Why a variant's cells (in ladder order) cannot be compared with the others; null when they can. */
function leftOutReason(cells: readonly Cell[]): string | null {
  const wrong = cells.find((cell) => cell.status === 'wrong-answer');
  if (wrong !== undefined) return `wrong answer at n = ${wrong.n}`;
  return cells.some(isOk) ? null : `never timed (${stopReason(cells)})`;
}

/**
 * Per suite: the reach of each variant, the largest n at which every variant that was verified and
 * timed is ok, the fastest variant there and its speedup.
 */
export function summarizeRun(results: Results): SuiteSummary[] {
  return results.suites.map((info) => {
    const cells = results.cells.filter((cell) => cell.suite === info.id);
    const variants = info.variants.filter((variant) => cells.some((cell) => cell.variant === variant));
    const byVariant = new Map(
      variants.map((variant) => [
        variant,
        cells.filter((cell) => cell.variant === variant).sort((a, b) => a.n - b.n),
      ]),
    );
    const reach = variants.map((variant) => {
      const own = byVariant.get(variant) ?? [];
      const ok = own.filter(isOk).map((cell) => cell.n);
      return { variant, max_n: ok.length > 0 ? Math.max(...ok) : null, stopped_by: stopReason(own) };
    });
    const left_out = variants.flatMap((variant) => {
      const reason = leftOutReason(byVariant.get(variant) ?? []);
      return reason === null ? [] : [{ variant, reason }];
    });
    const compared = variants.filter((variant) => !left_out.some((out) => out.variant === variant));
    const okAt = (variant: string, n: number) =>
      byVariant
        .get(variant)
        ?.filter(isOk)
        .find((cell) => cell.n === n);
    const sizes = [...new Set(cells.map((cell) => cell.n))].sort((a, b) => b - a);
    const common = sizes.find((n) => compared.length > 0 && compared.every((variant) => okAt(variant, n)));
    const base = { suite: info.id, title: info.title, reach, left_out };
    if (common === undefined) return { ...base, common_n: null, fastest: null, speedup_vs_naive: null };
    const timed = compared.flatMap((variant) => {
      const cell = okAt(variant, common);
      return cell === undefined ? [] : [{ variant, time_ns: timeNs(cell) }];
    });
    const fastest = timed.reduce((best, entry) => (entry.time_ns < best.time_ns ? entry : best));
    const naiveCell = compared.includes('naive') ? okAt('naive', common) : undefined;
    const naive = naiveCell === undefined ? undefined : timeNs(naiveCell);
    return {
      ...base,
      common_n: common,
      fastest,
      speedup_vs_naive: naive === undefined ? null : naive / fastest.time_ns,
    };
  });
}

/** The variants left out of the comparison, with why, e.g. "; left out: lodash-default (wrong answer at n = 2)". */
function leftOutText(summary: SuiteSummary): string {
  if (summary.left_out.length === 0) return '';
  return `; left out: ${summary.left_out.map((out) => `${out.variant} (${out.reason})`).join(', ')}`;
}

/**
 * The finding of a suite in one sentence: the fastest variant at the largest n every variant that
 * was verified and timed reached, with units, and the variants left out.
 */
export function headline(summary: SuiteSummary): string {
  const leftOut = leftOutText(summary);
  if (summary.reach.length === summary.left_out.length) return `no variant was verified and timed${leftOut}`;
  if (summary.common_n === null || summary.fastest === null)
    return `no size at which every verified variant was timed${leftOut}`;
  const speedup =
    summary.speedup_vs_naive === null
      ? ''
      : `; speedup over naive ${formatRatio(summary.speedup_vs_naive)} (naive time / its time)`;
  const which = summary.left_out.length === 0 ? 'every variant' : 'every verified variant';
  return `at n = ${summary.common_n} (largest n ${which} reached) the fastest is ${summary.fastest.variant}: ${formatNs(summary.fastest.time_ns)} per call (estimate over processes)${speedup}${leftOut}`;
}

/** The end-of-run table for the terminal. */
export function summaryText(summaries: readonly SuiteSummary[]): string {
  return summaries
    .map((summary) => {
      const rows = summary.reach.map((r) => [
        r.variant,
        r.max_n === null ? '-' : String(r.max_n),
        r.stopped_by,
      ]);
      return `${summary.suite}: ${summary.title}\n${textTable(['variant', 'largest n', 'stopped by'], rows)}\n${headline(summary)}`;
    })
    .join('\n\n');
}
