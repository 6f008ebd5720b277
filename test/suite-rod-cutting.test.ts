import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import rodCutting, { CLRS_PRICES, rodRevenueMaxPlus } from '../suites/rod-cutting.ts';

/** CLRS (3rd ed.), section 15.1: the optimal revenues r_1..r_10 for the price table of Figure 15.1. */
const CLRS_REVENUES = [1, 5, 8, 10, 13, 17, 18, 22, 25, 30];

/** Brute force: every set of cut positions (2^(n-1) of them), the best total price. */
function bestOverCuts(prices: readonly number[], length: number): number {
  if (length === 0) return 0;
  let best = 0;
  for (let cuts = 0; cuts < 1 << (length - 1); cuts++) {
    let revenue = 0;
    let pieceStart = 0;
    for (let position = 1; position <= length; position++) {
      // Bit position-1 set means a cut after `position` units; the rod's end always closes a piece.
      if (position === length || cuts & (1 << (position - 1))) {
        revenue += prices[position - pieceStart - 1]!;
        pieceStart = position;
      }
    }
    best = Math.max(best, revenue);
  }
  return best;
}

describe('rod-cutting suite', () => {
  it('reference (max-plus powers) gives CLRS r_1..r_10', () => {
    assert.deepEqual(
      CLRS_REVENUES.map((_, index) => rodRevenueMaxPlus({ prices: [...CLRS_PRICES], length: index + 1 })),
      CLRS_REVENUES,
    );
  });

  it('reference agrees with brute force over all cuts on 100 seeded rods of length 0..14', () => {
    const rng = createRng(23);
    for (let trial = 0; trial < 100; trial++) {
      const length = rng.int(0, 14);
      const prices = Array.from({ length }, (_, index) => rng.int(0, 4 * (index + 1)));
      assert.equal(rodRevenueMaxPlus({ prices, length }), bestOverCuts(prices, length), `${prices}`);
    }
  });

  for (const [name, factory] of Object.entries(rodCutting.variants)) {
    it(`${name} gives CLRS r_1..r_10`, () => {
      assert.deepEqual(
        CLRS_REVENUES.map((_, index) => factory(plainTools)({ prices: [...CLRS_PRICES], length: index + 1 })),
        CLRS_REVENUES,
      );
    });
  }

  it('uses the CLRS prices up to length 10 and seeded prices from 2.5 i to 3.5 i beyond', () => {
    assert.deepEqual(rodCutting.input(7, createRng(5)).prices, CLRS_PRICES.slice(0, 7));
    const long = rodCutting.input(200, createRng(5));
    assert.deepEqual(rodCutting.input(200, createRng(5)), long);
    assert.equal(long.length, 200);
    assert.deepEqual(long.prices.slice(0, 10), CLRS_PRICES);
    long.prices.forEach((price, index) => {
      const length = index + 1;
      if (length > 10) assert.ok(price >= Math.floor(2.5 * length) && price <= Math.floor(3.5 * length));
    });
  });
});
