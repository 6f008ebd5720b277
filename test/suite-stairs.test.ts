import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { P } from '../suites/_modular.ts';
import stairs, { stairsMatrixPower } from '../suites/stairs.ts';

/**
 * OEIS A000073 (tribonacci, a(0) = a(1) = 0, a(2) = 1), a(0)..a(37). The ways to climb n stairs
 * are W(n) = a(n + 2): W(0) = a(2) = 1, W(3) = a(5) = 4 (1+1+1, 1+2, 2+1, 3).
 */
const A000073 = [
  0, 0, 1, 1, 2, 4, 7, 13, 24, 44, 81, 149, 274, 504, 927, 1705, 3136, 5768, 10609, 19513, 35890, 66012,
  121415, 223317, 410744, 755476, 1389537, 2555757, 4700770, 8646064, 15902591, 29249425, 53798080, 98950096,
  181997601, 334745777, 615693474, 1132436852,
];
/** W(n) for n = 1..35, reduced mod P: a(37) = 1,132,436,852 is the first term above P. */
const WAYS = A000073.slice(3).map((a) => a % P);

describe('stairs suite', () => {
  it('reference matches OEIS A000073 with the offset W(n) = a(n + 2), reduced mod P', () => {
    assert.deepEqual(
      WAYS.map((_, i) => stairsMatrixPower(i + 1)),
      WAYS,
    );
    assert.equal(stairsMatrixPower(35), 1132436852 - P);
  });

  for (const [name, factory] of Object.entries(stairs.variants)) {
    it(`${name} matches OEIS A000073`, () => {
      const limit = name === 'naive' ? 22 : WAYS.length;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), WAYS[n - 1], `W(${n})`);
      if (name !== 'naive') assert.equal(factory(plainTools)(1_000), stairsMatrixPower(1_000), 'W(1000)');
    });
  }

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(stairs.sequence, true);
    for (const name of ['dict', 'array']) {
      const ways = stairs.variants[name]!(plainTools);
      assert.deepEqual(
        [10, 3, 30, 500].map((n) => ways(n)),
        [10, 3, 30, 500].map(stairsMatrixPower),
        name,
      );
    }
  });
});
