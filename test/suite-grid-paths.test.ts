import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import { P } from '../suites/_modular.ts';
import gridPaths, { centralBinomialExact } from '../suites/grid-paths.ts';

/** OEIS A000984, binomial(2n, n) for n = 0..20. */
const A000984 = [
  1n,
  2n,
  6n,
  20n,
  70n,
  252n,
  924n,
  3432n,
  12870n,
  48620n,
  184756n,
  705432n,
  2704156n,
  10400600n,
  40116600n,
  155117520n,
  601080390n,
  2333606220n,
  9075135300n,
  35345263800n,
  137846528820n,
];
/** A000984(30) = binomial(60, 30), above 2^53. */
const G30 = 118264581564861424n;
const residue = (value: bigint): number => Number(value % BigInt(P));

describe('grid-paths suite', () => {
  it('reference (closed form binomial(2n, n)) matches OEIS A000984', () => {
    assert.deepEqual(
      A000984.map((_, n) => centralBinomialExact(n)),
      A000984,
    );
    assert.equal(centralBinomialExact(30), G30);
    assert.equal(gridPaths.reference(30), residue(G30));
  });

  // Library-wrapping variants are audited separately (some defaults are wrong or exponential here).
  const handWritten = Object.entries(gridPaths.variants).filter(
    ([variant]) => gridPaths.libraries?.[variant] === undefined,
  );
  for (const [name, factory] of handWritten) {
    it(`${name} matches OEIS A000984 modulo P`, () => {
      const limit = name === 'naive' ? 11 : A000984.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), residue(A000984[n]!), `n = ${n}`);
      if (name !== 'naive') {
        assert.equal(factory(plainTools)(30), residue(G30), 'n = 30');
        assert.equal(factory(plainTools)(300), residue(centralBinomialExact(300)), 'n = 300');
      }
    });
  }

  it('an instance given another n does not reuse keys packed for the old width', () => {
    for (const name of ['map-packed', 'array', 'map-nested']) {
      const g = gridPaths.variants[name]!(plainTools);
      assert.deepEqual(
        [8, 10, 8, 20].map((n) => g(n)),
        [8, 10, 8, 20].map((n) => residue(A000984[n]!)),
        name,
      );
    }
  });
});
