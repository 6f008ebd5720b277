import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStackOverflow } from '../lib/errors.ts';
import { plainTools } from '../lib/tools.ts';
import ackermann, { ackermannClosedForm } from '../suites/ackermann.ts';

/**
 * A(3, n) for n = 0..8, the m = 3 row of the table of values in Ackermann function articles
 * (Wikipedia, "Ackermann function"; Péter's two-argument form): 5, 13, 29, 61, 125, ...
 */
const ROW_3 = [5, 13, 29, 61, 125, 253, 509, 1021, 2045];
/** Variants that recurse through the call stack with a cache. */
const MEMOIZED_TOP_DOWN = ['dict', 'map', 'closure', 'map-packed', 'map-nested', 'array'];

describe('ackermann suite', () => {
  it('reference (closed form) matches the table of A(3, n)', () => {
    assert.deepEqual(
      ROW_3.map((_, n) => ackermannClosedForm(n)),
      ROW_3,
    );
    assert.equal(ackermannClosedForm(20), 8_388_605);
  });

  for (const [name, factory] of Object.entries(ackermann.variants)) {
    it(`${name} matches the table of A(3, n)`, () => {
      const limit = name === 'naive' || name === 'explicit-stack' ? 6 : ROW_3.length - 1;
      for (let n = 1; n <= limit; n++) assert.equal(factory(plainTools)(n), ROW_3[n], `A(3, ${n})`);
    });
  }

  it('bottom-up (Grossman–Zeitman) needs no stack: A(3, 20) = 8,388,605', () => {
    assert.equal(ackermann.variants['bottom-up'](plainTools)(20), 8_388_605);
  });

  it('memoized top-down variants overflow the stack at n = 16, on the default ladder (the suite’s finding)', () => {
    // About 2^17 nested calls; V8's default stack holds about 10^4 frames.
    assert.ok(ackermann.sizes.default.includes(16));
    for (const name of MEMOIZED_TOP_DOWN) {
      assert.throws(() => ackermann.variants[name]!(plainTools)(16), isStackOverflow, name);
    }
  });

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(ackermann.sequence, true);
    for (const name of ['map-packed', 'array']) {
      const a = ackermann.variants[name]!(plainTools);
      assert.deepEqual(
        [3, 1, 8, 10].map((n) => a(n)),
        [3, 1, 8, 10].map(ackermannClosedForm),
        name,
      );
    }
  });
});
