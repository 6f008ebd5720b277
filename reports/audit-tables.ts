import { formatInteger, formatRatio } from '../lib/format.ts';
import type { LibraryVariant, Table, TableColumn } from '../lib/types.ts';
import { type AuditRow, GROWTH_MIN_RATIO, GROWTH_RATIO_FACTOR, type StatusRun, YARDSTICKS } from './audit.ts';

/**
 * The audit of npm memoizers as summary.md and report.html show it: its table, the table of
 * configurations and the notes on how it is derived, each written once (see reports/audit.ts for the
 * facts and verdicts).
 */

/** A status run as text, e.g. "ok 5–1000" or "wrong-answer 2". */
export function statusRunText(run: StatusRun): string {
  return run.n_first === run.n_last
    ? `${run.status} ${run.n_first}`
    : `${run.status} ${run.n_first}–${run.n_last}`;
}

/** How the audit is derived, stated once below its table. */
export const AUDIT_NOTES = [
  'One row per suite x npm memoizer x configuration: `default` is the basic usage its README shows, `tuned` its best documented configuration for a recursive function of that argument shape; the recursion goes through the memoized binding, with multi-argument states passed as separate arguments.',
  'Statuses by n: consecutive ladder sizes with the same status. A wrong answer is never timed and ends the ladder; "skipped (budget)": one call took longer than the budget at a smaller n, or its predicted time was hopeless.',
  'Calls: exact calls of the recursive function (through the binding) at the largest n where the library variant, closure and naive were all counted; calls = naive’s means the recursion is not memoized.',
  `Time ÷ closure, ÷ map: the library's time per call (estimate over processes) over the hand-written variant's, at the largest n both were timed. "Slows as the cache grows": calls equal to closure's, and at the largest n both were timed its time is at least ${GROWTH_MIN_RATIO}x closure's and at least ${GROWTH_RATIO_FACTOR}x its lowest ratio to closure's over the sizes both were timed, for the times and for the fastest samples alike (the lowest ratio, because creating the memoizer in every cold call dominates the smallest sizes). The fitted models of both times (see Method) are quoted beside it. Without counts the same finding reads "time grows faster than closure's"; with calls equal to naive's the growth is the unmemoized recursion's and is not reported as such.`,
];

function relativeColumn(yardstick: (typeof YARDSTICKS)[number]): TableColumn<AuditRow> {
  return {
    header: `time ÷ ${yardstick}`,
    numeric: true,
    unit: 'x',
    text: (row) => {
      const relative = row.relative[yardstick];
      return relative === undefined ? '-' : `${formatRatio(relative.ratio)} at n = ${relative.n}`;
    },
    sort: (row) => row.relative[yardstick]?.ratio,
  };
}

/** The audit: one row per suite x library variant, its statuses, calls, times and verdict. */
export function auditTable(rows: readonly AuditRow[]): Table<AuditRow> {
  return {
    sortable: true,
    rows,
    columns: [
      { header: 'suite', text: (row) => row.suite },
      { header: 'variant', text: (row) => row.variant },
      { header: 'statuses by n', text: (row) => row.statuses.map(statusRunText).join(' · ') },
      {
        header: 'largest n',
        numeric: true,
        unit: 'n',
        text: (row) => (row.max_n === null ? '-' : String(row.max_n)),
        sort: (row) => row.max_n ?? undefined,
      },
      {
        header: 'calls (closure, naive)',
        numeric: true,
        unit: 'calls',
        text: ({ calls }) =>
          calls === null
            ? '-'
            : `${formatInteger(calls.calls)} at n = ${calls.n} (${formatInteger(calls.closure)}, ${formatInteger(calls.naive)})`,
        sort: (row) => row.calls?.calls,
      },
      ...YARDSTICKS.map(relativeColumn),
      { header: 'verdict', text: (row) => row.verdict },
    ],
  };
}

/** A library configuration and the suites it ran in. */
export interface AuditConfiguration extends LibraryVariant {
  variant: string;
  suites: string[];
}

/** Each distinct configuration once: variant, package, configuration, how, and the suites it ran in. */
export function auditConfigurations(rows: readonly AuditRow[]): AuditConfiguration[] {
  const byKey = new Map<string, AuditConfiguration>();
  for (const row of rows) {
    const key = `${row.variant}\u0000${row.how}`;
    const entry = byKey.get(key);
    if (entry === undefined)
      byKey.set(key, {
        variant: row.variant,
        package: row.package,
        configuration: row.configuration,
        how: row.how,
        suites: [row.suite],
      });
    else entry.suites.push(row.suite);
  }
  return [...byKey.values()];
}

/** The configurations of the audit's rows, as a table. */
export function configurationsTable(rows: readonly AuditRow[]): Table<AuditConfiguration> {
  return {
    title: 'Configurations',
    sortable: false,
    rows: auditConfigurations(rows),
    columns: [
      { header: 'variant', text: (c) => c.variant },
      { header: 'package', text: (c) => c.package },
      { header: 'configuration', text: (c) => c.configuration },
      { header: 'how', text: (c) => c.how },
      { header: 'suites', text: (c) => c.suites.join(', ') },
    ],
  };
}
