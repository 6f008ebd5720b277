import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import lis, { lisPatience } from '../suites/lis.ts';

/**
 * Known answers: Wikipedia's "Longest increasing subsequence" example (the first 16 terms of the
 * binary van der Corput sequence: length 6, e.g. 0, 2, 6, 9, 11, 15); the examples of LeetCode 300,
 * "Longest Increasing Subsequence" (the last shows that equal values do not count); and edge cases.
 */
const GOLDEN: [string, number[], number][] = [
  ['Wikipedia', [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], 6],
  ['LeetCode 300, example 1', [10, 9, 2, 5, 3, 7, 101, 18], 4],
  ['LeetCode 300, example 2', [0, 1, 0, 3, 2, 3], 4],
  ['LeetCode 300, example 3', [7, 7, 7, 7, 7, 7, 7], 1],
  ['sorted 1..20', Array.from({ length: 20 }, (_, i) => i + 1), 20],
  ['decreasing', [5, 4, 3, 2, 1], 1],
  ['empty', [], 0],
];

/** Brute force: every one of the 2^n subsequences, the longest strictly increasing one. */
function longestBySubsets(values: readonly number[]): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    let length = 0;
    let last = Number.NEGATIVE_INFINITY;
    let increasing = true;
    for (let i = 0; i < values.length && increasing; i++) {
      if (mask & (1 << i)) {
        increasing = values[i]! > last;
        last = values[i]!;
        length++;
      }
    }
    if (increasing) best = Math.max(best, length);
  }
  return best;
}

describe('lis suite', () => {
  it('reference (patience sorting) gives the known answers', () => {
    for (const [name, values, expected] of GOLDEN) assert.equal(lisPatience({ values }), expected, name);
  });

  it('reference agrees with brute force over all subsequences on 200 seeded arrays of 0..14 values', () => {
    const rng = createRng(47);
    for (let trial = 0; trial < 200; trial++) {
      // Values from a small range, so ties are frequent and strictness is tested.
      const values = Array.from({ length: rng.int(0, 14) }, () => rng.int(0, 9));
      assert.equal(lisPatience({ values }), longestBySubsets(values), `${values}`);
    }
  });

  for (const [name, factory] of Object.entries(lis.variants)) {
    it(`${name} gives the known answers`, () => {
      for (const [instance, values, expected] of GOLDEN)
        assert.equal(factory(plainTools)({ values }), expected, instance);
    });
  }

  it('generates the same values for the same seed: n of them from 0..n-1', () => {
    const first = lis.input(300, createRng(5));
    assert.deepEqual(lis.input(300, createRng(5)), first);
    assert.equal(first.values.length, 300);
    assert.ok(first.values.every((v) => Number.isInteger(v) && v >= 0 && v < 300));
  });
});
