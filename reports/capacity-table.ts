import { formatInteger, formatPercent } from '../lib/format.ts';
import type { CapacityAtSize, CapacityCurve, Table } from '../lib/types.ts';

/**
 * A suite's LRU capacity curve as a table (lib/tables.ts renders it for summary.md and
 * report.html): per n, the states an unbounded cache ends with and its calls, the smallest capacity
 * whose calls stay within the factor, its calls, and the calls with one entry fewer. Null when the
 * curve has no size.
 */
export function capacityTable(curve: CapacityCurve): Table<CapacityAtSize> | null {
  if (curve.sizes.length === 0) return null;
  const below = (size: CapacityAtSize) => size.below_smallest;
  return {
    title: `LRU capacity (${curve.variant}): exact calls, the same on every machine; sufficient = calls within ${curve.factor}x of an unbounded cache’s`,
    sortable: true,
    rows: curve.sizes,
    columns: [
      {
        header: 'n',
        numeric: true,
        unit: 'n',
        text: (size) => formatInteger(size.n),
        sort: (size) => size.n,
      },
      {
        header: 'states (unbounded entries)',
        numeric: true,
        unit: 'entries',
        text: (size) => formatInteger(size.states),
        sort: (size) => size.states,
      },
      {
        header: 'unbounded calls',
        numeric: true,
        unit: 'calls',
        text: (size) => formatInteger(size.unbounded_calls),
        sort: (size) => size.unbounded_calls,
      },
      {
        header: 'smallest sufficient capacity',
        numeric: true,
        unit: 'entries',
        text: (size) => formatInteger(size.smallest_sufficient),
        sort: (size) => size.smallest_sufficient,
        strong: () => true,
      },
      {
        header: 'of the states',
        numeric: true,
        unit: 'fraction',
        text: (size) => (size.states === 0 ? '-' : formatPercent(size.smallest_sufficient / size.states)),
        sort: (size) => (size.states === 0 ? undefined : size.smallest_sufficient / size.states),
      },
      {
        header: 'calls at it',
        numeric: true,
        unit: 'calls',
        text: (size) => formatInteger(size.calls_at_smallest),
        sort: (size) => size.calls_at_smallest,
      },
      {
        header: 'calls with one entry fewer',
        numeric: true,
        unit: 'calls',
        text: (size) => {
          const point = below(size);
          if (point === null) return '-';
          return point.exact ? formatInteger(point.calls) : `more than ${formatInteger(point.calls)}`;
        },
        sort: (size) => below(size)?.calls,
      },
    ],
  };
}
