import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import matrixChain, { matrixChainClrs } from '../suites/matrix-chain.ts';

/**
 * Textbook instances: CLRS (3rd ed.), section 15.2, Figure 15.5 (six matrices, 15125 scalar
 * multiplications; its sub-chain A2..A5 takes 7125), and Wikipedia's "Matrix chain multiplication"
 * (10×30, 30×5, 5×60: (AB)C takes 4500, A(BC) 27000).
 */
const GOLDEN: [string, number[], number][] = [
  ['CLRS Figure 15.5', [30, 35, 15, 5, 10, 20, 25], 15125],
  ['CLRS m[2, 5]', [35, 15, 5, 10, 20], 7125],
  ['Wikipedia ABC', [10, 30, 5, 60], 4500],
  ['one matrix', [7, 9], 0],
  ['two matrices', [2, 3, 4], 24],
];

/**
 * Brute force: every order of the n - 1 multiplications of neighbouring matrices ((n-1)! orders,
 * covering every parenthesization), simulated on the list of dimensions.
 */
function cheapestOrder(dims: readonly number[]): number {
  if (dims.length <= 2) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 1; k < dims.length - 1; k++) {
    // Multiplying the neighbours that share dimension dims[k] removes it from the list.
    const cost = dims[k - 1]! * dims[k]! * dims[k + 1]!;
    best = Math.min(best, cost + cheapestOrder([...dims.slice(0, k), ...dims.slice(k + 1)]));
  }
  return best;
}

describe('matrix-chain suite', () => {
  it('reference (CLRS MATRIX-CHAIN-ORDER) gives the textbook answers', () => {
    for (const [name, dims, expected] of GOLDEN) assert.equal(matrixChainClrs({ dims }), expected, name);
  });

  it('reference agrees with brute force over multiplication orders on 100 seeded chains of 1..7 matrices', () => {
    const rng = createRng(31);
    for (let trial = 0; trial < 100; trial++) {
      const dims = Array.from({ length: rng.int(2, 8) }, () => rng.int(1, 100));
      assert.equal(matrixChainClrs({ dims }), cheapestOrder(dims), `${dims}`);
    }
  });

  for (const [name, factory] of Object.entries(matrixChain.variants)) {
    it(`${name} gives the textbook answers`, () => {
      for (const [instance, dims, expected] of GOLDEN)
        assert.equal(factory(plainTools)({ dims }), expected, instance);
    });
  }

  it('generates the same dimensions for the same seed: n + 1 of them, from 5..100', () => {
    const first = matrixChain.input(40, createRng(5));
    assert.deepEqual(matrixChain.input(40, createRng(5)), first);
    assert.equal(first.dims.length, 41);
    assert.ok(first.dims.every((d) => Number.isInteger(d) && d >= 5 && d <= 100));
  });
});
