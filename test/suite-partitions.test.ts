import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { P } from '../suites/_modular.ts';
import partitions, { partitionsPentagonal } from '../suites/partitions.ts';

/** OEIS A000041, p(0)..p(49). */
const A000041 = [
  1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176, 231, 297, 385, 490, 627, 792, 1002, 1255, 1575,
  1958, 2436, 3010, 3718, 4565, 5604, 6842, 8349, 10143, 12310, 14883, 17977, 21637, 26015, 31185, 37338,
  44583, 53174, 63261, 75175, 89134, 105558, 124754, 147273, 173525,
];
/** p(100) (A000041), p(200) (MacMahon's table, checked by Hardy and Ramanujan, 1918), p(1000) (A000041 b-file). */
const P100 = 190569292n;
const P200 = 3972999029388n;
const P1000 = 24061467864032622473692149727991n;
const residue = (value: bigint): number => Number(value % BigInt(P));

describe('partitions suite', () => {
  it('reference (pentagonal number theorem) matches OEIS A000041 and the classical large values', () => {
    assert.deepEqual(
      A000041.map((_, n) => partitionsPentagonal(n)),
      A000041.map(BigInt),
    );
    assert.equal(partitionsPentagonal(100), P100);
    assert.equal(partitionsPentagonal(200), P200);
    assert.equal(partitionsPentagonal(1000), P1000);
    assert.equal(partitions.reference(1000), residue(P1000));
  });

  for (const [name, factory] of Object.entries(partitions.variants)) {
    it(`${name} matches OEIS A000041 modulo P`, () => {
      const limit = name === 'naive' ? 30 : A000041.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), A000041[n], `p(${n})`);
      if (name !== 'naive') {
        assert.equal(factory(plainTools)(100), Number(P100), 'p(100), below P');
        assert.equal(factory(plainTools)(200), residue(P200), 'p(200)');
      }
      // p(1000) has about 10^6 states: quick only for the typed-array memo and the tabulation.
      if (name === 'array' || name === 'bottom-up')
        assert.equal(factory(plainTools)(1000), residue(P1000), 'p(1000)');
    });
  }

  it('an instance given another n does not reuse keys packed for the old width', () => {
    for (const name of ['map-packed', 'array', 'dict']) {
      const p = partitions.variants[name]!(plainTools);
      assert.deepEqual(
        [20, 30, 20, 49].map((n) => p(n)),
        [20, 30, 20, 49].map((n) => A000041[n]),
        name,
      );
    }
  });
});
