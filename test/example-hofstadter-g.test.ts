import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import hofstadterG, { hofstadterGClosedForm } from '../examples/hofstadter-g.ts';
import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';

/** OEIS A005206, G(0) to G(24). */
const A005206 = [0, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8, 8, 9, 9, 10, 11, 11, 12, 12, 13, 14, 14, 15];

describe('examples/hofstadter-g.ts', () => {
  it('the closed form gives OEIS A005206', () => {
    assert.deepEqual(
      A005206.map((_, n) => hofstadterGClosedForm(n)),
      A005206,
    );
  });

  it('the closed form equals the recurrence, evaluated without a cache and with one', () => {
    for (const n of [0, 1, 24, 25, 30]) {
      const input = hofstadterG.input(n, rngFor(1, hofstadterG.id, n));
      assert.equal(hofstadterG.variants.naive!(plainTools)(input), hofstadterGClosedForm(n), `n = ${n}`);
    }
    for (const n of [1_000, 100_000]) {
      const input = hofstadterG.input(n, rngFor(1, hofstadterG.id, n));
      assert.equal(input.shape?.answer, hofstadterGClosedForm(n), `n = ${n}`);
    }
  });
});
