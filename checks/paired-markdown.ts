import { markdownSafe } from '../lib/escape.ts';
import { formatNs } from '../lib/format.ts';
import { markdownTable } from '../lib/tables.ts';
import type { PairedVerdict, Table } from '../lib/types.ts';
import { formatChange } from './markdown.ts';
import { MIN_PRIOR_CELLS } from './moderated.ts';
import { lookRounds } from './sequential.ts';
import type { PairedCell, PairedReport } from './types.ts';

/** Most exact differences listed; the JSON output has them all. */
const MAX_EXACT_ROWS = 20;

/** Rows in this order: what blocks, then what regressed, what is undecided, improved, unchanged. */
const RANK: Record<PairedVerdict, number> = { regressed: 1, undecided: 2, improved: 3, 'no-change': 4 };
const rank = (cell: PairedCell) => (cell.blocking ? 0 : RANK[cell.verdict]);

/** A cell's verdict in words (plain: the table stresses regressions), with how it was reached where that matters. */
export function verdictText(cell: PairedCell, thresholdPct: number): string {
  if (cell.blocking) return 'regressed (blocking)';
  if (cell.verdict === 'regressed') return 'regressed';
  if (cell.verdict === 'no-change')
    return cell.basis === 'significant' ? `no change (significant, within ±${thresholdPct} %)` : 'no change';
  if (cell.verdict === 'undecided') return 'undecided (not a pass)';
  return 'improved';
}

function cellTable(cells: readonly PairedCell[], thresholdPct: number): Table<PairedCell> {
  const finite = (x: number) => Number.isFinite(x);
  return {
    sortable: false,
    rows: [...cells].sort((x, y) => rank(x) - rank(y) || y.ratio - x.ratio),
    columns: [
      {
        header: 'suite / variant',
        text: (c) => `${c.suite} / ${c.variant}${c.runner === 'tinybench' ? '' : ` (${c.runner})`}`,
      },
      { header: 'n', numeric: true, unit: 'n', sort: (c) => c.n, text: (c) => String(c.n) },
      {
        header: 'base per call',
        numeric: true,
        unit: 'ns',
        sort: (c) => c.base_ns,
        text: (c) => (finite(c.base_ns) ? formatNs(c.base_ns) : '–'),
      },
      {
        header: 'head per call',
        numeric: true,
        unit: 'ns',
        sort: (c) => c.head_ns,
        text: (c) => (finite(c.head_ns) ? formatNs(c.head_ns) : '–'),
      },
      {
        header: 'change',
        numeric: true,
        unit: 'x',
        sort: (c) => c.ratio,
        text: (c) => (finite(c.ratio) ? formatChange(c.ratio) : '–'),
      },
      {
        header: 'interval of change',
        text: (c) =>
          finite(c.ci_low) && finite(c.ci_high)
            ? `${formatChange(c.ci_low)} to ${formatChange(c.ci_high)}`
            : 'not tested',
      },
      {
        header: 'rounds',
        numeric: true,
        unit: 'rounds',
        sort: (c) => c.rounds,
        text: (c) => String(c.rounds),
      },
      {
        header: 'verdict',
        text: (c) => verdictText(c, thresholdPct),
        strong: (c) => c.verdict === 'regressed',
      },
    ],
  };
}

function count(cells: readonly PairedCell[], verdict: PairedVerdict): number {
  return cells.filter((cell) => cell.verdict === verdict).length;
}

/** The prior in a sentence, or why there is none (never a NaN). */
export function priorText(report: PairedReport): string {
  const { prior } = report;
  if (prior.sd_pct === null) {
    return `Typical spread of one round's change: not estimated (${prior.cells} cell${prior.cells === 1 ? '' : 's'} with a spread of their own; a prior needs ${MIN_PRIOR_CELLS}): each cell is judged by its own rounds only, so small changes need more rounds.`;
  }
  return `Typical spread of one round's change: ${prior.sd_pct.toFixed(1)} % (standard deviation, fitted over ${prior.cells} cells); it counts as ${prior.df.toFixed(1)} degrees of freedom in each cell's test.`;
}

/** Tier 2's report as Markdown (printed by ab, written as ab.md, the CI job summary). */
export function pairedMarkdown(report: PairedReport, title: string): string {
  const { cells, settings } = report;
  const blocking = cells.filter((cell) => cell.blocking).length;
  const counts = `${count(cells, 'regressed')} regressed, ${count(cells, 'improved')} improved, ${count(cells, 'no-change')} no change, ${count(cells, 'undecided')} undecided`;
  const verdict = report.failed
    ? `**Verdict: BLOCKED** — ${blocking} regression${blocking === 1 ? '' : 's'} whose interval lies above +${settings.block_pct} % (${counts}). (exit code 1)`
    : `**Verdict: advisory** — ${counts}; nothing blocks (a regression blocks when its interval lies above +${settings.block_pct} %). Undecided cells are not a pass. (exit code 0)`;
  const looks = lookRounds(settings);
  const exact = report.exact.differences;
  const out = [
    `# ${title}`,
    '',
    `- **Base**: ${markdownSafe(report.base)}; **head**: ${markdownSafe(report.head)}`,
    `- **Rounds**: ${report.rounds} per side (at most ${settings.max_rounds}), ABBA (base, head | head, base | ...), each a fresh process per ladder; a look after rounds ${looks.join(', ')}, after which only ladders with undecided cells run again.`,
    `- **CPU**: ${markdownSafe(report.pinning)}.`,
    '',
    verdict,
    '',
    `Per cell: the change is head over base from the paired rounds (each round's log ratio; the order effect of ABBA removed as in a crossover trial), tested by a group-sequential moderated t test (O'Brien-Fleming alpha spending over the looks${settings.spending === 'pocock' ? ', here Pocock' : ''}), Holm-corrected over ${cells.length} cells at a family-wise ${settings.alpha}. A change within ±${settings.threshold_pct} % is no change even when significant; a cell is also no change when its ${100 * (1 - settings.alpha)} % repeated confidence interval (valid over all looks) lies inside ±${settings.threshold_pct} %. Undecided: neither, by the last round.`,
    '',
    priorText(report),
    '',
    ...markdownTable(cellTable(cells, settings.threshold_pct)),
    '',
    '## Exact fields (round 1)',
    '',
  ];
  if (exact.length === 0) {
    out.push(`All ${report.exact.compared} cells agree on answers and operation counts.`);
  } else {
    out.push(
      `**${exact.length} difference${exact.length === 1 ? '' : 's'}** in answers or operation counts (not gated here: \`bench:check\` gates them against the baseline):`,
      '',
      ...markdownTable({
        sortable: false,
        rows: exact.slice(0, MAX_EXACT_ROWS),
        columns: [
          { header: 'suite / variant', text: (d) => `${d.suite} / ${d.variant}` },
          { header: 'n', text: (d) => (d.n === null ? 'all n' : String(d.n)) },
          { header: 'field', text: (d) => d.field },
          { header: 'base', text: (d) => d.a },
          { header: 'head', text: (d) => d.b },
        ],
      }),
    );
    if (exact.length > MAX_EXACT_ROWS)
      out.push('', `(${exact.length - MAX_EXACT_ROWS} more in the JSON output)`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
