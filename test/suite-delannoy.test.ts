import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { P } from '../suites/_modular.ts';
import delannoy, { centralDelannoyExact } from '../suites/delannoy.ts';

/** OEIS A001850, central Delannoy numbers D(n, n) for n = 0..23; D(23) is the first above 2^53. */
const A001850 = [
  1n,
  3n,
  13n,
  63n,
  321n,
  1683n,
  8989n,
  48639n,
  265729n,
  1462563n,
  8097453n,
  45046719n,
  251595969n,
  1409933619n,
  7923848253n,
  44642381823n,
  252055236609n,
  1425834724419n,
  8079317057869n,
  45849429914943n,
  260543813797441n,
  1482376214227923n,
  8443414161166173n,
  48141245001931263n,
];
const residue = (value: bigint): number => Number(value % BigInt(P));

describe('delannoy suite', () => {
  it('reference (sum of binomial(n, k)^2 2^k) matches OEIS A001850 exactly', () => {
    assert.deepEqual(
      A001850.map((_, n) => centralDelannoyExact(n)),
      A001850,
    );
    assert.ok(
      A001850[22]! < BigInt(Number.MAX_SAFE_INTEGER) && A001850[23]! > BigInt(Number.MAX_SAFE_INTEGER),
    );
  });

  for (const [name, factory] of Object.entries(delannoy.variants)) {
    it(`${name} matches OEIS A001850 modulo P`, () => {
      const limit = name === 'naive' ? 8 : A001850.length - 1;
      for (let n = 1; n <= limit; n++)
        assert.equal(factory(plainTools)(n), residue(A001850[n]!), `D(${n}, ${n})`);
      if (name !== 'naive') {
        assert.equal(factory(plainTools)(150), residue(centralDelannoyExact(150)), 'D(150, 150)');
      }
    });
  }

  it('an instance given another n does not reuse keys packed for the old width', () => {
    for (const name of ['map-packed', 'array', 'closure']) {
      const d = delannoy.variants[name]!(plainTools);
      assert.deepEqual(
        [5, 7, 5, 23].map((n) => d(n)),
        [5, 7, 5, 23].map((n) => residue(A001850[n]!)),
        name,
      );
    }
  });
});
