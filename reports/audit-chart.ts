import { LIBRARY_CONFIGURATIONS } from '../lib/types.ts';
import type { AuditRow } from './audit.ts';
import { chartSpec, logField, RATIO_ONE_RULE, type VegaLiteSpec } from './chart.ts';

/** One mark of the audit chart: a library variant of a suite, timed against closure or wrong. */
interface AuditPoint {
  suite: string;
  variant: string;
  package: string;
  configuration: string;
  state: 'timed' | 'wrong answer';
  /** Time per call over closure's at `n` (ns / ns, lib/cells.ts timeNs); absent for wrong answers. */
  ratio?: number;
  n?: number;
  verdict: string;
}

/** Panel size of the audit chart, px; wrong answers are drawn this far above the panel's bottom edge. */
const AUDIT_PANEL = { width: 320, height: 220, wrong_offset: 8 };
const WRONG_COLOR = '#c0392b';

/**
 * The audit at a glance, one panel per suite: each npm memoizer's time per call over the
 * hand-written closure's at the largest n both reached (log scale), default and tuned side by side;
 * a wrong answer (never timed) is a cross at the bottom edge. Rows without either are left out.
 */
export function auditSpec(rows: readonly AuditRow[]): VegaLiteSpec | null {
  const values: AuditPoint[] = rows.flatMap((row): AuditPoint[] => {
    const base = {
      suite: row.suite,
      variant: row.variant,
      package: row.package,
      configuration: row.configuration,
      verdict: row.verdict,
    };
    if (row.wrong !== null) return [{ ...base, state: 'wrong answer' }];
    const closure = row.relative.closure;
    return closure === undefined ? [] : [{ ...base, state: 'timed', ratio: closure.ratio, n: closure.n }];
  });
  if (values.length === 0) return null;
  const x = {
    field: 'package',
    type: 'nominal',
    sort: [...new Set(rows.map((row) => row.package))],
    title: 'npm package',
    axis: { labelAngle: -30 },
  };
  const configurations = [...LIBRARY_CONFIGURATIONS];
  const color = { field: 'configuration', type: 'nominal', scale: { domain: configurations } };
  const xOffset = { field: 'configuration', type: 'nominal', scale: { domain: configurations } };
  const shape = {
    field: 'state',
    type: 'nominal',
    scale: { domain: ['timed', 'wrong answer'], range: ['circle', 'cross'] },
    title: 'answer',
  };
  const tooltip = [
    { field: 'variant', type: 'nominal' },
    { field: 'state', type: 'nominal', title: 'answer' },
    { field: 'ratio', type: 'quantitative', title: 'time ÷ closure (x)', format: ',.3~r' },
    { field: 'n', type: 'quantitative', title: 'at n' },
    { field: 'verdict', type: 'nominal' },
  ];
  const point = { type: 'point', filled: true, size: 80, opacity: 1 };
  return chartSpec({
    title: {
      text: 'Audit of npm memoizers: time per call ÷ the hand-written closure’s',
      subtitle: [
        'at the largest n both were timed (log scale); dashed line: as fast as closure',
        'red cross at the bottom edge: wrong answer, never timed (no ratio)',
      ],
    },
    values,
    facet: {
      field: 'suite',
      panel: { width: AUDIT_PANEL.width, height: AUDIT_PANEL.height },
      // One package axis for all panels, so a library sits in the same place in each.
      independent: ['y'],
    },
    layers: [
      {
        transform: [{ filter: "datum.state === 'timed'" }],
        mark: point,
        encoding: {
          x,
          xOffset,
          y: logField('ratio', 'time ÷ closure’s (x, log scale)'),
          color,
          shape,
          tooltip,
        },
      },
      {
        transform: [{ filter: "datum.state === 'wrong answer'" }],
        // Red, not the configuration's colour, so a cross never reads as a measured ratio.
        mark: { ...point, color: WRONG_COLOR, size: 120 },
        encoding: {
          x,
          xOffset,
          y: { value: AUDIT_PANEL.height - AUDIT_PANEL.wrong_offset },
          shape,
          tooltip,
        },
      },
      RATIO_ONE_RULE,
    ],
  });
}
