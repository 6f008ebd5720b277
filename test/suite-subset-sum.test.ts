import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import subsetSum, { type SubsetSumInput, subsetCountEuler } from '../suites/subset-sum.ts';

const P = 1_000_000_007;

/** The numbers 1..n and half their sum: the subsets hitting it are the solutions of ±1 ± 2 ... ± n = 0. */
const halves = (n: number): SubsetSumInput => ({
  numbers: Array.from({ length: n }, (_, index) => index + 1),
  target: (n * (n + 1)) / 4,
});

/**
 * Known counts: OEIS A063865 (solutions of ±1 ± 2 ± ... ± n = 0) at n = 3, 4, 7, 8, 11, 12, 15, 16;
 * GeeksforGeeks, "Count of subsets with sum equal to X" ({1, 2, 3, 3} has 3 subsets summing to 6);
 * and edge cases.
 */
const GOLDEN: [string, SubsetSumInput, number][] = [
  ['A063865(3)', halves(3), 2],
  ['A063865(4)', halves(4), 2],
  ['A063865(7)', halves(7), 8],
  ['A063865(8)', halves(8), 14],
  ['A063865(11)', halves(11), 70],
  ['A063865(12)', halves(12), 124],
  ['A063865(15)', halves(15), 722],
  ['A063865(16)', halves(16), 1314],
  ['GeeksforGeeks {1, 2, 3, 3}, 6', { numbers: [1, 2, 3, 3], target: 6 }, 3],
  ['target 0: the empty subset', { numbers: [4, 5], target: 0 }, 1],
  ['unreachable target', { numbers: [4, 6], target: 5 }, 0],
];

/** Brute force: every one of the 2^n subsets, counted when it hits the target. */
function countSubsets({ numbers, target }: SubsetSumInput): number {
  let count = 0;
  for (let mask = 0; mask < 1 << numbers.length; mask++) {
    let sum = 0;
    for (let i = 0; i < numbers.length; i++) if (mask & (1 << i)) sum += numbers[i]!;
    if (sum === target) count++;
  }
  return count;
}

/** The exact count in BigInt (the take-or-skip table, one row kept), for counts that pass P. */
function exactCount({ numbers, target }: SubsetSumInput): bigint {
  const ways = new Array<bigint>(target + 1).fill(0n);
  ways[0] = 1n;
  for (const a of numbers) for (let r = target; r >= a; r--) ways[r] = ways[r]! + ways[r - a]!;
  return ways[target]!;
}

describe('subset-sum suite', () => {
  it('reference (generating function) gives the known counts', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(subsetCountEuler(input), expected, name);
  });

  it('reference agrees with brute force over all subsets on 200 seeded instances of 0..14 numbers', () => {
    const rng = createRng(41);
    for (let trial = 0; trial < 200; trial++) {
      const numbers = Array.from({ length: rng.int(0, 14) }, () => rng.int(1, 20));
      const total = numbers.reduce((sum, a) => sum + a, 0);
      const input = { numbers, target: rng.int(0, total) };
      assert.equal(subsetCountEuler(input), countSubsets(input), JSON.stringify(input));
    }
  });

  it('reference and every variant but naive reduce modulo P where the count passes 2^53', () => {
    const input = halves(80);
    const exact = exactCount(input);
    assert.ok(exact > BigInt(Number.MAX_SAFE_INTEGER));
    const expected = Number(exact % BigInt(P));
    assert.equal(subsetCountEuler(input), expected, 'reference');
    for (const [name, factory] of Object.entries(subsetSum.variants)) {
      if (name !== 'naive') assert.equal(factory(plainTools)(input), expected, name);
    }
  });

  for (const [name, factory] of Object.entries(subsetSum.variants)) {
    it(`${name} gives the known counts`, () => {
      for (const [instance, input, expected] of GOLDEN)
        assert.equal(factory(plainTools)(input), expected, instance);
    });
  }

  it('generates the same numbers for the same seed, from 1..50, target half their sum', () => {
    const first = subsetSum.input(60, createRng(5));
    assert.deepEqual(subsetSum.input(60, createRng(5)), first);
    assert.equal(first.numbers.length, 60);
    assert.ok(first.numbers.every((a) => Number.isInteger(a) && a >= 1 && a <= 50));
    assert.equal(first.target, Math.floor(first.numbers.reduce((sum, a) => sum + a, 0) / 2));
  });
});
