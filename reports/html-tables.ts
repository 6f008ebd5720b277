import { htmlEscape } from '../lib/escape.ts';
import { modelFormula, modelLabel } from '../lib/fit.ts';
import { formatNs, formatPercent, formatRatioInterval } from '../lib/format.ts';
import type { Cell, SpeedupBaseline } from '../lib/types.ts';
import { crossoverText } from './crossover.ts';
import type { SeriesFit, SuiteFindings, VariantFinding } from './findings.ts';

/** HTML tables of report.html. Every text goes through htmlEscape here, nowhere else. */

/** One table cell: its text, and for numbers the raw value the table sorts by. */
export interface TableCell {
  text: string;
  sort?: number;
  /** Extra class, e.g. "faster" for a speedup with separated intervals. */
  className?: string;
}

/** A column: title and whether it sorts as numbers. */
export interface Column {
  title: string;
  numeric?: boolean;
}

/** A table; sortable ones get a button in each header (the client script sorts). */
export function htmlTable(
  columns: readonly Column[],
  rows: readonly TableCell[][],
  sortable: boolean,
): string {
  const head = columns
    .map((column) => {
      const type = column.numeric ? ' data-type="number" class="num"' : '';
      const title = htmlEscape(column.title);
      return `<th scope="col"${type}>${sortable ? `<button type="button">${title}</button>` : title}</th>`;
    })
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, index) => {
        const classes = [columns[index]?.numeric ? 'num' : '', cell.className ?? '']
          .filter(Boolean)
          .join(' ');
        const sort = cell.sort === undefined ? '' : ` data-sort="${cell.sort}"`;
        return `<td${classes ? ` class="${classes}"` : ''}${sort}>${htmlEscape(cell.text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table${sortable ? ' class="sortable"' : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function speedupCell(finding: VariantFinding, baseline: SpeedupBaseline): TableCell {
  const point = finding.speedups[baseline];
  if (point === undefined) return { text: '-' };
  return {
    text: formatRatioInterval(point.speedup, point.speedup_low, point.speedup_high),
    sort: point.speedup,
    ...(point.faster ? { className: 'faster' } : {}),
  };
}

/** Reach, speed at the largest common n, speedups and crossover, one row per variant. */
export function findingsTable(findings: SuiteFindings): string {
  const common = findings.summary.common_n;
  const at = common === null ? 'no common n' : `n = ${common}`;
  const reach = new Map(findings.summary.reach.map((r) => [r.variant, r]));
  const rows = findings.variants.map((finding): TableCell[] => {
    const r = reach.get(finding.variant);
    const median = finding.median_ns_at_common;
    const crossover = finding.crossover;
    return [
      { text: finding.variant },
      r?.max_n == null ? { text: '-' } : { text: String(r.max_n), sort: r.max_n },
      { text: r?.stopped_by ?? '-' },
      median === null ? { text: '-' } : { text: formatNs(median), sort: median },
      speedupCell(finding, 'naive'),
      speedupCell(finding, 'bottom-up'),
      crossover === null
        ? { text: '-' }
        : {
            text: crossoverText(crossover),
            ...(crossover.crossover_n === null ? {} : { sort: crossover.crossover_n }),
          },
    ];
  });
  return htmlTable(
    [
      { title: 'variant' },
      { title: 'largest n', numeric: true },
      { title: 'stopped by' },
      { title: `median per call at ${at}`, numeric: true },
      { title: `speedup over naive at ${at}`, numeric: true },
      { title: `speedup over bottom-up at ${at}`, numeric: true },
      { title: 'faster than naive from', numeric: true },
    ],
    rows,
    true,
  );
}

/** The fitted models of one series (time or calls), one row per variant; `format` shows its unit. */
export function fitsTable(
  findings: SuiteFindings,
  pick: (finding: VariantFinding) => SeriesFit | null,
  format: (value: number) => string,
): string {
  const rows = findings.variants.map((finding): TableCell[] => {
    const fit = pick(finding)?.fit ?? null;
    if (fit === null)
      return [
        { text: finding.variant },
        { text: '-' },
        { text: 'too few sizes' },
        { text: '-' },
        { text: '-' },
        { text: '-' },
      ];
    const runnerUp = fit.candidates[1];
    return [
      { text: finding.variant },
      { text: modelLabel(fit.best) },
      { text: modelFormula(fit.best, format) },
      { text: formatPercent(fit.best.rel_rms), sort: fit.best.rel_rms },
      { text: `${fit.points} (n = ${fit.n_min} to ${fit.n_max})`, sort: fit.points },
      runnerUp === undefined
        ? { text: '-' }
        : { text: `${modelLabel(runnerUp)}, error ${formatPercent(runnerUp.rel_rms)}` },
    ];
  });
  return htmlTable(
    [
      { title: 'variant' },
      { title: 'model' },
      { title: 'fitted formula' },
      { title: 'fit error (RMS relative)', numeric: true },
      { title: 'sizes fitted', numeric: true },
      { title: 'next best model' },
    ],
    rows,
    true,
  );
}

/** Longest answer shown in the cells table; BigInt answers can have many thousands of digits. */
const MAX_RESULT_CHARS = 40;

function shortResult(result: string | undefined): string {
  if (result === undefined) return '';
  if (result.length <= MAX_RESULT_CHARS) return result;
  return `${result.slice(0, MAX_RESULT_CHARS)}… (${result.length} characters; full answer in results.json)`;
}

function numberCell(value: number | undefined, text: (value: number) => string): TableCell {
  return value === undefined ? { text: '' } : { text: text(value), sort: value };
}

/** Every cell of a suite, as measured. */
export function cellsTable(cells: readonly Cell[]): string {
  const rows = cells.map((cell): TableCell[] => {
    // Timings and counts exist on ok cells only; a wrong answer also has its answer and verified call.
    const ok = cell.status === 'ok' ? cell : undefined;
    return [
      { text: cell.variant },
      { text: String(cell.n), sort: cell.n },
      { text: cell.status === 'skipped' ? `skipped (${cell.skip_reason})` : cell.status },
      numberCell(ok?.median_ns, formatNs),
      numberCell(ok?.ci_low_ns, formatNs),
      numberCell(ok?.ci_high_ns, formatNs),
      numberCell(ok?.rme_pct, (value) => `${value.toFixed(2)} %`),
      numberCell(ok?.samples, String),
      numberCell(ok?.batch, String),
      numberCell('verify_ms' in cell ? cell.verify_ms : undefined, (value) => `${value.toPrecision(3)} ms`),
      numberCell(ok?.calls, (value) => value.toLocaleString('en-US')),
      { text: cell.runner },
      { text: shortResult('result' in cell ? cell.result : undefined) },
      { text: cell.message ?? '' },
    ];
  });
  return htmlTable(
    [
      { title: 'variant' },
      { title: 'n', numeric: true },
      { title: 'status' },
      { title: 'median per call', numeric: true },
      { title: '95% CI low', numeric: true },
      { title: '95% CI high', numeric: true },
      { title: 'rme of mean', numeric: true },
      { title: 'samples', numeric: true },
      { title: 'calls per sample', numeric: true },
      { title: 'verify call', numeric: true },
      { title: 'calls', numeric: true },
      { title: 'runner' },
      { title: 'answer' },
      { title: 'message' },
    ],
    rows,
    true,
  );
}
