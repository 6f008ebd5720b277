/** Tier 1's result as Markdown: the verdict, the A/A self-check, and the table of cells. */
import { formatInteger } from '../lib/format.ts';
import { markdownTable } from '../lib/tables.ts';
import type { InstructionGateResult, InstructionRow, Table } from '../lib/types.ts';
import { type InstructionOutcome, instructionOutcome } from './instructions.ts';

/** Instructions per operation, to one decimal (a per-op figure is a median of per-op segment figures). */
const perOp = (value: number | undefined) =>
  value === undefined ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A change in percent with its sign, to two decimals (the threshold is 1%). */
export const formatChangePct = (pct: number | undefined) =>
  pct === undefined ? '–' : `${pct >= 0 ? '+' : ''}${pct.toFixed(2)} %`;

/** The table of `rows`: suite / variant / n, base, head, change, verdict. */
export function instructionTable(rows: readonly InstructionRow[], title?: string): Table<InstructionRow> {
  const numeric = (header: string, unit: string, value: (row: InstructionRow) => number | undefined) => ({
    header,
    numeric: true as const,
    unit,
    text: (row: InstructionRow) => (unit === '%' ? formatChangePct(value(row)) : perOp(value(row))),
    sort: value,
  });
  return {
    ...(title === undefined ? {} : { title }),
    columns: [
      { header: 'suite / variant / n', text: (row) => `${row.suite} / ${row.variant} / ${row.n}` },
      numeric('base (instructions/op)', 'instructions', (row) => row.base),
      numeric('head (instructions/op)', 'instructions', (row) => row.head),
      numeric('change', '%', (row) => row.change_pct),
      {
        header: 'verdict',
        text: (row) => (row.message === undefined ? row.verdict : `${row.verdict}: ${row.message}`),
        strong: (row) => row.verdict === 'regressed' || row.verdict === 'failed',
      },
    ],
    rows,
    sortable: false,
  };
}

/** The headline of each outcome. */
const HEADLINES: Record<InstructionOutcome, string> = {
  'not deterministic': 'measurement not deterministic here: no verdict',
  regressed: 'REGRESSED',
  ok: 'OK, no regression',
};

/** The whole report; `title` names the comparison. */
export function instructionMarkdown(
  result: InstructionGateResult,
  title: string,
  thresholdPct: number,
  wallSeconds: number,
): string {
  const { rows, self_check: check } = result;
  const outcome = instructionOutcome(rows, check);
  const count = (verdict: InstructionRow['verdict']) => rows.filter((row) => row.verdict === verdict).length;
  const flagged = rows.filter((row) => row.verdict === 'regressed' || row.verdict === 'failed');
  const lines = [
    `# ${title}`,
    '',
    `**Verdict: ${HEADLINES[outcome]}** (instructions per operation under valgrind, threshold ${thresholdPct} %)`,
    '',
    `- Cells: ${rows.length}; regressed ${count('regressed')}, failed ${count('failed')}, improved ${count('improved')}, unchanged ${count('unchanged')}, not compared ${count('not compared')}.`,
    ...flagged.map(
      (row) =>
        `- ${row.verdict === 'failed' ? 'Failed' : 'Regressed'}: ${row.suite} / ${row.variant} / n = ${row.n}: ${formatChangePct(row.change_pct)}${row.message === undefined ? '' : ` (${row.message})`}`,
    ),
    `- A/A self-check: ${check.cells} cells of ${result.sample.length} ladders measured twice on head; ${check.disagreeing.length} differ by more than ${check.tolerance_pct} % (largest difference ${formatInteger(Math.round(check.max_diff * 10) / 10)} instructions/op, ${check.max_diff_pct.toFixed(4)} %).`,
    ...check.disagreeing.map(
      (cell) =>
        `  - ${cell.suite} / ${cell.variant} / n = ${cell.n}: ${perOp(cell.first)} then ${perOp(cell.second)}`,
    ),
    `- Confirmed in a process per ladder (moved by ${thresholdPct} % or more in the screening): ${result.confirmed.length === 0 ? 'none' : result.confirmed.join(', ')}.`,
    `- Cost: ${result.processes} processes of ${result.valgrind}, Node ${process.version}, ${Math.round(result.cpu_s)} s CPU, ${Math.round(wallSeconds)} s wall.`,
    '',
  ];
  const moved = rows.filter((row) => row.verdict !== 'unchanged');
  if (moved.length > 0)
    lines.push(...markdownTable(instructionTable(moved, 'Cells that changed or were not compared')), '');
  lines.push(
    '<details><summary>All cells</summary>',
    '',
    ...markdownTable(instructionTable(rows)),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}
