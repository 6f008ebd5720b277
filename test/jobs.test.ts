import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shuffleRound } from '../runners/jobs.ts';

const ladders = Array.from({ length: 20 }, (_, i) => `ladder-${i}`);

describe('shuffleRound()', () => {
  it('orders every ladder once, the same way for the same seed and round', () => {
    const order = shuffleRound(ladders, 7, 1);
    assert.deepEqual([...order].sort(), [...ladders].sort());
    assert.deepEqual(shuffleRound(ladders, 7, 1), order);
    assert.deepEqual(ladders[0], 'ladder-0', 'the input is not reordered');
  });

  it('gives every round and every seed an order of its own', () => {
    const orders = [1, 2, 3].map((round) => shuffleRound(ladders, 7, round).join());
    assert.equal(new Set(orders).size, 3);
    assert.notEqual(shuffleRound(ladders, 8, 1).join(), shuffleRound(ladders, 7, 1).join());
  });
});
