import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerdictInput } from '../lib/types.ts';
import { buildVerdict } from '../reports/verdict.ts';

const at = (median_ns: number, spread = 0.1) => ({
  median_ns,
  ci_low_ns: median_ns * (1 - spread),
  ci_high_ns: median_ns * (1 + spread),
});

const FULL: VerdictInput = {
  reference: 'given',
  crossover: {
    variant: 'closure',
    n: 16,
    largest_n: 128,
    variant_at: at(1_000),
    naive_at: at(2_500),
    before: { n: 8, variant: at(600, 0.3), naive: at(700, 0.3) },
  },
  fastest: {
    n: 128,
    variant: 'array',
    median_ns: 12_300,
    others: [
      { variant: 'closure', median_ns: 38_130 },
      { variant: 'map-string', median_ns: 29_520 },
    ],
  },
  memory: {
    n: 128,
    variants: [
      { variant: 'map-string', retained_bytes: 1_230_000, entries: 16_384 },
      { variant: 'naive', retained_bytes: 180, entries: 0 },
    ],
  },
  depth: {
    variant: 'closure',
    reached_n: 3_238,
    reached_depth: 3_239,
    overflow_n: 3_239,
    overflow_depth: 3_240,
  },
  capacity: {
    factor: 2,
    sizes: [
      {
        n: 10,
        states: 11,
        unbounded_calls: 19,
        smallest_sufficient: 3,
        calls_at_smallest: 19,
        below_smallest: { capacity: 2, calls: 38, exact: false },
      },
      {
        n: 1_000,
        states: 1_001,
        unbounded_calls: 1_999,
        smallest_sufficient: 3,
        calls_at_smallest: 1_999,
        below_smallest: { capacity: 2, calls: 3_998, exact: false },
      },
    ],
  },
};

describe('buildVerdict()', () => {
  it('says each measured fact in one sentence, with its numbers', () => {
    assert.deepEqual(buildVerdict(FULL), [
      'Every answer was checked against the problem’s own reference.',
      'Memoization (`closure`) pays from n = 16: there `closure` took 1.00 µs per call (95% interval 900 ns to 1.10 µs) against naive’s 2.50 µs per call (95% interval 2.25 µs to 2.75 µs), and it stayed faster at every larger size both reached (up to n = 128).',
      'At n = 8 the intervals overlapped: `closure` took 600 ns per call (95% interval 420 ns to 780 ns) against naive’s 700 ns per call (95% interval 490 ns to 910 ns).',
      'At n = 128, the largest size every compared variant reached, `array` was fastest at 12.3 µs per call; `closure` took 3.10x as long, `map-string` 2.40x.',
      'Retained after one call at n = 128: `map-string` 1.23 MB for 16,384 entries (75 B an entry); `naive` 180 B with no cache entries.',
      'The top-down form (`closure`) reached n = 3,238 (recursion depth 3,239) on the default stack and overflowed at n = 3,239 (depth 3,240).',
      'An LRU cache of 3 entries kept the calls within 2x of an unbounded cache’s at every measured n (10 to 1,000): at n = 1,000, 1,999 calls against 1,999 unbounded; with 2 entries, more than 3,998 calls.',
    ]);
  });

  it('lists the capacity per size when it grows with n, and says when no reference was given', () => {
    const verdict = buildVerdict({
      reference: 'recurrence',
      capacity: {
        factor: 2,
        sizes: [
          {
            n: 16,
            states: 256,
            unbounded_calls: 481,
            smallest_sufficient: 14,
            calls_at_smallest: 811,
            below_smallest: null,
          },
          {
            n: 64,
            states: 4_096,
            unbounded_calls: 8_065,
            smallest_sufficient: 62,
            calls_at_smallest: 13_987,
            below_smallest: null,
          },
        ],
      },
    });
    assert.deepEqual(verdict, [
      'No independent reference was given: the variants were checked against each other and against the recurrence evaluated once more, so a mistake in the recurrence itself would not show.',
      'The smallest LRU capacity that kept the calls within 2x of an unbounded cache’s grew with n: 14 of 256 states at n = 16 (811 calls against 481), 62 of 4,096 states at n = 64 (13,987 calls against 8,065).',
    ]);
  });

  it('says when memoization never paid, and when the stack never ran out', () => {
    const verdict = buildVerdict({
      reference: 'given',
      crossover: { variant: 'map-string', n: null, largest_n: 5, variant_at: at(300), naive_at: at(100) },
      depth: {
        variant: 'closure',
        reached_n: 1_024,
        reached_depth: 2_047,
        overflow_n: null,
        overflow_depth: null,
      },
    });
    assert.deepEqual(verdict.slice(1), [
      '`map-string` was not faster than naive at n = 5, the largest size both reached: `map-string` took 300 ns per call (95% interval 270 ns to 330 ns) against naive’s 100 ns per call (95% interval 90.0 ns to 110 ns).',
      'The top-down form (`closure`) did not overflow the stack up to n = 1,024 (recursion depth 2,047).',
    ]);
    assert.match(
      buildVerdict({
        reference: 'given',
        depth: { ...FULL.depth!, reached_n: null, reached_depth: null },
      })[1] ?? '',
      /overflowed the stack already at n = 3,239 \(depth 3,240\)/,
    );
  });
});
