import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import knapsack, { type KnapsackInput, knapsackPareto } from '../suites/knapsack.ts';

/**
 * Rosetta Code, "Knapsack problem/0-1": 22 items (map 9 dag worth 150, compass 13/35, ...), a
 * 400 dag knapsack; the best packing is worth 1030 (weight 396).
 */
const ROSETTA: KnapsackInput = {
  weights: [9, 13, 153, 50, 15, 68, 27, 39, 23, 52, 11, 32, 24, 48, 73, 42, 43, 22, 7, 18, 4, 30],
  values: [150, 35, 200, 160, 60, 45, 60, 40, 30, 10, 70, 30, 15, 10, 40, 70, 75, 80, 20, 12, 50, 10],
  capacity: 400,
};

/**
 * Textbook instances: CLRS (3rd ed.), Figure 16.2 (items of 10, 20, 30 lb worth $60, $100, $120, a
 * 50 lb knapsack: items 2 and 3, $220), Rosetta Code's instance, and edge cases.
 */
const GOLDEN: [string, KnapsackInput, number][] = [
  ['CLRS Figure 16.2', { weights: [10, 20, 30], values: [60, 100, 120], capacity: 50 }, 220],
  ['Rosetta Code 0-1', ROSETTA, 1030],
  ['capacity 0', { weights: [1, 2], values: [5, 6], capacity: 0 }, 0],
  ['everything fits', { weights: [1, 2, 3], values: [4, 5, 6], capacity: 6 }, 15],
  ['no items', { weights: [], values: [], capacity: 10 }, 0],
];

/** Brute force: the best value over all 2^n subsets that fit. */
function bestSubset({ weights, values, capacity }: KnapsackInput): number {
  let best = 0;
  for (let mask = 0; mask < 1 << weights.length; mask++) {
    let weight = 0;
    let value = 0;
    for (let i = 0; i < weights.length; i++) {
      if (mask & (1 << i)) {
        weight += weights[i]!;
        value += values[i]!;
      }
    }
    if (weight <= capacity) best = Math.max(best, value);
  }
  return best;
}

describe('knapsack suite', () => {
  it('reference (Pareto list) gives the textbook answers', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(knapsackPareto(input), expected, name);
  });

  it('reference agrees with brute force over all subsets on 200 seeded instances of 0..12 items', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = rng.int(0, 12);
      const weights = Array.from({ length: n }, () => rng.int(1, 20));
      const values = Array.from({ length: n }, () => rng.int(1, 100));
      const input = { weights, values, capacity: rng.int(0, 120) };
      assert.equal(knapsackPareto(input), bestSubset(input), JSON.stringify(input));
    }
  });

  // Library-wrapping variants are audited separately (some defaults are wrong or exponential here).
  const handWritten = Object.entries(knapsack.variants).filter(
    ([variant]) => knapsack.libraries?.[variant] === undefined,
  );
  for (const [name, factory] of handWritten) {
    it(`${name} gives the textbook answers`, () => {
      for (const [instance, input, expected] of GOLDEN) {
        assert.equal(factory(plainTools)(input), expected, instance);
      }
    });
  }

  it('generates the same items for the same seed, weights 1..20, values 1..100, half the total weight', () => {
    const first = knapsack.input(50, createRng(5));
    assert.deepEqual(knapsack.input(50, createRng(5)), first);
    assert.equal(first.weights.length, 50);
    assert.ok(first.weights.every((w) => Number.isInteger(w) && w >= 1 && w <= 20));
    assert.ok(first.values.every((v) => Number.isInteger(v) && v >= 1 && v <= 100));
    assert.equal(first.capacity, Math.floor(first.weights.reduce((sum, w) => sum + w, 0) / 2));
  });
});
