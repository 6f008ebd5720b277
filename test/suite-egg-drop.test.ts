import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import eggDrop, { type EggDropInput, eggDropBinomial } from '../suites/egg-drop.ts';

/**
 * Known answers: the classic two-egg, 100-floor puzzle (14 drops: floors 14, 27, 39, ...);
 * GeeksforGeeks, "Egg Dropping Puzzle | DP-11" (2 eggs and 10 floors: 4; 2 eggs and 36 floors: 8);
 * and the limits: one egg tries every floor, and eggs to spare allow binary search (7 = ⌈log2 101⌉
 * for 100 floors).
 */
const GOLDEN: [string, EggDropInput, number][] = [
  ['2 eggs, 100 floors', { eggs: 2, floors: 100 }, 14],
  ['2 eggs, 36 floors', { eggs: 2, floors: 36 }, 8],
  ['2 eggs, 10 floors', { eggs: 2, floors: 10 }, 4],
  ['1 egg, 10 floors', { eggs: 1, floors: 10 }, 10],
  ['10 eggs, 100 floors', { eggs: 10, floors: 100 }, 7],
  ['0 floors', { eggs: 3, floors: 0 }, 0],
];

/** The naive recursion is exponential in the floors; it is checked on the golden instances up to this. */
const NAIVE_MAX_FLOORS = 16;

/**
 * Brute force: the game played out on the interval of floors still in doubt (the egg survives
 * floors below `low`, breaks at `high` and above): the tester picks the best floor to drop from,
 * the building the worse outcome. No memo, so it is only used on small buildings.
 */
function gameTrials(eggs: number, low: number, high: number): number {
  if (high - low <= 1) return 0;
  // Floors still in doubt and no egg left: this line of play cannot finish.
  if (eggs === 0) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (let floor = low + 1; floor < high; floor++) {
    best = Math.min(best, 1 + Math.max(gameTrials(eggs - 1, low, floor), gameTrials(eggs, floor, high)));
  }
  return best;
}

describe('egg-drop suite', () => {
  it('reference (binomial sums) gives the known answers', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(eggDropBinomial(input), expected, name);
  });

  it('reference agrees with brute-force game search on 40 seeded small instances', () => {
    const rng = createRng(53);
    for (let trial = 0; trial < 40; trial++) {
      const eggs = rng.int(1, 3);
      const floors = rng.int(0, 11);
      // Floors 1..floors are in doubt: the egg survives floor 0 and the top floor + 1 counts as "breaks".
      assert.equal(
        eggDropBinomial({ eggs, floors }),
        gameTrials(eggs, 0, floors + 1),
        `${eggs} eggs, ${floors} floors`,
      );
    }
  });

  for (const [name, factory] of Object.entries(eggDrop.variants)) {
    it(`${name} gives the known answers`, () => {
      for (const [instance, input, expected] of GOLDEN) {
        if (name === 'naive' && input.floors > NAIVE_MAX_FLOORS) continue;
        assert.equal(factory(plainTools)(input), expected, instance);
      }
    });
  }

  it('maps size n to n floors with 3 eggs', () => {
    assert.deepEqual(eggDrop.input(250, createRng(5)), { eggs: 3, floors: 250 });
  });
});
