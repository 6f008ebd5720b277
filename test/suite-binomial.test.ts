import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import { P } from '../suites/_modular.ts';
import binomial, { binomialExact } from '../suites/binomial.ts';

/** OEIS A001405, binomial(n, floor(n/2)) for n = 0..20. */
const A001405 = [
  1, 1, 2, 3, 6, 10, 20, 35, 70, 126, 252, 462, 924, 1716, 3432, 6435, 12870, 24310, 48620, 92378, 184756,
];
/** binomial(60, 30) (OEIS A000984(30)): above 2^53, so only its residue can be a Number answer. */
const C60_30 = 118264581564861424n;
const residue = (value: bigint): number => Number(value % BigInt(P));
const factorial = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * factorial(n - 1));
const input = (n: number) => binomial.input(n, createRng(0));

describe('binomial suite', () => {
  it('binomial(60, 30) = 118264581564861424, checked as 60! / (30! 30!) in BigInt', () => {
    assert.equal(factorial(60) / (factorial(30) * factorial(30)), C60_30);
    assert.ok(C60_30 > BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('reference (multiplicative formula) matches OEIS A001405 and binomial(60, 30)', () => {
    assert.deepEqual(
      A001405.map((_, n) => binomialExact(n, Math.floor(n / 2))),
      A001405.map(BigInt),
    );
    assert.equal(binomialExact(60, 30), C60_30);
    assert.equal(binomial.reference(input(60)), residue(C60_30));
  });

  for (const [name, factory] of Object.entries(binomial.variants)) {
    it(`${name} matches OEIS A001405 and binomial(60, 30) modulo P`, () => {
      for (let n = 1; n < A001405.length; n++)
        assert.equal(factory(plainTools)(input(n)), A001405[n], `n = ${n}`);
      if (name !== 'naive') {
        assert.equal(factory(plainTools)(input(60)), residue(C60_30), 'binomial(60, 30)');
        assert.equal(factory(plainTools)(input(501)), residue(binomialExact(501, 250)), 'binomial(501, 250)');
      }
    });
  }

  it('an instance given another n does not reuse keys packed for the old width', () => {
    for (const name of ['map-packed', 'array', 'map']) {
      const c = binomial.variants[name]!(plainTools);
      assert.deepEqual(
        [16, 17, 20, 16].map((n) => c(input(n))),
        [16, 17, 20, 16].map((n) => A001405[n]),
        name,
      );
    }
  });
});
