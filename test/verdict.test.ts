import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerdictInput } from '../lib/types.ts';
import { buildVerdict } from '../reports/verdict.ts';

const at = (time_ns: number, spread = 0.1) => ({
  time_ns,
  ci_low_ns: time_ns * (1 - spread),
  ci_high_ns: time_ns * (1 + spread),
});

const FULL: VerdictInput = {
  reference: 'given',
  crossover: {
    variant: 'array',
    n: 16,
    variant_at: at(1_000),
    naive_at: at(2_500),
    before: { n: 8, variant: at(600, 0.3), naive: at(700, 0.3) },
    largest: { n: 32, speedup: 1_234.5, low: 1_010, high: 1_508 },
  },
  fastest: {
    n: 128,
    variant: 'array',
    time_ns: 12_300,
    others: [
      { variant: 'closure', ratio: 3.1, low: 2.54, high: 3.79 },
      { variant: 'map-string', ratio: 2.4, low: 1.96, high: 2.93 },
    ],
  },
  memory: {
    variants: [
      { variant: 'map-string', n: 128, retained_bytes: 1_230_000, entries: 16_384 },
      { variant: 'naive', n: 16, retained_bytes: 180, entries: 0 },
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
    note: 'the top-down recursion overflowed the stack at n = 10,000; larger sizes were not run',
  },
};

describe('buildVerdict()', () => {
  it('says each measured fact in one sentence, with its numbers', () => {
    assert.deepEqual(buildVerdict(FULL), [
      'Every answer was checked against the problem’s own reference.',
      'Memoization pays from n = 16 (`array`): there `array` took 1.00 µs per call (95% interval 900 ns to 1.10 µs) against naive’s 2.50 µs per call (95% interval 2.25 µs to 2.75 µs), and it stayed faster at every larger size both reached.',
      'At n = 8 it was not yet faster with separated intervals: `array` took 600 ns per call (95% interval 420 ns to 780 ns) against naive’s 700 ns per call (95% interval 490 ns to 910 ns).',
      'At n = 32, the largest size both were timed at, `array` was 1,235x (1,010x to 1,508x) faster than naive (naive’s time over its own; the interval from the ends of both 95% intervals).',
      'Use `array`: at n = 128, the largest size the common caches all reached, it was fastest at 12.3 µs per call; `closure` took 3.10x (2.54x to 3.79x) as long, `map-string` 2.40x (1.96x to 2.93x).',
      'Retained after one call, at the largest size measured: `map-string` 1.23 MB for 16,384 entries at n = 128 (75 B an entry); `naive` 180 B with no cache entries at n = 16.',
      'The top-down form (`closure`) reached n = 3,238 (recursion depth 3,239) on the default stack and overflowed at n = 3,239 (depth 3,240); beyond it, use a bottom-up form or a larger --stack-size.',
      'An LRU cache of 3 entries kept the calls within 2x of an unbounded cache’s at every measured n (10 to 1,000): at n = 1,000, 1,999 calls against 1,999 unbounded; with 2, more than 3,998 calls. Call counts are exact, the same on every machine.',
      'LRU capacity at larger sizes: the top-down recursion overflowed the stack at n = 10,000; larger sizes were not run.',
    ]);
  });

  it('lists the capacity per size when it grows with n, says when no reference was given, and names failures', () => {
    const verdict = buildVerdict({
      reference: 'recurrence',
      failures: [
        {
          variants: ['dict', 'map-string'],
          status: 'error',
          n: 8,
          message: "problem 'x': field 'recurrence' threw.",
        },
        { variants: ['array'], status: 'wrong-answer', n: 2, message: 'expected 3' },
      ],
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
            below_smallest: { capacity: 61, calls: 16_131, exact: true },
          },
        ],
      },
    });
    assert.deepEqual(verdict, [
      'No independent reference was given: the variants were checked against each other and against the recurrence evaluated once more, so a mistake in the recurrence itself would not show.',
      "`dict` and `map-string` each ended with error at n = 8: problem 'x': field 'recurrence' threw.",
      '`array` ended with wrong-answer at n = 2: expected 3.',
      'The smallest LRU capacity that kept the calls within 2x of an unbounded cache’s grew with n: 14 of 256 states at n = 16, 62 of 4,096 states at n = 64. At n = 64 it made 13,987 calls against 8,065 unbounded; with 61, 16,131 calls. Call counts are exact, the same on every machine.',
    ]);
  });

  it('says from which n the capacity stopped growing, and what sufficed below', () => {
    const size = (n: number, smallest: number) => ({
      n,
      states: n + 1,
      unbounded_calls: 2 * n - 1,
      smallest_sufficient: smallest,
      calls_at_smallest: 2 * n - 1,
      below_smallest: smallest === 0 ? null : { capacity: smallest - 1, calls: 4 * n - 2, exact: false },
    });
    assert.deepEqual(
      buildVerdict({
        reference: 'given',
        capacity: { factor: 2, sizes: [size(5, 0), size(10, 3), size(100, 3)] },
      }).slice(1),
      [
        'An LRU cache of 3 entries kept the calls within 2x of an unbounded cache’s at every measured n from 10 to 100: at n = 100, 199 calls against 199 unbounded; with 2, more than 398 calls; below n = 10 fewer sufficed (0 of 6 states at n = 5). Call counts are exact, the same on every machine.',
      ],
    );
  });

  it('says the capacity changed, not grew, when a larger n needed fewer entries', () => {
    const size = (n: number, smallest: number) => ({
      n,
      states: n + 1,
      unbounded_calls: 2 * n - 1,
      smallest_sufficient: smallest,
      calls_at_smallest: 2 * n - 1,
      below_smallest: null,
    });
    assert.deepEqual(
      buildVerdict({
        reference: 'given',
        capacity: { factor: 2, sizes: [size(5, 4), size(10, 3), size(100, 3)] },
      }).slice(1),
      [
        'The smallest LRU capacity that kept the calls within 2x of an unbounded cache’s changed with n: 4 of 6 states at n = 5, 3 of 11 states at n = 10, 3 of 101 states at n = 100. At n = 100 it made 199 calls against 199 unbounded. Call counts are exact, the same on every machine.',
      ],
    );
  });

  it('says when memoization never paid, when the stack never ran out and why, and when memory was not measured', () => {
    const verdict = buildVerdict({
      reference: 'given',
      crossover: {
        variant: 'map-string',
        n: null,
        variant_at: at(300),
        naive_at: at(100),
        largest: { n: 5, speedup: 1 / 3, low: 0.27, high: 0.41 },
      },
      memory: { variants: [], note: 'the quick profile has no memory pass' },
      depth: {
        variant: 'closure',
        reached_n: 1_024,
        reached_depth: 2_047,
        overflow_n: null,
        overflow_depth: null,
        note: 'n = 2,048 needs more than 2,097,152 states; the search stops there',
      },
    });
    assert.deepEqual(verdict.slice(1), [
      'Memoization did not pay within the sizes run: at n = 5, the largest size both reached, `map-string` took 300 ns per call (95% interval 270 ns to 330 ns) against naive’s 100 ns per call (95% interval 90.0 ns to 110 ns).',
      'Memory was not measured: the quick profile has no memory pass.',
      'The top-down form (`closure`) did not overflow the default stack up to n = 1,024 (recursion depth 2,047).',
      'The stack search: n = 2,048 needs more than 2,097,152 states; the search stops there.',
    ]);
    assert.match(
      buildVerdict({
        reference: 'given',
        depth: { ...FULL.depth!, reached_n: null, reached_depth: null },
      })[1] ?? '',
      /overflowed the default stack already at n = 3,239 \(depth 3,240\); beyond it, use a bottom-up form/,
    );
  });
});
