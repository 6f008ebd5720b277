import { markdownSafe } from '../lib/escape.ts';
import { formatElapsed } from '../lib/format.ts';
import { markdownTable } from '../lib/tables.ts';
import type { CapacityCurve, Results } from '../lib/types.ts';
import { type AuditRow, auditRows, withoutLibraries } from './audit.ts';
import { AUDIT_NOTES, auditTable, configurationsTable } from './audit-tables.ts';
import { capacityTable } from './capacity-table.ts';
import { seedClaims } from './claims.ts';
import { claimsSection } from './claims-text.ts';
import { noiseSentence, runNoise } from './noise.ts';
import { runFindings, type SuiteFindings } from './findings.ts';
import { markdownWriter } from './section.ts';
import { findingsTables } from './suite-tables.ts';
import { headline } from './summary.ts';
import { verdictSection } from './verdict-section.ts';

/**
 * summary.md: the findings of a run as Markdown, short enough for a GitHub job summary
 * (`cat summary.md >> "$GITHUB_STEP_SUMMARY"`). Everything from suites goes through markdownSafe.
 */

/** How the numbers are made, stated once at the end of the summary and of report.html. */
export const METHOD_NOTES = [
  'Times are ns per call: each cell’s estimate over its processes (the geometric mean of the process medians but the slowest; a cell of one process: the median of its samples), with the 95% interval another run’s estimate would fall in, from the spread between processes under a prior fitted over the whole run (lib/process-interval.ts). The median of all samples pooled is in the cell tables and results.csv.',
  'Speedup = baseline time / variant time. Its interval runs from baseline interval low / variant interval high to baseline interval high / variant interval low: both 95% intervals hold another run’s figures together at least 90% of the time (Bonferroni), so it holds another run’s speedup at least that often.',
  'Faster than naive from: the smallest measured n from which the variant is faster than naive, with separated intervals (variant CI high < naive CI low), at every larger n where both were timed; "none measured" when that never holds up to the largest such n.',
  'Fitted model: y = a + c × g(n) for g in 1, log n, n, n log n, n^2, n^3, b^n (b fitted, 1.01 to 16); a and c minimise the squared relative residuals; the model is chosen by BIC on those residuals (N ln(RSS/N) + k ln N, k parameters), so a model with more parameters must explain clearly more. Fit error: RMS relative residual. Call counts are exact (from an instrumented pass), so their fit is the algorithm’s; fits of time include cache and GC effects and describe the measured range, not a proof of complexity.',
];

/** The Markdown section of one suite, with its LRU capacity curve when the run has one. */
export function suiteMarkdown(findings: SuiteFindings, curve?: CapacityCurve): string {
  const { info } = findings;
  const capacity = curve === undefined ? null : capacityTable(curve);
  return [
    `### ${markdownSafe(info.id)}: ${markdownSafe(info.title)}`,
    `${markdownSafe(info.recurrence)}. Expected: naive ${markdownSafe(info.complexity.naive)}; memoized ${markdownSafe(info.complexity.memoized)}.`,
    markdownSafe(headline(findings.summary)),
    ...findingsTables(findings).map((table) => markdownTable(table).join('\n')),
    ...(capacity === null ? [] : [markdownTable(capacity).join('\n')]),
    ...(curve?.note === undefined ? [] : [markdownSafe(`LRU capacity: ${curve.note}.`)]),
  ].join('\n\n');
}

/** The audit of npm memoizers: its table, the configurations, how it is derived; empty without library variants. */
export function auditMarkdown(rows: readonly AuditRow[]): string[] {
  if (rows.length === 0) return [];
  return [
    '### Audit of npm memoizers',
    '',
    ...markdownTable(auditTable(rows)),
    '',
    ...markdownTable(configurationsTable(rows)),
    '',
    ...AUDIT_NOTES.map((note) => `- ${markdownSafe(note)}`),
    '',
  ];
}

/** The whole summary.md of a run. */
export function summaryDocument(results: Results): string {
  const env = results.environment;
  // The suite sections compare the hand-written variants; the npm memoizers have the audit table.
  const sections = runFindings(withoutLibraries(results)).map((findings) =>
    suiteMarkdown(
      findings,
      results.capacity?.find((curve) => curve.suite === findings.info.id),
    ),
  );
  const claims = claimsSection(seedClaims(withoutLibraries(results)), markdownWriter);
  const noise = noiseSentence(runNoise(results));
  const status = results.complete
    ? ''
    : ' **Incomplete run**: results.json was written before the run finished.';
  return [
    '# memobench summary',
    '',
    `Profile ${markdownSafe(results.options.profile)}, ${results.cells.length} cells, ${formatElapsed(results.elapsed_ms)}; Node ${markdownSafe(env.node)} on ${markdownSafe(env.cpu_model)} (${env.cpu_cores} cores), ${markdownSafe(env.date)}.${status}`,
    '',
    ...(noise === undefined ? [] : [markdownSafe(noise), '']),
    ...verdictSection(results, markdownWriter).flatMap((block) => [block, '']),
    ...auditMarkdown(auditRows(results)),
    ...claims.flatMap((block) => [block, '']),
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
