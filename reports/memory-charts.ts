import { isOk, timeNs } from '../lib/cells.ts';
import type { Results, SuiteInfo } from '../lib/types.ts';
import {
  chartSpec,
  drawnVariants,
  logField,
  type VegaLiteSpec,
  variantColor,
  variantDomain,
} from './chart.ts';
import { primaryCells } from './primary.ts';
import type { Metric } from './vega.ts';

/** Bytes one instance still holds after one call (heap + external), against n. */
export const RETAINED_METRIC: Metric = {
  field: 'retained_bytes',
  title: 'bytes retained after one call',
  unit: 'bytes',
  note: 'heap + external (typed arrays); a reading can be off by a few tens of kB (V8 bookkeeping); sizes with no figure are left out',
  format: ',d',
  extra: [{ field: 'cache_entries', title: 'cache entries' }],
};

/** Bytes allocated during one call (heap + external, no GC in between), against n. */
export const ALLOCATED_METRIC: Metric = {
  field: 'allocated_bytes',
  title: 'bytes allocated per call',
  unit: 'bytes',
  note: 'heap + external, minimum of three GC-free windows',
  format: ',d',
};

/** One variant's time and memory at one n. */
export interface TradeOffPoint {
  variant: string;
  n: number;
  /** Time per call, ns (lib/cells.ts timeNs). */
  time_ns: number;
  /** Bytes allocated per call (cache, tables, keys, garbage). */
  allocated_bytes: number;
  /** True when no other variant is at least as fast and at least as small, and better in one. */
  pareto: boolean;
}

/** Marks the Pareto front: points that no other point beats in both time and memory. */
export function paretoFront(points: readonly Omit<TradeOffPoint, 'pareto'>[]): TradeOffPoint[] {
  return points.map((point) => ({
    ...point,
    pareto: !points.some(
      (other) =>
        other !== point &&
        other.time_ns <= point.time_ns &&
        other.allocated_bytes <= point.allocated_bytes &&
        (other.time_ns < point.time_ns || other.allocated_bytes < point.allocated_bytes),
    ),
  }));
}

/**
 * Time against memory for one suite at one size: the largest n at which the most variants have a
 * positive time and allocation figure. Null when fewer than two variants share a size.
 */
export function tradeOffPoints(results: Results, suite: string): TradeOffPoint[] | null {
  const points = primaryCells(results.cells)
    .filter(isOk)
    .flatMap((cell) => {
      const allocated = cell.allocated_bytes ?? 0;
      if (cell.suite !== suite || timeNs(cell) <= 0 || allocated <= 0) return [];
      return [{ variant: cell.variant, n: cell.n, time_ns: timeNs(cell), allocated_bytes: allocated }];
    });
  const bySize = new Map<number, typeof points>();
  for (const point of points) bySize.set(point.n, [...(bySize.get(point.n) ?? []), point]);
  const [, chosen] = [...bySize].sort(([a, x], [b, y]) => y.length - x.length || b - a)[0] ?? [];
  if (chosen === undefined || chosen.length < 2) return null;
  return paretoFront(chosen);
}

/** The time-memory trade-off chart of a suite (log-log), Pareto-front variants filled; null when nothing to plot. */
export function suiteTradeOffSpec(suite: SuiteInfo, results: Results): VegaLiteSpec | null {
  const values = tradeOffPoints(results, suite.id);
  if (values === null) return null;
  const n = values[0]?.n;
  const domain = variantDomain(results.suites);
  const x = logField('allocated_bytes', 'bytes allocated per call (log scale)');
  const y = logField('time_ns', 'time per call, estimate over processes (ns, log scale)');
  return chartSpec({
    title: {
      text: `${suite.title}: time against memory at n = ${n}`,
      subtitle: 'filled: on the Pareto front (no other variant is both faster and smaller); log-log',
    },
    values,
    layers: [
      {
        mark: { type: 'point', size: 120, strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: variantColor(domain, drawnVariants(domain, values)),
          fill: {
            condition: { test: 'datum.pareto', field: 'variant', type: 'nominal', scale: { domain } },
            value: 'transparent',
          },
          tooltip: [
            { field: 'variant', type: 'nominal' },
            { field: 'time_ns', type: 'quantitative', title: 'time per call (ns)', format: ',.1f' },
            {
              field: 'allocated_bytes',
              type: 'quantitative',
              title: 'allocated (bytes per call)',
              format: ',d',
            },
            { field: 'pareto', type: 'nominal', title: 'on the Pareto front' },
          ],
        },
      },
      {
        mark: { type: 'text', dx: 8, align: 'left', fontSize: 10 },
        encoding: {
          x: logField('allocated_bytes'),
          y: logField('time_ns'),
          text: { field: 'variant', type: 'nominal' },
        },
      },
    ],
  });
}
