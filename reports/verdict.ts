import { formatBytes, formatNs, formatRatio } from '../lib/format.ts';
import type { MedianInterval, VerdictInput } from '../lib/types.ts';

/**
 * The verdict on a problem, as plain sentences built from its measurements only: which answer the
 * variants were checked against, from which n memoization pays (with the intervals that decide
 * it), the fastest variant and how much longer the others took, bytes per cache entry, how deep the
 * top-down form got, and the smallest LRU capacity that sufficed. Nothing is said about a part
 * that was not measured.
 */
export function buildVerdict(input: VerdictInput): string[] {
  return [
    referenceSentence(input.reference),
    ...crossoverSentences(input.crossover),
    fastestSentence(input.fastest),
    memorySentence(input.memory),
    depthSentence(input.depth),
    capacitySentence(input.capacity),
  ].filter((sentence): sentence is string => sentence !== undefined);
}

function referenceSentence(reference: VerdictInput['reference']): string {
  return reference === 'given'
    ? 'Every answer was checked against the problem’s own reference.'
    : 'No independent reference was given: the variants were checked against each other and against the recurrence evaluated once more, so a mistake in the recurrence itself would not show.';
}

function crossoverSentences(crossover: VerdictInput['crossover']): string[] {
  if (crossover === undefined) return [];
  const { variant, n, largest_n } = crossover;
  const pair = `${code(variant)} took ${interval(crossover.variant_at)} against naive’s ${interval(crossover.naive_at)}`;
  if (n === null) {
    return [
      `${code(variant)} was not faster than naive at n = ${count(largest_n)}, the largest size both reached: ${pair}.`,
    ];
  }
  const sentences = [
    `Memoization (${code(variant)}) pays from n = ${count(n)}: there ${pair}, and it stayed faster at every larger size both reached${n === largest_n ? '' : ` (up to n = ${count(largest_n)})`}.`,
  ];
  if (crossover.before !== undefined) {
    const { before } = crossover;
    sentences.push(
      `At n = ${count(before.n)} the intervals overlapped: ${code(variant)} took ${interval(before.variant)} against naive’s ${interval(before.naive)}.`,
    );
  }
  return sentences;
}

function fastestSentence(fastest: VerdictInput['fastest']): string | undefined {
  if (fastest === undefined) return undefined;
  const ratios = fastest.others.map(
    (other, index) =>
      `${code(other.variant)} ${index === 0 ? 'took ' : ''}${formatRatio(other.median_ns / fastest.median_ns)}${index === 0 ? ' as long' : ''}`,
  );
  const others = ratios.length === 0 ? '' : `; ${ratios.join(', ')}`;
  return `At n = ${count(fastest.n)}, the largest size every compared variant reached, ${code(fastest.variant)} was fastest at ${formatNs(fastest.median_ns)} per call${others}.`;
}

function memorySentence(memory: VerdictInput['memory']): string | undefined {
  if (memory === undefined || memory.variants.length === 0) return undefined;
  const parts = memory.variants.map(({ variant, retained_bytes, entries }) =>
    entries > 0
      ? `${code(variant)} ${formatBytes(retained_bytes)} for ${count(entries)} entries (${formatBytes(retained_bytes / entries)} an entry)`
      : `${code(variant)} ${formatBytes(retained_bytes)} with no cache entries`,
  );
  return `Retained after one call at n = ${count(memory.n)}: ${parts.join('; ')}.`;
}

function depthSentence(depth: VerdictInput['depth']): string | undefined {
  if (depth === undefined) return undefined;
  const form = `The top-down form (${code(depth.variant)})`;
  const reached =
    depth.reached_n === null
      ? undefined
      : `n = ${count(depth.reached_n)}${depth.reached_depth === null ? '' : ` (recursion depth ${count(depth.reached_depth)})`}`;
  if (depth.overflow_n === null) {
    return reached === undefined ? undefined : `${form} did not overflow the stack up to ${reached}.`;
  }
  const overflow = `n = ${count(depth.overflow_n)}${depth.overflow_depth === null ? '' : ` (depth ${count(depth.overflow_depth)})`}`;
  return reached === undefined
    ? `${form} overflowed the stack already at ${overflow}.`
    : `${form} reached ${reached} on the default stack and overflowed at ${overflow}.`;
}

function capacitySentence(capacity: VerdictInput['capacity']): string | undefined {
  if (capacity === undefined || capacity.sizes.length === 0) return undefined;
  const { factor, sizes } = capacity;
  const within = `kept the calls within ${factor}x of an unbounded cache’s`;
  const largest = sizes.at(-1)!;
  const below = (size: (typeof sizes)[number]) => {
    const point = size.below_smallest;
    if (point === null) return '';
    const calls = point.exact ? count(point.calls) : `more than ${count(point.calls)}`;
    return `; with ${count(point.capacity)} entries, ${calls} calls`;
  };
  const distinct = new Set(sizes.map((size) => size.smallest_sufficient));
  if (distinct.size === 1) {
    const range =
      sizes.length === 1
        ? `n = ${count(largest.n)}`
        : `every measured n (${count(sizes[0]!.n)} to ${count(largest.n)})`;
    return `An LRU cache of ${count(largest.smallest_sufficient)} entries ${within} at ${range}: at n = ${count(largest.n)}, ${count(largest.calls_at_smallest)} calls against ${count(largest.unbounded_calls)} unbounded${below(largest)}.`;
  }
  const list = sizes
    .map(
      (size) =>
        `${count(size.smallest_sufficient)} of ${count(size.states)} states at n = ${count(size.n)} (${count(size.calls_at_smallest)} calls against ${count(size.unbounded_calls)})`,
    )
    .join(', ');
  return `The smallest LRU capacity that ${within} grew with n: ${list}.`;
}

const code = (variant: string) => `\`${variant}\``;

const count = (value: number) => value.toLocaleString('en-US');

function interval(time: MedianInterval): string {
  return `${formatNs(time.median_ns)} per call (95% interval ${formatNs(time.ci_low_ns)} to ${formatNs(time.ci_high_ns)})`;
}
