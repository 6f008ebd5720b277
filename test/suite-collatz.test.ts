import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import collatz, { collatzStep, stoppingTime } from '../suites/collatz.ts';

/** OEIS A006577, stopping times of 1..27 (27 takes 111 steps). */
const A006577 = [
  0, 1, 7, 2, 5, 8, 16, 3, 19, 6, 14, 9, 9, 17, 17, 4, 12, 20, 20, 7, 7, 15, 15, 10, 23, 10, 111,
];
/**
 * Longest chain among the starts up to n, from the record setters OEIS A006877 (with their step
 * counts A006878): 97 (118 steps) below 100, 871 (178) below 1000, 6171 (261) below 10^4, 77031
 * (350) below 10^5. Project Euler 14: below one million, 837799 (524 steps).
 */
const LONGEST: [n: number, start: number][] = [
  [1, 1],
  [2, 2],
  [3, 3],
  [10, 9],
  [27, 27],
  [100, 97],
  [1_000, 871],
  [10_000, 6171],
];
const PROJECT_EULER_14: [n: number, start: number] = [999_999, 837_799];

describe('collatz suite', () => {
  it('stopping times match OEIS A006577 and the record step counts of A006878', () => {
    assert.deepEqual(
      A006577.map((_, i) => stoppingTime(i + 1)),
      A006577,
    );
    assert.deepEqual([97, 871, 6171, 77031, 837799].map(stoppingTime), [118, 178, 261, 350, 524]);
  });

  it('collatzStep is exact past 2^31, where bitwise parity is still right', () => {
    assert.equal(collatzStep(2 ** 40 + 1), 3 * (2 ** 40 + 1) + 1);
    assert.equal(collatzStep(2 ** 40 + 2), 2 ** 39 + 1);
    assert.equal(collatzStep(60342610919632), 30171305459816);
  });

  it('reference answers the A006877 records and Project Euler 14 (837799)', () => {
    for (const [n, start] of [...LONGEST, PROJECT_EULER_14]) {
      assert.equal(collatz.reference(n), start, `n = ${n}`);
    }
  });

  for (const [name, factory] of Object.entries(collatz.variants)) {
    it(`${name} answers the A006877 records`, () => {
      for (const [n, start] of LONGEST) assert.equal(factory(plainTools)(n), start, `n = ${n}`);
    });
  }

  it('bottom-up and array answer 77031 below 10^5 and Project Euler 14 (837799)', () => {
    for (const name of ['bottom-up', 'array']) {
      for (const [n, start] of [[100_000, 77_031], PROJECT_EULER_14] as const) {
        assert.equal(collatz.variants[name]!(plainTools)(n), start, `${name} at n = ${n}`);
      }
    }
  });

  it('one instance answers a sequence of sizes from one cache (sequence: true)', () => {
    assert.equal(collatz.sequence, true);
    for (const name of ['dict', 'array']) {
      const longest = collatz.variants[name]!(plainTools);
      assert.deepEqual(
        LONGEST.map(([n]) => longest(n)),
        LONGEST.map(([, start]) => start),
        name,
      );
    }
  });
});
