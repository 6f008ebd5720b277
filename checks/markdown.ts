import { markdownSafe } from '../lib/escape.ts';
import { formatNs, formatRatio } from '../lib/format.ts';
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

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const shown = rows.slice(0, MAX_ROWS);
  const out = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of shown) out.push(`| ${row.map((cell) => markdownSafe(cell)).join(' | ')} |`);
  if (rows.length > shown.length)
    out.push('', `(${rows.length - shown.length} more rows in the JSON output)`);
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
  const rows: string[][] = [];
  for (const d of exact.differences) {
    if (d.field === 'presence' && d.n !== null) {
      const key = `${where(d)}\u0000${d.a}`;
      const group = missing.get(key) ?? { d, sizes: [] };
      group.sizes.push(d.n);
      missing.set(key, group);
      continue;
    }
    rows.push([
      where(d),
      d.n === null ? 'all n' : String(d.n),
      d.field === 'complexity' ? 'complexity class of calls' : d.field,
      d.a,
      d.b,
    ]);
  }
  const grouped = [...missing.values()].map(({ d, sizes }) => [
    where(d),
    sizes.join(', '),
    'cell present',
    d.a === 'present' ? 'yes' : 'no',
    d.b === 'present' ? 'yes' : 'no',
  ]);
  rows.unshift(...grouped);
  out.push(...table(['suite / variant', 'n', 'field', 'A', 'B'], rows));
  return out;
}

function timeRows(cells: readonly TimeCell[]): string[][] {
  return cells.map((cell) => [
    where(cell),
    String(cell.n),
    formatNs(cell.center_a_ns),
    formatNs(cell.center_b_ns),
    formatChange(cell.ratio),
    `${formatChange(cell.ci_low)} to ${formatChange(cell.ci_high)}`,
    formatP(cell.p_adjusted),
  ]);
}

const TIME_HEADER = [
  'suite / variant',
  'n',
  'A per call',
  'B per call',
  'change',
  'CI of change',
  'corrected p',
];

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
      out.push('', '### Slower (regressions)', '', ...table(TIME_HEADER, timeRows(regressed)));
    if (improved.length > 0) out.push('', '### Faster', '', ...table(TIME_HEADER, timeRows(improved)));
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
    if (moved.length > 0) out.push('', ...table(TIME_HEADER, timeRows(moved)));
  }
  return out;
}

function relativeSection(comparison: Comparison): string[] {
  const { time } = comparison;
  const changed = time.relative
    .filter((variant) => variant.verdict !== 'unchanged')
    .sort((x, y) => Math.abs(Math.log(y.factor)) - Math.abs(Math.log(x.factor)));
  const rows = changed.map((variant: RelativeVariant) => [
    where(variant),
    variant.sizes.join(', '),
    formatRatio(variant.relative_a),
    formatRatio(variant.relative_b),
    formatRatio(variant.factor),
    variant.verdict === 'regressed' ? 'slower than its neighbours' : 'faster than its neighbours',
  ]);
  const out = [
    `${time.relative.length} suite × variant pairs compared; ${changed.length} moved beyond ×${comparison.settings.relative_tolerance}.`,
  ];
  if (rows.length > 0) {
    out.push(
      '',
      ...table(
        ['suite / variant', 'sizes n', 'A: time / others', 'B: time / others', 'B / A', 'meaning'],
        rows,
      ),
    );
  }
  return out;
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
