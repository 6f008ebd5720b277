import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import hofstadterQ, { hofstadterQForward } from '../suites/hofstadter-q.ts';

/** OEIS A005185, Q(1)..Q(74). */
const A005185 = [
  1, 1, 2, 3, 3, 4, 5, 5, 6, 6, 6, 8, 8, 8, 10, 9, 10, 11, 11, 12, 12, 12, 12, 16, 14, 14, 16, 16, 16, 16, 20,
  17, 17, 20, 21, 19, 20, 22, 21, 22, 23, 23, 24, 24, 24, 24, 24, 32, 24, 25, 30, 28, 26, 30, 30, 28, 32, 30,
  32, 32, 32, 32, 40, 33, 31, 38, 35, 33, 39, 40, 37, 38, 40, 39,
];
/** Rosetta Code, "Hofstadter Q sequence": Q(1000) = 502, and 49,798 terms up to Q(100,000) are below their predecessor. */
const Q1000 = 502;
const DROPS_TO_100000 = 49_798;

describe('hofstadter-q suite', () => {
  it('reference matches OEIS A005185 and Q(1000) = 502 (Rosetta Code)', () => {
    assert.deepEqual(
      A005185.map((_, i) => hofstadterQForward(i + 1)),
      A005185,
    );
    assert.equal(hofstadterQForward(1000), Q1000);
  });

  it('array, asked Q(1), ..., Q(100,000) in turn on one instance, has 49,798 drops (Rosetta Code)', () => {
    // In increasing order each call finds Q(n-1) and Q(n-2) cached, so the recursion stays shallow.
    const q = hofstadterQ.variants.array!(plainTools);
    let drops = 0;
    let previous = q(1);
    for (let n = 2; n <= 100_000; n++) {
      const current = q(n);
      if (current < previous) drops++;
      previous = current;
    }
    assert.equal(drops, DROPS_TO_100000);
    assert.equal(previous, hofstadterQForward(100_000));
  });

  for (const [name, factory] of Object.entries(hofstadterQ.variants)) {
    it(`${name} matches OEIS A005185`, () => {
      const limit = name === 'naive' ? 25 : A005185.length;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), A005185[n - 1], `Q(${n})`);
      if (name !== 'naive') assert.equal(factory(plainTools)(1000), Q1000, 'Q(1000)');
    });
  }

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(hofstadterQ.sequence, true);
    for (const name of ['closure', 'array']) {
      const q = hofstadterQ.variants[name]!(plainTools);
      assert.deepEqual(
        [10, 3, 74, 1000].map((n) => q(n)),
        [A005185[9], A005185[2], A005185[73], Q1000],
        name,
      );
    }
  });
});
