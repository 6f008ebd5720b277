import type { CapacityAtSize, CapacityCurve, CapacityPoint } from '../lib/types.ts';
import { chartSpec, logField, RATIO_ONE_RULE, type VegaLiteSpec } from './chart.ts';

/** One point of the capacity chart: calls with an LRU of `capacity` entries at one n, over the unbounded cache's. */
interface CapacityChartPoint {
  /** "n = 64": one line per size. */
  size: string;
  n: number;
  capacity: number;
  calls: number;
  /** calls / the unbounded cache's calls at this n. */
  ratio: number;
  /** False when the run was stopped at `calls`: a lower bound, drawn hollow. */
  exact: boolean;
  /** "smallest sufficient", "one entry fewer", "unbounded" or "curve". */
  role: string;
}

/** Every measured point of one size: the curve, the smallest sufficient capacity, the one below it, and all states (unbounded). */
function pointsOf(size: CapacityAtSize): CapacityChartPoint[] {
  const point = (at: CapacityPoint, role: string): CapacityChartPoint => ({
    size: `n = ${size.n.toLocaleString('en-US')}`,
    n: size.n,
    capacity: at.capacity,
    calls: at.calls,
    ratio: at.calls / size.unbounded_calls,
    exact: at.exact,
    role,
  });
  const points = [
    ...size.curve.map((at) => point(at, 'curve')),
    point(
      { capacity: size.smallest_sufficient, calls: size.calls_at_smallest, exact: true },
      'smallest sufficient',
    ),
    ...(size.below_smallest === null ? [] : [point(size.below_smallest, 'one entry fewer')]),
    point({ capacity: size.states, calls: size.unbounded_calls, exact: true }, 'unbounded'),
  ];
  // One point per capacity (the named roles win over the plain curve), in order along the line.
  const byCapacity = new Map<number, CapacityChartPoint>();
  for (const each of points) {
    const held = byCapacity.get(each.capacity);
    if (held === undefined || held.role === 'curve') byCapacity.set(each.capacity, each);
  }
  return [...byCapacity.values()].sort((a, b) => a.capacity - b.capacity);
}

/**
 * Exact calls against LRU cache capacity for one suite, one line per n: calls over the unbounded
 * cache's (log scale) against the capacity (symlog scale, so capacity 0, no cache, is drawn too); a
 * dashed line at the sufficiency factor (2x) and at 1; hollow points are lower bounds (the run was
 * stopped there). Null when the curve has no size.
 */
export function capacitySpec(curve: CapacityCurve, title: string): VegaLiteSpec | null {
  const values = curve.sizes.flatMap(pointsOf);
  if (values.length === 0) return null;
  const color = {
    field: 'size',
    type: 'ordinal',
    sort: curve.sizes.map((size) => `n = ${size.n.toLocaleString('en-US')}`),
    title: 'input size',
  };
  const x = {
    field: 'capacity',
    type: 'quantitative',
    scale: { type: 'symlog' },
    title: 'LRU cache capacity (entries, symlog scale; 0 = no cache)',
  };
  const y = logField('ratio', 'calls ÷ unbounded cache’s calls (log scale)');
  const tooltip = [
    { field: 'size', type: 'nominal', title: 'input size' },
    { field: 'capacity', type: 'quantitative', title: 'capacity (entries)', format: ',d' },
    { field: 'calls', type: 'quantitative', title: 'calls', format: ',d' },
    { field: 'ratio', type: 'quantitative', title: 'calls ÷ unbounded (x)', format: ',.3~r' },
    { field: 'exact', type: 'nominal', title: 'exact (false: stopped, a lower bound)' },
    { field: 'role', type: 'nominal', title: 'point' },
  ];
  return chartSpec({
    title: {
      text: `${title}: calls against LRU cache capacity (${curve.variant})`,
      subtitle: [
        `exact counts, the same on every machine; dashed lines: ${curve.factor}x (sufficient below it) and 1x (as unbounded)`,
        `hollow points: runs stopped at ${curve.curve_limit_factor}x the unbounded calls (lower bounds)`,
      ],
    },
    values,
    layers: [
      { mark: { type: 'line' }, encoding: { x, y, color, tooltip } },
      {
        transform: [{ filter: 'datum.exact' }],
        mark: { type: 'point', filled: true, size: 50, opacity: 1 },
        encoding: { x, y, color, tooltip },
      },
      {
        transform: [{ filter: '!datum.exact' }],
        mark: { type: 'point', filled: false, size: 50, opacity: 1 },
        encoding: { x, y, color, tooltip },
      },
      {
        mark: { type: 'rule', strokeDash: [4, 4], color: '#c0392b' },
        encoding: { y: { datum: curve.factor } },
      },
      RATIO_ONE_RULE,
    ],
  });
}
