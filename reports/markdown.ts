import { markdownSafe } from '../lib/escape.ts';
import { modelFormula, modelLabel } from '../lib/fit.ts';
import { formatCount, formatElapsed, formatNs, formatPercent, formatRatioInterval } from '../lib/format.ts';
import type { Results, SpeedupBaseline } from '../lib/types.ts';
import {
  AUDIT_COLUMNS,
  AUDIT_NOTES,
  type AuditRow,
  auditConfigurations,
  auditRows,
  auditTexts,
  withoutLibraries,
} from './audit.ts';
import { claimsMarkdown, seedClaims } from './claims.ts';
import { crossoverText } from './crossover.ts';
import { runFindings, type SeriesFit, type SuiteFindings, type VariantFinding } from './findings.ts';
import { headline } from './summary.ts';

/**
 * summary.md: the findings of a run as Markdown, short enough for a GitHub job summary
 * (`cat summary.md >> "$GITHUB_STEP_SUMMARY"`). Everything from suites goes through markdownSafe.
 */

/** How the numbers are made, stated once at the end of the summary and of report.html. */
export const METHOD_NOTES = [
  'Times are the median of the timed samples, ns per call; intervals are distribution-free 95% confidence intervals of the median (order statistics).',
  'Speedup = baseline median / variant median. Its interval runs from baseline CI low / variant CI high to baseline CI high / variant CI low: both 95% intervals hold together at least 90% of the time (Bonferroni), so it covers the true ratio at least that often.',
  'Faster than naive from: the smallest measured n from which the variant is faster than naive, with separated intervals (variant CI high < naive CI low), at every larger n where both were timed; "none measured" when that never holds up to the largest such n.',
  'Fitted model: y = a + c × g(n) for g in 1, log n, n, n log n, n^2, n^3, b^n (b fitted, 1.01 to 16); a and c minimise the squared relative residuals; the model is chosen by BIC on those residuals (N ln(RSS/N) + k ln N, k parameters), so a model with more parameters must explain clearly more. Fit error: RMS relative residual. Call counts are exact (from an instrumented pass), so their fit is the algorithm’s; fits of time include cache and GC effects and describe the measured range, not a proof of complexity.',
];

function speedupCell(finding: VariantFinding, baseline: SpeedupBaseline): string {
  const point = finding.speedups[baseline];
  if (point === undefined) return '-';
  const text = formatRatioInterval(point.speedup, point.speedup_low, point.speedup_high);
  return point.faster ? `**${text}**` : text;
}

function fitCells(series: SeriesFit | null, format: (value: number) => string): string[] {
  const fit = series?.fit ?? null;
  if (fit === null) return ['-', 'too few sizes', '-', '-'];
  return [
    modelLabel(fit.best),
    markdownSafe(modelFormula(fit.best, format)),
    formatPercent(fit.best.rel_rms),
    `${fit.points} (n = ${fit.n_min} to ${fit.n_max})`,
  ];
}

const FIT_HEADER = [
  row(['variant', 'model', 'fitted formula', 'fit error (RMS relative)', 'sizes fitted']),
  '|---|---|---|---:|---|',
];

/** The fits table of one series; empty when no variant has the series. */
function fitTable(
  findings: SuiteFindings,
  title: string,
  pick: (f: VariantFinding) => SeriesFit | null,
  format: (value: number) => string,
): string[] {
  if (!findings.variants.some((finding) => pick(finding) !== null)) return [];
  const rows = findings.variants.map((finding) =>
    row([markdownSafe(finding.variant), ...fitCells(pick(finding), format)]),
  );
  return ['', `${title} (fitted model):`, '', ...FIT_HEADER, ...rows];
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The Markdown section of one suite. */
export function suiteMarkdown(findings: SuiteFindings): string {
  const { info, summary } = findings;
  const common = summary.common_n;
  const reach = new Map(summary.reach.map((r) => [r.variant, r]));
  const speedRows = findings.variants.map((finding) => {
    const r = reach.get(finding.variant);
    return row([
      markdownSafe(finding.variant),
      String(r?.max_n ?? '-'),
      markdownSafe(r?.stopped_by ?? '-'),
      finding.median_ns_at_common === null ? '-' : formatNs(finding.median_ns_at_common),
      speedupCell(finding, 'naive'),
      speedupCell(finding, 'bottom-up'),
      finding.crossover === null ? '-' : crossoverText(finding.crossover),
    ]);
  });
  const at = common === null ? 'no common n' : `n = ${common}`;
  return [
    `### ${markdownSafe(info.id)}: ${markdownSafe(info.title)}`,
    '',
    `${markdownSafe(info.recurrence)}. Expected: naive ${markdownSafe(info.complexity.naive)}; memoized ${markdownSafe(info.complexity.memoized)}.`,
    '',
    markdownSafe(headline(summary)),
    '',
    row([
      'variant',
      'largest n',
      'stopped by',
      `median per call at ${at}`,
      `speedup over naive at ${at}`,
      `speedup over bottom-up at ${at}`,
      'faster than naive from',
    ]),
    '|---|---:|---|---:|---:|---:|---|',
    ...speedRows,
    ...fitTable(findings, 'Growth of the median time per call', (f) => f.time_fit, formatNs),
    ...fitTable(findings, 'Growth of the exact call count', (f) => f.calls_fit, formatCount),
  ].join('\n');
}

/** The audit of npm memoizers: its table, the configurations, how it is derived; empty without library variants. */
export function auditMarkdown(rows: readonly AuditRow[]): string[] {
  if (rows.length === 0) return [];
  const configurations = auditConfigurations(rows).map((c) =>
    row([c.variant, c.package, c.configuration, c.how, c.suites.join(', ')].map(markdownSafe)),
  );
  return [
    '### Audit of npm memoizers',
    '',
    row([...AUDIT_COLUMNS]),
    '|---|---|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => row(auditTexts(r).map(markdownSafe))),
    '',
    'Configurations:',
    '',
    row(['variant', 'package', 'configuration', 'how', 'suites']),
    '|---|---|---|---|---|',
    ...configurations,
    '',
    ...AUDIT_NOTES.map((note) => `- ${markdownSafe(note)}`),
    '',
  ];
}

/** The whole summary.md of a run. */
export function summaryDocument(results: Results): string {
  const env = results.environment;
  // The suite sections compare the hand-written variants; the npm memoizers have the audit table.
  const sections = runFindings(withoutLibraries(results)).map(suiteMarkdown);
  const status = results.complete
    ? ''
    : ' **Incomplete run**: results.json was written before the run finished.';
  return [
    '# memobench summary',
    '',
    `Profile ${markdownSafe(results.options.profile)}, ${results.cells.length} cells, ${formatElapsed(results.elapsed_ms)}; Node ${markdownSafe(env.node)} on ${markdownSafe(env.cpu_model)} (${env.cpu_cores} cores), ${markdownSafe(env.date)}.${status}`,
    '',
    ...auditMarkdown(auditRows(results)),
    claimsMarkdown(seedClaims(withoutLibraries(results))),
    'Speedups in **bold** are faster with separated intervals.',
    '',
    sections.join('\n\n'),
    '',
    '#### Method',
    '',
    ...METHOD_NOTES.map((note) => `- ${markdownSafe(note)}`),
    '',
  ].join('\n');
}
