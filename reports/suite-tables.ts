import { timeNs } from '../lib/cells.ts';
import { type ComplexityFit, modelFormula, modelLabel } from '../lib/fit.ts';
import { formatCount, formatInteger, formatNs, formatPercent, formatRatioInterval } from '../lib/format.ts';
import type { Cell, OkCell, SpeedupBaseline, Table, TableColumn } from '../lib/types.ts';
import { crossoverText } from './crossover.ts';
import type { SeriesFit, SuiteFindings, VariantFinding } from './findings.ts';

/**
 * The tables of a suite's section, described once (lib/types.ts: Table) and rendered by summary.md
 * and report.html alike (lib/tables.ts): reach and speed, fitted growth models, and every cell.
 */

function speedupColumn(baseline: SpeedupBaseline, at: string): TableColumn<VariantFinding> {
  return {
    header: `speedup over ${baseline} at ${at}`,
    numeric: true,
    unit: 'x',
    text: (finding) => {
      const point = finding.speedups[baseline];
      return point === undefined
        ? '-'
        : formatRatioInterval(point.speedup, point.speedup_low, point.speedup_high);
    },
    sort: (finding) => finding.speedups[baseline]?.speedup,
    strong: (finding) => finding.speedups[baseline]?.faster === true,
  };
}

/** Reach, speed at the largest common n, speedups and crossover, one row per variant. */
export function findingsTable(findings: SuiteFindings): Table<VariantFinding> {
  const common = findings.summary.common_n;
  const at = common === null ? 'no common n' : `n = ${common}`;
  const reach = new Map(findings.summary.reach.map((r) => [r.variant, r]));
  const maxN = (finding: VariantFinding) => reach.get(finding.variant)?.max_n ?? undefined;
  return {
    title: 'Reach, speed and crossover',
    sortable: true,
    rows: findings.variants,
    columns: [
      { header: 'variant', text: (finding) => finding.variant },
      { header: 'largest n', numeric: true, unit: 'n', text: (f) => String(maxN(f) ?? '-'), sort: maxN },
      { header: 'stopped by', text: (finding) => reach.get(finding.variant)?.stopped_by ?? '-' },
      {
        header: `time per call at ${at}`,
        numeric: true,
        unit: 'ns',
        text: (finding) => (finding.time_ns_at_common === null ? '-' : formatNs(finding.time_ns_at_common)),
        sort: (finding) => finding.time_ns_at_common ?? undefined,
      },
      speedupColumn('naive', at),
      speedupColumn('bottom-up', at),
      {
        header: 'faster than naive from',
        numeric: true,
        unit: 'n',
        text: (finding) => (finding.crossover === null ? '-' : crossoverText(finding.crossover)),
        sort: (finding) => finding.crossover?.crossover_n ?? undefined,
      },
    ],
  };
}

/**
 * The fitted models of one series (time or calls), one row per variant, titled `what` ("the median
 * time per call"); `format` writes the fitted coefficients with their unit. Null when no variant
 * has the series.
 */
export function fitsTable(
  findings: SuiteFindings,
  what: string,
  pick: (finding: VariantFinding) => SeriesFit | null,
  format: (value: number) => string,
): Table<VariantFinding> | null {
  if (!findings.variants.some((finding) => pick(finding) !== null)) return null;
  const fit = (finding: VariantFinding) => pick(finding)?.fit ?? null;
  const shown =
    (text: (found: ComplexityFit) => string, missing = '-') =>
    (finding: VariantFinding) => {
      const found = fit(finding);
      return found === null ? missing : text(found);
    };
  return {
    title: `Growth of ${what}: fitted models`,
    sortable: true,
    rows: findings.variants,
    columns: [
      { header: 'variant', text: (finding) => finding.variant },
      { header: 'model', text: shown((f) => modelLabel(f.best)) },
      { header: 'fitted formula', text: shown((f) => modelFormula(f.best, format), 'too few sizes') },
      {
        header: 'fit error (RMS relative)',
        numeric: true,
        unit: 'relative residual',
        text: shown((f) => formatPercent(f.best.rel_rms)),
        sort: (finding) => fit(finding)?.best.rel_rms,
      },
      {
        header: 'sizes fitted',
        numeric: true,
        unit: 'sizes',
        text: shown((f) => `${f.points} (n = ${f.n_min} to ${f.n_max})`),
        sort: (finding) => fit(finding)?.points,
      },
      {
        header: 'next best model',
        text: shown((f) => {
          const runnerUp = f.candidates[1];
          return runnerUp === undefined
            ? '-'
            : `${modelLabel(runnerUp)}, error ${formatPercent(runnerUp.rel_rms)}`;
        }),
      },
    ],
  };
}

/**
 * The tables of a suite's findings, in the order both outputs show them: reach and speed, the fitted
 * growth of the time per call, and of the exact call count when the run counted calls.
 */
export function findingsTables(findings: SuiteFindings): Table<VariantFinding>[] {
  const fits = [
    fitsTable(findings, 'the time per call', (f) => f.time_fit, formatNs),
    fitsTable(findings, 'the exact call count', (f) => f.calls_fit, formatCount),
  ];
  return [findingsTable(findings), ...fits.flatMap((table) => (table === null ? [] : [table]))];
}

/** Longest answer shown in the cells table; BigInt answers can have many thousands of digits. */
const MAX_RESULT_CHARS = 40;

function shortResult(result: string | undefined): string {
  if (result === undefined) return '';
  if (result.length <= MAX_RESULT_CHARS) return result;
  return `${result.slice(0, MAX_RESULT_CHARS)}… (${result.length} characters; full answer in results.json)`;
}

/** The answer a cell gave: ok and wrong answers always have one, an error only when it came after verification. */
function resultOf(cell: Cell): string | undefined {
  switch (cell.status) {
    case 'ok':
    case 'wrong-answer':
    case 'error':
    case 'stack-overflow':
      return cell.result;
    default:
      return undefined;
  }
}

/** Wall time of the verified call, ms, where the cell has one (ok cells and most wrong answers). */
function verifyMsOf(cell: Cell): number | undefined {
  return cell.status === 'ok' || cell.status === 'wrong-answer' ? cell.verify_ms : undefined;
}

/** A numeric column of ok cells' figures: empty for cells of other statuses, which have none. */
function okColumn(
  header: string,
  unit: string,
  value: (cell: OkCell) => number | undefined,
  text: (value: number) => string,
): TableColumn<Cell> {
  const of = (cell: Cell) => (cell.status === 'ok' ? value(cell) : undefined);
  return {
    header,
    numeric: true,
    unit,
    text: (cell) => {
      const found = of(cell);
      return found === undefined ? '' : text(found);
    },
    sort: of,
  };
}

/** Every cell of a suite, as measured. */
export function cellsTable(cells: readonly Cell[]): Table<Cell> {
  return {
    sortable: true,
    rows: cells,
    columns: [
      { header: 'variant', text: (cell) => cell.variant },
      { header: 'n', numeric: true, unit: 'n', text: (cell) => String(cell.n), sort: (cell) => cell.n },
      {
        header: 'status',
        text: (cell) => (cell.status === 'skipped' ? `skipped (${cell.skip_reason})` : cell.status),
      },
      okColumn('time per call (estimate)', 'ns', timeNs, formatNs),
      okColumn('median of the samples', 'ns', (cell) => cell.median_ns, formatNs),
      okColumn('95% interval low', 'ns', (cell) => cell.ci_low_ns, formatNs),
      okColumn('95% interval high', 'ns', (cell) => cell.ci_high_ns, formatNs),
      okColumn(
        'rme of mean',
        '%',
        (cell) => cell.rme_pct,
        (value) => `${value.toFixed(2)} %`,
      ),
      okColumn('samples', 'samples', (cell) => cell.samples, String),
      okColumn('calls per sample', 'calls', (cell) => cell.batch, String),
      {
        header: 'verify call',
        numeric: true,
        unit: 'ms',
        text: (cell) => {
          const ms = verifyMsOf(cell);
          return ms === undefined ? '' : `${ms.toPrecision(3)} ms`;
        },
        sort: verifyMsOf,
      },
      okColumn('calls', 'calls', (cell) => cell.calls, formatInteger),
      { header: 'runner', text: (cell) => cell.runner },
      { header: 'answer', text: (cell) => shortResult(resultOf(cell)) },
      { header: 'message', text: (cell) => cell.message ?? '' },
    ],
  };
}
