import { markdownSafe } from '../lib/escape.ts';
import { formatNs, formatRatio } from '../lib/format.ts';
import { markdownTable } from '../lib/tables.ts';
import type { Table, TableColumn } from '../lib/types.ts';
import type { Comparison, ExactDifference, RelativeVariant, RunSummary, TimeCell } from './types.ts';

/** Most rows of one table; the JSON output has them all. */
const MAX_ROWS = 50;

/** A change as a signed percentage, e.g. "+12.3 %" (B slower) or "-4.0 %" (B faster). */
export function formatChange(ratio: number): string {
  const pct = 100 * (ratio - 1);
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`;
}

function formatP(p: number): string {
  if (Number.isNaN(p)) return 'n/a';
  return p < 1e-4 ? p.toExponential(1) : p.toPrecision(2);
}

/** The table as Markdown, its first MAX_ROWS rows and how many more the JSON output has. */
function limitedTable<Row>(table: Table<Row>): string[] {
  const shown = table.rows.slice(0, MAX_ROWS);
  const out = markdownTable({ ...table, rows: shown });
  if (table.rows.length > shown.length)
    out.push('', `(${table.rows.length - shown.length} more rows in the JSON output)`);
  return out;
}

/** "1 process", "5 processes" or "3 to 6 processes". */
function processesText(run: RunSummary): string {
  if (run.min_processes !== run.max_processes)
    return `${run.min_processes} to ${run.max_processes} processes`;
  return `${run.min_processes} process${run.min_processes === 1 ? '' : 'es'}`;
}

function runLine(label: string, run: RunSummary): string {
  const commit = run.git_commit === null ? 'no git commit' : `commit ${run.git_commit.slice(0, 10)}`;
  return `- **${label}**: ${markdownSafe(run.source)} (${commit}, ${run.date}, Node ${run.node}, ${markdownSafe(run.cpu_model)} × ${run.cpu_cores}, profile ${run.profile}, ${processesText(run)} per ladder, ${run.cells} cells)`;
}

const where = (d: { suite: string; variant: string; runner: string }) =>
  `${d.suite} / ${d.variant}${d.runner === 'tinybench' ? '' : ` (${d.runner})`}`;

/** One row of the exact differences: a cell's field, or a ladder's cells present on one side only. */
interface ExactRow {
  where: string;
  /** The cell's n, the sizes of a group, or "all n". */
  n: string;
  field: string;
  a: string;
  b: string;
}

function exactSection(comparison: Comparison): string[] {
  const { exact } = comparison;
  const out = ['## Exact fields', ''];
  if (exact.differences.length === 0) {
    out.push(
      `All ${exact.compared} cells are in both runs and agree on status, answer, calls, cache hits, misses and entries, and recursion depth; every ladder's call counts fit the same complexity class. These figures are the same on every machine.`,
    );
    return out;
  }
  out.push(
    `**${exact.differences.length} difference${exact.differences.length === 1 ? '' : 's'}** in figures that are the same on every machine (answers, operation counts, cells run): each is a change of behaviour, not noise.`,
    '',
  );
  // Cells missing on one side are grouped per ladder (a suite or variant added or removed is one row).
  const missing = new Map<string, { d: ExactDifference; sizes: number[] }>();
  const rows: ExactRow[] = [];
  for (const d of exact.differences) {
    if (d.field === 'presence' && d.n !== null) {
      const key = `${where(d)}\u0000${d.a}`;
      const group = missing.get(key) ?? { d, sizes: [] };
      group.sizes.push(d.n);
      missing.set(key, group);
      continue;
    }
    rows.push({
      where: where(d),
      n: d.n === null ? 'all n' : String(d.n),
      field: d.field === 'complexity' ? 'complexity class of calls' : d.field,
      a: d.a,
      b: d.b,
    });
  }
  const grouped = [...missing.values()].map(({ d, sizes }) => ({
    where: where(d),
    n: sizes.join(', '),
    field: 'cell present',
    a: d.a === 'present' ? 'yes' : 'no',
    b: d.b === 'present' ? 'yes' : 'no',
  }));
  out.push(
    ...limitedTable<ExactRow>({
      sortable: false,
      rows: [...grouped, ...rows],
      columns: [
        { header: 'suite / variant', text: (row) => row.where },
        { header: 'n', text: (row) => row.n },
        { header: 'field', text: (row) => row.field },
        { header: 'A', text: (row) => row.a },
        { header: 'B', text: (row) => row.b },
      ],
    }),
  );
  return out;
}

/** Time cells compared across the runs: centres, change and its interval, corrected p-value. */
function timeTable(cells: readonly TimeCell[]): Table<TimeCell> {
  return {
    sortable: false,
    rows: cells,
    columns: [
      { header: 'suite / variant', text: where },
      { header: 'n', numeric: true, unit: 'n', text: (cell) => String(cell.n), sort: (cell) => cell.n },
      {
        header: 'A per call',
        numeric: true,
        unit: 'ns',
        text: (cell) => formatNs(cell.center_a_ns),
        sort: (cell) => cell.center_a_ns,
      },
      {
        header: 'B per call',
        numeric: true,
        unit: 'ns',
        text: (cell) => formatNs(cell.center_b_ns),
        sort: (cell) => cell.center_b_ns,
      },
      {
        header: 'change',
        numeric: true,
        unit: 'B / A',
        text: (cell) => formatChange(cell.ratio),
        sort: (cell) => cell.ratio,
      },
      {
        header: 'CI of change',
        text: (cell) => `${formatChange(cell.ci_low)} to ${formatChange(cell.ci_high)}`,
      },
      {
        header: 'corrected p',
        numeric: true,
        unit: 'probability',
        text: (cell) => formatP(cell.p_adjusted),
        sort: (cell) => cell.p_adjusted,
      },
    ],
  };
}

function sameMachineSection(comparison: Comparison): string[] {
  const { time, settings } = comparison;
  const out: string[] = [];
  const gated = time.cells.filter((cell) => cell.method === 'processes');
  const indicative = time.cells.filter((cell) => cell.method === 'samples');
  const byChange = (x: TimeCell, y: TimeCell) => y.ratio - x.ratio;
  const count = (verdict: TimeCell['verdict']) => gated.filter((cell) => cell.verdict === verdict);
  const regressed = count('regressed').sort(byChange);
  const improved = count('improved').sort((x, y) => x.ratio - y.ratio);
  if (gated.length > 0) {
    out.push(
      `${gated.length} cells compared: **${regressed.length} slower**, ${improved.length} faster beyond ${settings.threshold_pct} %, ${count('within-noise').length} with a significant change smaller than ${settings.threshold_pct} % (not reported), ${count('unchanged').length} with no significant change.`,
    );
    if (time.prior !== null) {
      out.push(
        '',
        `Typical spread between processes of one cell: ${time.prior.sd_pct.toFixed(1)} % (standard deviation); it counts as ${time.prior.df.toFixed(1)} degrees of freedom in each cell's test.`,
      );
    }
    if (regressed.length > 0)
      out.push('', '### Slower (regressions)', '', ...limitedTable(timeTable(regressed)));
    if (improved.length > 0) out.push('', '### Faster', '', ...limitedTable(timeTable(improved)));
  }
  if (indicative.length > 0) {
    const moved = indicative
      .filter((cell) => cell.verdict === 'regressed' || cell.verdict === 'improved')
      .sort((x, y) => Math.abs(Math.log(y.ratio)) - Math.abs(Math.log(x.ratio)));
    out.push(
      '',
      `### Indicative only (1 process in a run): ${moved.length} of ${indicative.length} cells moved beyond ${settings.threshold_pct} %`,
      '',
      'Not a verdict: with one process per run, a whole process being faster or slower looks like a change.',
    );
    if (moved.length > 0) out.push('', ...limitedTable(timeTable(moved)));
  }
  return out;
}

function relativeSection(comparison: Comparison): string[] {
  const { time } = comparison;
  const changed = time.relative
    .filter((variant) => variant.verdict !== 'unchanged')
    .sort((x, y) => Math.abs(Math.log(y.factor)) - Math.abs(Math.log(x.factor)));
  const out = [
    `${time.relative.length} suite × variant pairs compared; ${changed.length} moved beyond ×${comparison.settings.relative_tolerance}.`,
  ];
  if (changed.length > 0) out.push('', ...limitedTable(relativeTable(changed)));
  return out;
}

/** Variants whose time relative to their neighbours moved between the runs. */
function relativeTable(variants: readonly RelativeVariant[]): Table<RelativeVariant> {
  const ratio = (
    header: string,
    value: (variant: RelativeVariant) => number,
  ): TableColumn<RelativeVariant> => ({
    header,
    numeric: true,
    unit: 'x',
    text: (variant) => formatRatio(value(variant)),
    sort: value,
  });
  return {
    sortable: false,
    rows: variants,
    columns: [
      { header: 'suite / variant', text: where },
      { header: 'sizes n', text: (variant) => variant.sizes.join(', ') },
      ratio('A: time / others', (variant) => variant.relative_a),
      ratio('B: time / others', (variant) => variant.relative_b),
      ratio('B / A', (variant) => variant.factor),
      {
        header: 'meaning',
        text: (variant) =>
          variant.verdict === 'regressed' ? 'slower than its neighbours' : 'faster than its neighbours',
      },
    ],
  };
}

/** The comparison as a Markdown document (printed by compare and check, and written as check.md). */
export function comparisonMarkdown(comparison: Comparison, title = 'memobench comparison'): string {
  const { time } = comparison;
  const exactCount = comparison.exact.differences.length;
  const slower =
    time.mode === 'same-machine'
      ? time.cells.filter((cell) => cell.verdict === 'regressed' && cell.method === 'processes').length
      : time.relative.filter((variant) => variant.verdict === 'regressed').length;
  const verdict = comparison.failed
    ? `**Verdict: REGRESSED** — ${exactCount} exact difference${exactCount === 1 ? '' : 's'}, ${time.gating ? slower : 0} time regression${slower === 1 ? '' : 's'}. (exit code 1)`
    : `**Verdict: OK** — no exact difference${time.gating ? ' and no time regression' : ''}${time.mode === 'none' || !time.gating ? ' (times: no verdict, see below)' : ''}. (exit code 0)`;
  const out = [
    `# ${title}`,
    '',
    runLine('A (before)', comparison.a),
    runLine('B (after)', comparison.b),
    '',
    verdict,
    '',
  ];
  for (const note of comparison.notes) out.push(`> ${markdownSafe(note)}`, '');
  out.push(
    ...exactSection(comparison),
    '',
    '## Time',
    '',
    `Mode: **${time.mode}** (${markdownSafe(time.reason)}).`,
    '',
    time.note,
    '',
  );
  if (time.mode === 'same-machine') out.push(...sameMachineSection(comparison));
  if (time.mode === 'relative') out.push(...relativeSection(comparison));
  return `${out.join('\n').trimEnd()}\n`;
}
