import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import coinChangeMin, { type CoinChangeMinInput, fewestCoinsBfs } from '../suites/coin-change-min.ts';

/** British pre-decimal coins in pence, the greedy-fails example of John Burkardt's CHANGE_MAKING notes. */
const BRITISH = [1, 2, 6, 12, 24, 48, 60];

/**
 * Known answers: the examples of LeetCode 322, "Coin Change" (11 from 1, 2, 5 takes 3 coins; 3 from
 * a lone 2 is impossible; 0 takes none); the British system, where 96 takes 48 + 48 although greedy
 * pays 60 + 24 + 12; Burkardt's system 20, 25, 40, which cannot make 30; and 6 from 1, 3, 4, where
 * greedy pays 4 + 1 + 1 but 3 + 3 suffices.
 */
const GOLDEN: [string, CoinChangeMinInput, number][] = [
  ['LeetCode 322, example 1', { coins: [1, 2, 5], amount: 11 }, 3],
  ['LeetCode 322, example 2', { coins: [2], amount: 3 }, -1],
  ['LeetCode 322, example 3', { coins: [1], amount: 0 }, 0],
  ['1, 3, 4 make 6', { coins: [1, 3, 4], amount: 6 }, 2],
  ['British 96d', { coins: BRITISH, amount: 96 }, 2],
  ['20, 25, 40 cannot make 30', { coins: [20, 25, 40], amount: 30 }, -1],
  ['20, 25, 40 make 65', { coins: [20, 25, 40], amount: 65 }, 2],
];

/** The naive recursion is exponential in the amount; it is checked on the golden amounts up to this. */
const NAIVE_MAX_AMOUNT = 30;

/** Brute force: every choice of how many of each coin; the fewest coins among exact ones, or -1. */
function fewestByMultiplicities(coins: readonly number[], amount: number): number {
  const from = (index: number, left: number): number => {
    if (index === coins.length) return left === 0 ? 0 : Number.POSITIVE_INFINITY;
    let best = Number.POSITIVE_INFINITY;
    for (let used = 0; used * coins[index]! <= left; used++) {
      best = Math.min(best, used + from(index + 1, left - used * coins[index]!));
    }
    return best;
  };
  const best = from(0, amount);
  return best === Number.POSITIVE_INFINITY ? -1 : best;
}

describe('coin-change-min suite', () => {
  it('reference (breadth-first search) gives the known answers', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(fewestCoinsBfs(input), expected, name);
  });

  it('reference agrees with brute force over coin multiplicities on 200 seeded small instances', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      // Coins drawn from 2..15 as often as from 1..15, so impossible amounts occur too.
      const smallest = rng.int(1, 2);
      const coins = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.int(smallest, 15)))];
      const amount = rng.int(0, 60);
      assert.equal(
        fewestCoinsBfs({ coins, amount }),
        fewestByMultiplicities(coins, amount),
        `${coins} / ${amount}`,
      );
    }
  });

  for (const [name, factory] of Object.entries(coinChangeMin.variants)) {
    it(`${name} gives the known answers`, () => {
      for (const [instance, input, expected] of GOLDEN) {
        if (name === 'naive' && input.amount > NAIVE_MAX_AMOUNT) continue;
        assert.equal(factory(plainTools)(input), expected, instance);
      }
    });
  }

  it('generates the same coins for the same seed: 1, 3 and one coin from each band, amount n', () => {
    const first = coinChangeMin.input(500, createRng(5));
    assert.deepEqual(coinChangeMin.input(500, createRng(5)), first);
    assert.equal(first.amount, 500);
    const [one, three, fourth, fifth, sixth] = first.coins;
    assert.deepEqual([one, three], [1, 3]);
    assert.ok(fourth! >= 4 && fourth! <= 7 && fifth! >= 8 && fifth! <= 15 && sixth! >= 16 && sixth! <= 31);
  });
});
