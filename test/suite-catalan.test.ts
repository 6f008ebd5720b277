import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { mulMod, P } from '../suites/_modular.ts';
import catalan, { catalanExact } from '../suites/catalan.ts';

/** OEIS A000108, C(0)..C(30); C(30) = 3,814,986,502,092,304 is still below 2^53, the residues are not. */
const A000108 = [
  1n,
  1n,
  2n,
  5n,
  14n,
  42n,
  132n,
  429n,
  1430n,
  4862n,
  16796n,
  58786n,
  208012n,
  742900n,
  2674440n,
  9694845n,
  35357670n,
  129644790n,
  477638700n,
  1767263190n,
  6564120420n,
  24466267020n,
  91482563640n,
  343059613650n,
  1289904147324n,
  4861946401452n,
  18367353072152n,
  69533550916004n,
  263747951750360n,
  1002242216651368n,
  3814986502092304n,
];
const residue = (value: bigint): number => Number(value % BigInt(P));

describe('catalan suite', () => {
  it('reference (binomial formula) matches OEIS A000108 exactly', () => {
    assert.deepEqual(
      A000108.map((_, n) => catalanExact(n)),
      A000108,
    );
    assert.equal(catalan.reference(30), residue(A000108[30]!));
  });

  it('mulMod is exact where the plain product of two residues passes 2^53', () => {
    const cases: [number, number][] = [
      [P - 1, P - 1],
      [P - 1, 32768],
      [123456789, 987654321],
      [2 ** 29 + 12345, 2 ** 29 - 1],
    ];
    for (const [a, b] of cases) assert.equal(mulMod(a, b), residue(BigInt(a) * BigInt(b)), `${a} * ${b}`);
  });

  for (const [name, factory] of Object.entries(catalan.variants)) {
    it(`${name} matches OEIS A000108 modulo P`, () => {
      const limit = name === 'naive' ? 11 : A000108.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), residue(A000108[n]!), `C(${n})`);
      if (name !== 'naive') assert.equal(factory(plainTools)(300), residue(catalanExact(300)), 'C(300)');
    });
  }

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(catalan.sequence, true);
    for (const name of ['map', 'array']) {
      const c = catalan.variants[name]!(plainTools);
      assert.deepEqual(
        [10, 4, 30, 200].map((n) => c(n)),
        [10, 4, 30, 200].map((n) => residue(catalanExact(n))),
        name,
      );
    }
  });
});
