import { markdownTable } from '../lib/tables.ts';
import type { Calibration, CoverageRow, Table } from '../lib/types.ts';

const percent = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}%` : '–');

/** The coverage rows as one table: what was compared, how much of it run A's intervals held, how wide they were, how far figures moved. */
export function coverageTable(title: string, rows: readonly CoverageRow[]): Table<CoverageRow> {
  return {
    title,
    sortable: false,
    rows,
    columns: [
      { header: 'figures', text: (row) => row.label },
      {
        header: 'compared',
        numeric: true,
        unit: 'figures',
        sort: (row) => row.compared,
        text: (row) => String(row.compared),
      },
      {
        header: "run B inside run A's 95% interval",
        numeric: true,
        unit: '%',
        sort: (row) => row.coverage_pct,
        text: (row) => `${row.covered} (${percent(row.coverage_pct)})`,
      },
      {
        header: 'median half-width of A (%)',
        numeric: true,
        unit: '%',
        sort: (row) => row.median_half_width_pct,
        text: (row) => `±${percent(row.median_half_width_pct)}`,
      },
      {
        header: 'moved, median (%)',
        numeric: true,
        unit: '%',
        sort: (row) => row.median_drift_pct,
        text: (row) => percent(row.median_drift_pct),
      },
      {
        header: 'moved, 90th percentile (%)',
        numeric: true,
        unit: '%',
        sort: (row) => row.p90_drift_pct,
        text: (row) => percent(row.p90_drift_pct),
      },
      {
        header: 'median B/A',
        numeric: true,
        unit: 'x',
        sort: (row) => row.median_ratio,
        text: (row) => (Number.isFinite(row.median_ratio) ? row.median_ratio.toFixed(3) : '–'),
      },
    ],
  };
}

/** The calibration as Markdown: the overall rows, then time per suite. */
export function calibrationMarkdown(calibration: Calibration): string {
  const [a, b] = calibration.runs;
  return [
    '# Calibration: do run A’s intervals predict run B?',
    '',
    `Run A: \`${a}\`; run B: \`${b}\`. A 95% interval that predicts another run holds run B's figure in about 95% of`,
    "cells. Times are ns per call (run B's estimate over processes against run A's interval, which predicts it); speedups are ratios of",
    'ns per call (run B’s speedup against run A’s speedup interval). “Moved” is |B/A − 1| per figure.',
    '',
    ...markdownTable(coverageTable('All cells and speedups', [calibration.time, ...calibration.speedups])),
    '',
    ...markdownTable(coverageTable('Time per call, by suite', calibration.time_by_suite)),
    '',
  ].join('\n');
}
