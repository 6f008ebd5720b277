import { formatBytes, formatNs, formatRatioInterval } from '../lib/format.ts';
import type { TimeInterval, VerdictInput } from '../lib/types.ts';

/**
 * The verdict on a problem, as plain sentences built from its measurements only: which answer the
 * variants were checked against, what failed, from which n memoization pays (with the intervals
 * that decide it) and by how much at the largest size, the fastest cache and how much longer the
 * common ones took, bytes per cache entry, how deep the top-down form got, and the smallest LRU
 * capacity that sufficed. Nothing is said about a part that was not measured.
 */
export function buildVerdict(input: VerdictInput): string[] {
  return [
    referenceSentence(input.reference),
    ...(input.failures ?? []).map(failureSentence),
    ...crossoverSentences(input.crossover),
    fastestSentence(input.fastest),
    memorySentence(input.memory),
    ...depthSentences(input.depth),
    ...capacitySentences(input.capacity),
  ].filter((sentence): sentence is string => sentence !== undefined);
}

function referenceSentence(reference: VerdictInput['reference']): string {
  return reference === 'given'
    ? 'Every answer was checked against the problem’s own reference.'
    : 'No independent reference was given: the variants were checked against each other and against the recurrence evaluated once more, so a mistake in the recurrence itself would not show.';
}

function failureSentence(failure: NonNullable<VerdictInput['failures']>[number]): string {
  const message = failure.message.trim().replace(/[.:]$/, '');
  return `${list(failure.variants.map(code))} ${failure.variants.length === 1 ? 'ended' : 'each ended'} with ${failure.status} at n = ${count(failure.n)}: ${message}.`;
}

function crossoverSentences(crossover: VerdictInput['crossover']): string[] {
  if (crossover === undefined) return [];
  const { variant, n, largest } = crossover;
  const pair = `${code(variant)} took ${interval(crossover.variant_at)} against naive’s ${interval(crossover.naive_at)}`;
  if (n === null) {
    return [
      `Memoization did not pay within the sizes run: at n = ${count(largest.n)}, the largest size both reached, ${pair}.`,
    ];
  }
  const sentences = [
    `Memoization pays from n = ${count(n)} (${code(variant)}): there ${pair}, and it stayed faster at every larger size both reached.`,
  ];
  if (crossover.before !== undefined) {
    const { before } = crossover;
    sentences.push(
      `At n = ${count(before.n)} it was not yet faster with separated intervals: ${code(variant)} took ${interval(before.variant)} against naive’s ${interval(before.naive)}.`,
    );
  }
  sentences.push(
    `At n = ${count(largest.n)}, the largest size both were timed at, ${code(variant)} was ${formatRatioInterval(largest.speedup, largest.low, largest.high)} faster than naive (naive’s time over its own; the interval from the ends of both 95% intervals).`,
  );
  return sentences;
}

function fastestSentence(fastest: VerdictInput['fastest']): string | undefined {
  if (fastest === undefined) return undefined;
  const ratios = fastest.others.map(
    (other, index) =>
      `${code(other.variant)} ${index === 0 ? 'took ' : ''}${formatRatioInterval(other.ratio, other.low, other.high)}${index === 0 ? ' as long' : ''}`,
  );
  const others = ratios.length === 0 ? '' : `; ${ratios.join(', ')}`;
  return `Use ${code(fastest.variant)}: at n = ${count(fastest.n)}, the largest size the common caches all reached, it was fastest at ${formatNs(fastest.time_ns)} per call${others}.`;
}

function memorySentence(memory: VerdictInput['memory']): string | undefined {
  if (memory === undefined) return undefined;
  if (memory.variants.length === 0) {
    return memory.note === undefined ? undefined : `Memory was not measured: ${memory.note}.`;
  }
  const parts = memory.variants.map(({ variant, n, retained_bytes, entries }) =>
    entries > 0
      ? `${code(variant)} ${formatBytes(retained_bytes)} for ${count(entries)} entries at n = ${count(n)} (${formatBytes(retained_bytes / entries)} an entry)`
      : `${code(variant)} ${formatBytes(retained_bytes)} with no cache entries at n = ${count(n)}`,
  );
  return `Retained after one call, at the largest size measured: ${parts.join('; ')}.`;
}

function depthSentences(depth: VerdictInput['depth']): string[] {
  if (depth === undefined) return [];
  const form = `The top-down form (${code(depth.variant)})`;
  const why = depth.note === undefined ? [] : [`The stack search: ${depth.note}.`];
  const reached =
    depth.reached_n === null
      ? undefined
      : `n = ${count(depth.reached_n)}${depth.reached_depth === null ? '' : ` (recursion depth ${count(depth.reached_depth)})`}`;
  if (depth.overflow_n === null) {
    return reached === undefined
      ? why
      : [`${form} did not overflow the default stack up to ${reached}.`, ...why];
  }
  const overflow = `n = ${count(depth.overflow_n)}${depth.overflow_depth === null ? '' : ` (depth ${count(depth.overflow_depth)})`}`;
  const beyond = 'beyond it, use a bottom-up form or a larger --stack-size';
  return [
    reached === undefined
      ? `${form} overflowed the default stack already at ${overflow}; ${beyond}.`
      : `${form} reached ${reached} on the default stack and overflowed at ${overflow}; ${beyond}.`,
    ...why,
  ];
}

function capacitySentences(capacity: VerdictInput['capacity']): string[] {
  if (capacity === undefined) return [];
  const { factor, sizes } = capacity;
  const larger = capacity.note === undefined ? [] : [`LRU capacity at larger sizes: ${capacity.note}.`];
  if (sizes.length === 0) return larger;
  const within = `kept the calls within ${factor}x of an unbounded cache’s`;
  const largest = sizes.at(-1)!;
  const below = (size: (typeof sizes)[number]) => {
    const point = size.below_smallest;
    if (point === null) return '';
    const calls = point.exact ? count(point.calls) : `more than ${count(point.calls)}`;
    return `; with ${count(point.capacity)}, ${calls} calls`;
  };
  const exact = 'Call counts are exact, the same on every machine.';
  const states = (size: (typeof sizes)[number]) =>
    `${count(size.smallest_sufficient)} of ${count(size.states)} states at n = ${count(size.n)}`;
  const atLargest = `at n = ${count(largest.n)}, ${count(largest.calls_at_smallest)} calls against ${count(largest.unbounded_calls)} unbounded${below(largest)}`;
  // The sizes at the end that needed the same capacity: a capacity that stopped growing.
  const first = sizes.findLastIndex((size) => size.smallest_sufficient !== largest.smallest_sufficient) + 1;
  const settled = sizes.slice(first);
  const cache = `An LRU cache of ${count(largest.smallest_sufficient)} entries ${within}`;
  if (first === 0) {
    const range =
      sizes.length === 1
        ? `n = ${count(largest.n)}`
        : `every measured n (${count(sizes[0]!.n)} to ${count(largest.n)})`;
    return [`${cache} at ${range}: ${atLargest}. ${exact}`, ...larger];
  }
  const earlier = sizes.slice(0, first);
  if (
    settled.length >= 2 &&
    earlier.every((size) => size.smallest_sufficient < largest.smallest_sufficient)
  ) {
    return [
      `${cache} at every measured n from ${count(settled[0]!.n)} to ${count(largest.n)}: ${atLargest}; below n = ${count(settled[0]!.n)} fewer sufficed (${earlier.map(states).join(', ')}). ${exact}`,
      ...larger,
    ];
  }
  const grew = sizes.every(
    (size, index) => index === 0 || size.smallest_sufficient >= sizes[index - 1]!.smallest_sufficient,
  );
  return [
    `The smallest LRU capacity that ${within} ${grew ? 'grew' : 'changed'} with n: ${sizes.map(states).join(', ')}. At n = ${count(largest.n)} it made ${count(largest.calls_at_smallest)} calls against ${count(largest.unbounded_calls)} unbounded${below(largest)}. ${exact}`,
    ...larger,
  ];
}

const code = (variant: string) => `\`${variant}\``;

const count = (value: number) => value.toLocaleString('en-US');

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function interval(time: TimeInterval): string {
  return `${formatNs(time.time_ns)} per call (95% interval ${formatNs(time.ci_low_ns)} to ${formatNs(time.ci_high_ns)})`;
}
