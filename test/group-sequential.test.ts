import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { boundaries, GRID_POINTS, spentAlpha, studentBoundary } from '../checks/group-sequential.ts';
import { createRng } from '../lib/random.ts';
import { standardNormalCdf, studentQuantileTwoSided } from '../lib/special.ts';
import type { SpendingFunction } from '../lib/types.ts';
import { gaussian } from './checks-synthetic.ts';

/** rpact 3.3.4's boundaries (test/fixtures/reference/rpact-boundaries.R produced this file). */
interface Reference {
  spending: SpendingFunction;
  alpha: number;
  fractions: number[];
  z: number[];
}
const REFERENCES = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'reference', 'rpact-boundaries.json'), 'utf8'),
) as Reference[];

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}${actual} is not within ${tolerance} of ${expected}`,
  );

describe('spentAlpha()', () => {
  it('spends the O’Brien-Fleming and Pocock types as Lan and DeMets define them', () => {
    // Each side 2 - 2 Phi(z_0.0125 / sqrt(0.25)) = 2 Phi(-4.482803), and 0.05 ln(1 + (e - 1) / 4).
    close(spentAlpha('obrien-fleming', 0.05, 0.25), 4 * standardNormalCdf(-2.241402728 / 0.5), 1e-12);
    close(spentAlpha('pocock', 0.05, 0.25), 0.05 * Math.log(1 + (Math.E - 1) / 4), 1e-15);
    assert.equal(spentAlpha('obrien-fleming', 0.05, 1), 0.05);
    assert.equal(spentAlpha('pocock', 0.05, 1), 0.05);
    close(spentAlpha('obrien-fleming', 0.05, 0.999999), 0.05, 1e-6);
    assert.ok(spentAlpha('obrien-fleming', 0.05, 0.5) < spentAlpha('pocock', 0.05, 0.5));
  });
});

describe('boundaries()', () => {
  for (const reference of REFERENCES) {
    it(`matches rpact: ${reference.spending}, alpha ${reference.alpha}, fractions ${reference.fractions.map((t) => t.toFixed(3)).join(' ')}`, () => {
      const z = boundaries(reference.spending, reference.alpha, reference.fractions);
      assert.equal(z.length, reference.z.length);
      z.forEach((value, k) => {
        close(value, reference.z[k] as number, 2e-5, `look ${k + 1}: `);
      });
    });
  }

  it('is the fixed-sample critical value with one look at the end', () => {
    close(boundaries('pocock', 0.05, [1])[0] as number, 1.959964, 1e-6);
  });

  it('crosses some boundary with probability alpha when nothing changed (seeded Brownian motion)', () => {
    const fractions = [4 / 12, 6 / 12, 8 / 12, 10 / 12, 1];
    const z = boundaries('obrien-fleming', 0.05, fractions);
    const rng = createRng(11);
    const trials = 40_000;
    let crossed = 0;
    for (let trial = 0; trial < trials; trial++) {
      let sum = 0;
      let previous = 0;
      for (let k = 0; k < fractions.length; k++) {
        const t = fractions[k] as number;
        sum += Math.sqrt(t - previous) * gaussian(rng);
        previous = t;
        if (Math.abs(sum / Math.sqrt(t)) >= (z[k] as number)) {
          crossed++;
          break;
        }
      }
    }
    // 0.05 ± 3 binomial standard errors (0.0033).
    close(crossed / trials, 0.05, 0.0033);
  });

  it('gives an infinite boundary to a look that spends nothing, and refuses fractions that do not rise', () => {
    assert.equal(boundaries('obrien-fleming', 1e-300, [0.01, 1])[0], Number.POSITIVE_INFINITY);
    // A later look that spends nothing too, after a look whose region was cut at MAX_Z.
    const late = boundaries('obrien-fleming', 1e-300, [0.01, 0.02, 1]);
    assert.deepEqual(late.slice(0, 2), [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    assert.ok(Number.isFinite(late[2]));
    assert.throws(
      () => boundaries('pocock', 0.05, [0.5, 0.5]),
      /^RangeError: information fractions must rise within \(0, 1\]: 0.5, 0.5$/,
    );
    assert.throws(() => boundaries('pocock', 0.05, [0, 1]), RangeError);
    assert.throws(() => boundaries('pocock', 0.05, [0.5, 1.5]), RangeError);
    assert.ok(GRID_POINTS % 2 === 1, 'Simpson needs an odd number of points');
  });

  it('returns the same boundaries for the same question (cached)', () => {
    const first = boundaries('pocock', 0.01, [0.5, 1]);
    assert.equal(boundaries('pocock', 0.01, [0.5, 1]), first);
    // Another question whose fractions read alike without their separator is not the same one.
    assert.equal(boundaries('pocock', 0.01, [0.51]).length, 1);
  });
});

describe('studentBoundary()', () => {
  it('keeps the nominal two-sided level of the z boundary at df degrees of freedom', () => {
    close(studentBoundary(1.959964, 10), 2.228139, 1e-5);
    close(studentBoundary(3.0, 4), studentQuantileTwoSided(2 * standardNormalCdf(-3), 4), 1e-12);
    assert.equal(studentBoundary(Number.POSITIVE_INFINITY, 4), Number.POSITIVE_INFINITY);
  });
});
