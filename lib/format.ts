/** Display formatting with units. Files keep full precision; only what people read is shortened. */

/** A duration in ns shown with a fitting unit and 3 significant digits, e.g. "1.23 µs". */
export function formatNs(ns: number): string {
  const units: [number, string][] = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
  ];
  for (const [scale, unit] of units)
    if (Math.abs(ns) >= scale) return `${(ns / scale).toPrecision(3)} ${unit}`;
  return `${ns.toPrecision(3)} ns`;
}

/** A ratio such as a speedup, e.g. "1,234x" or "3.45x". */
export function formatRatio(ratio: number): string {
  return ratio >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}x` : `${ratio.toPrecision(3)}x`;
}

/**
 * A duration in ms as "1m 05s" or "12.3 s", for progress lines. It is rounded once, to what is shown,
 * before it is split into minutes and seconds: rounding the seconds after the split printed 59.6 s
 * past a minute as "60s", and 59.96 s as "60.0 s".
 */
export function formatElapsed(ms: number): string {
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/** Left-aligned plain-text table. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** A speedup with its interval, e.g. "40.6x (38.2x to 43.1x)". */
export function formatRatioInterval(ratio: number, low: number, high: number): string {
  return `${formatRatio(ratio)} (${formatRatio(low)} to ${formatRatio(high)})`;
}

/** A relative error as a percentage with 2 significant digits, e.g. "0.53 %" or "18 %"; "< 0.01 %" below that. */
export function formatPercent(fraction: number): string {
  return fraction < 1e-4 ? '< 0.01 %' : `${(fraction * 100).toPrecision(2)} %`;
}

/** A count with 3 significant digits and thousands separators, e.g. "1.45" or "2,690,000". */
export function formatCount(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** An exact count with thousands separators, e.g. "184,755". */
export function formatInteger(value: number): string {
  return value.toLocaleString('en-US');
}

/** A byte count with a binary-free, decimal unit and 3 significant digits, e.g. "28.9 kB"; keeps the sign. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [scale, unit] of units)
    if (Math.abs(bytes) >= scale) return `${(bytes / scale).toPrecision(3)} ${unit}`;
  return `${Math.round(bytes)} B`;
}
