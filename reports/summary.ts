import { isOk } from '../lib/cells.ts';
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

/** The summary of one suite in a run. */
export interface SuiteSummary {
  suite: string;
  title: string;
  reach: VariantReach[];
  /** Largest n at which every variant of the run is `ok`; null when there is none. */
  common_n: number | null;
  /** Fastest variant at `common_n`, by median time per call (ns). */
  fastest: { variant: string; median_ns: number } | null;
  /** naive's median / fastest's median at `common_n`; null without naive. */
  speedup_vs_naive: number | null;
}

function stopReason(cells: readonly Cell[]): string {
  const stop = cells.find((cell) => cell.status !== 'ok');
  if (stop === undefined) return 'end of ladder';
  if (stop.status === 'skipped') return `${stop.skip_reason} at n = ${stop.n}`;
  return `${stop.status} at n = ${stop.n}`;
}

/** Per suite: the reach of each variant, the largest common n, the fastest variant there and its speedup. */
export function summarizeRun(results: Results): SuiteSummary[] {
  return results.suites.map((info) => {
    const cells = results.cells.filter((cell) => cell.suite === info.id);
    const variants = info.variants.filter((variant) => cells.some((cell) => cell.variant === variant));
    const byVariant = new Map(
      variants.map((variant) => [variant, cells.filter((cell) => cell.variant === variant)]),
    );
    const reach = variants.map((variant) => {
      const own = byVariant.get(variant) ?? [];
      const ok = own.filter((cell) => cell.status === 'ok').map((cell) => cell.n);
      return { variant, max_n: ok.length > 0 ? Math.max(...ok) : null, stopped_by: stopReason(own) };
    });
    const okAt = (variant: string, n: number) =>
      byVariant
        .get(variant)
        ?.filter(isOk)
        .find((cell) => cell.n === n);
    const sizes = [...new Set(cells.map((cell) => cell.n))].sort((a, b) => b - a);
    const common = sizes.find((n) => variants.length > 0 && variants.every((variant) => okAt(variant, n)));
    if (common === undefined) {
      return {
        suite: info.id,
        title: info.title,
        reach,
        common_n: null,
        fastest: null,
        speedup_vs_naive: null,
      };
    }
    const timed = variants.map((variant) => ({
      variant,
      median_ns: okAt(variant, common)?.median_ns as number,
    }));
    const fastest = timed.reduce((best, entry) => (entry.median_ns < best.median_ns ? entry : best));
    const naive = okAt('naive', common)?.median_ns;
    return {
      suite: info.id,
      title: info.title,
      reach,
      common_n: common,
      fastest,
      speedup_vs_naive: naive === undefined ? null : naive / fastest.median_ns,
    };
  });
}

/** The finding of a suite in one sentence: the fastest variant at the largest common n, with units. */
export function headline(summary: SuiteSummary): string {
  if (summary.common_n === null || summary.fastest === null)
    return 'no size at which every variant was verified and timed';
  const speedup =
    summary.speedup_vs_naive === null
      ? ''
      : `; speedup over naive ${formatRatio(summary.speedup_vs_naive)} (naive median / its median)`;
  return `at n = ${summary.common_n} (largest n every variant reached) the fastest is ${summary.fastest.variant}: ${formatNs(summary.fastest.median_ns)} per call (median)${speedup}`;
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
