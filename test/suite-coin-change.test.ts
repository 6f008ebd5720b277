import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import coinChange, { type CoinChangeInput, coinWaysEuler } from '../suites/coin-change.ts';

const P = 1_000_000_007;

/**
 * Known counts: SICP section 1.2.2 (292 ways to change a dollar into half-dollars, quarters, dimes,
 * nickels and pennies), Project Euler 31 (73682 ways to make £2 from the eight UK coins), and the
 * examples of LeetCode 518, "Coin Change II".
 */
const GOLDEN: [string, CoinChangeInput, number][] = [
  ['SICP 1.2.2', { coins: [1, 5, 10, 25, 50], amount: 100 }, 292],
  ['Project Euler 31', { coins: [1, 2, 5, 10, 20, 50, 100, 200], amount: 200 }, 73682],
  ['LeetCode 518, example 1', { coins: [1, 2, 5], amount: 5 }, 4],
  ['LeetCode 518, example 2', { coins: [2], amount: 3 }, 0],
  ['LeetCode 518, example 3', { coins: [10], amount: 10 }, 1],
  ['amount 0', { coins: [3, 7], amount: 0 }, 1],
];

/** Brute force: every choice of how many of each coin, counted when they add up exactly. */
function countByMultiplicities(coins: readonly number[], amount: number): number {
  const from = (index: number, left: number): number => {
    if (index === coins.length) return left === 0 ? 1 : 0;
    let ways = 0;
    for (let used = 0; used * coins[index]! <= left; used++)
      ways += from(index + 1, left - used * coins[index]!);
    return ways;
  };
  return from(0, amount);
}

/** The exact count in BigInt (the coin-by-coin table, one row kept), for amounts whose count passes 2^53. */
function exactCount(coins: readonly number[], amount: number): bigint {
  const ways = new Array<bigint>(amount + 1).fill(0n);
  ways[0] = 1n;
  for (const coin of coins) for (let a = coin; a <= amount; a++) ways[a] = ways[a]! + ways[a - coin]!;
  return ways[amount]!;
}

describe('coin-change suite', () => {
  it('reference (generating function) gives the known counts', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(coinWaysEuler(input), expected, name);
  });

  it('reference agrees with brute force over coin multiplicities on 150 seeded small instances', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 150; trial++) {
      const coins = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.int(1, 12)))];
      const amount = rng.int(0, 60);
      assert.equal(
        coinWaysEuler({ coins, amount }),
        countByMultiplicities(coins, amount),
        `${coins} / ${amount}`,
      );
    }
  });

  it('reference reduces exactly modulo P where the count passes 2^53', () => {
    const coins = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const exact = exactCount(coins, 2000);
    assert.ok(exact > BigInt(Number.MAX_SAFE_INTEGER));
    assert.equal(coinWaysEuler({ coins, amount: 2000 }), Number(exact % BigInt(P)));
  });

  for (const [name, factory] of Object.entries(coinChange.variants)) {
    it(`${name} gives the known counts`, () => {
      for (const [instance, input, expected] of GOLDEN)
        assert.equal(factory(plainTools)(input), expected, instance);
    });
  }

  it('every variant but naive reduces modulo P where the count passes P', () => {
    const coins = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const exact = exactCount(coins, 300);
    assert.ok(exact > BigInt(P));
    for (const [name, factory] of Object.entries(coinChange.variants)) {
      if (name !== 'naive')
        assert.equal(factory(plainTools)({ coins, amount: 300 }), Number(exact % BigInt(P)), name);
    }
  });

  it('generates the same coins for the same seed: 1 and five distinct values from 2..20, amount n', () => {
    const first = coinChange.input(500, createRng(5));
    assert.deepEqual(coinChange.input(500, createRng(5)), first);
    assert.equal(first.amount, 500);
    assert.equal(new Set(first.coins).size, 6);
    assert.equal(first.coins[0], 1);
    assert.ok(first.coins.slice(1).every((c) => c >= 2 && c <= 20));
  });
});
