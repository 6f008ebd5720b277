import { isOk, timeNs } from '../lib/cells.ts';
import type { Cell, ExportFormat, Results } from '../lib/types.ts';

/**
 * Results in the formats of tools people already track benchmarks with. Only `ok` cells carry
 * times; each becomes one benchmark named "<suite>/<variant>/n=<n>" (plus "/<runner>" for benny).
 */

/** One entry of github-action-benchmark's `customSmallerIsBetter` input. */
export interface ActionBenchmarkEntry {
  name: string;
  unit: string;
  value: number;
  /** Free text the action shows beside the value; here the larger distance from the cell’s time (lib/cells.ts timeNs) to an end of its 95% interval. */
  range?: string;
  /** Free text shown in the chart's tooltip. */
  extra?: string;
}

/** One measure of Bencher Metric Format: the value and optionally a lower and upper bound. */
export interface BencherMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/** Bencher Metric Format: benchmark name -> measure slug -> metric. */
export type BencherReport = Record<string, Record<string, BencherMetric>>;

/** The benchmark name of a cell, stable across runs. */
export function benchmarkName(cell: Pick<Cell, 'suite' | 'variant' | 'n' | 'runner'>): string {
  return `${cell.suite}/${cell.variant}/n=${cell.n}${cell.runner === 'tinybench' ? '' : `/${cell.runner}`}`;
}

/**
 * github-action-benchmark, tool `customSmallerIsBetter`: `[{ name, unit, value, range, extra }]`,
 * the time per call in ns (lib/cells.ts timeNs: the process-level estimate). The action compares each value with the previous commit's and
 * alerts past its own ratio threshold; it has no notion of noise, so give it a generous one (200%).
 */
export function toActionBenchmark(results: Results): ActionBenchmarkEntry[] {
  return results.cells.filter(isOk).map((cell) => {
    const half = Math.max(timeNs(cell) - cell.ci_low_ns, cell.ci_high_ns - timeNs(cell));
    const extra = [
      `${cell.samples} samples`,
      `batch ${cell.batch}`,
      ...(cell.processes !== undefined && cell.processes > 1 ? [`${cell.processes} processes`] : []),
      ...(cell.calls !== undefined ? [`${cell.calls} calls`] : []),
      `Node ${results.environment.node}`,
      results.environment.cpu_model,
    ].join(', ');
    return {
      name: benchmarkName(cell),
      unit: 'ns/call',
      value: timeNs(cell),
      range: `± ${half.toPrecision(3)}`,
      extra,
    };
  });
}

/**
 * Bencher Metric Format: per cell the built-in `latency` measure (ns) with the cell’s 95% interval
 * as bounds, and a `calls` measure with the exact call count (the same on every machine, so a
 * threshold on it catches algorithmic changes however noisy the machine).
 */
export function toBencher(results: Results): BencherReport {
  const report: BencherReport = {};
  for (const cell of results.cells.filter(isOk)) {
    const metrics: Record<string, BencherMetric> = {
      latency: { value: timeNs(cell), lower_value: cell.ci_low_ns, upper_value: cell.ci_high_ns },
    };
    if (cell.calls !== undefined) metrics.calls = { value: cell.calls };
    report[benchmarkName(cell)] = metrics;
  }
  return report;
}

/** The export in the named format, as JSON text. */
export function exportText(results: Results, format: ExportFormat): string {
  const data = format === 'bencher' ? toBencher(results) : toActionBenchmark(results);
  return `${JSON.stringify(data, null, 1)}\n`;
}
