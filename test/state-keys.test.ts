import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packingOf, stringKeyOf } from '../lib/state-keys.ts';
import type { StateArg } from '../lib/types.ts';

describe('stringKeyOf()', () => {
  it('joins Number states with "," as people write the key', () => {
    assert.equal(stringKeyOf(true, 1)([12]), '12');
    assert.equal(stringKeyOf(true, 2)([3, 4]), '3,4');
    assert.equal(stringKeyOf(true, 3)([3, 4.5, -1]), '3,4.5,-1');
  });

  it('writes each argument with its type otherwise, so different states never share a key', () => {
    const key = stringKeyOf(false, 2);
    const states: StateArg[][] = [
      ['a,b', 'c'],
      ['a', 'b,c'],
      [1, 'x'],
      ['1', 'x'],
      [1n, 'x'],
      [true, 'x'],
      ['true', 'x'],
    ];
    const keys = states.map(key);
    assert.equal(new Set(keys).size, states.length, keys.join(' | '));
    assert.equal(key(['a,b', 'c']), '"a,b","c"');
  });
});

describe('packingOf()', () => {
  it('numbers the states within the bounds row-major, from 0 to cells - 1', () => {
    const packing = packingOf([
      { kinds: ['integer'], min: 1, max: 3 },
      { kinds: ['integer'], min: -2, max: 2 },
    ]);
    assert.ok(packing !== undefined);
    assert.equal(packing.cells, 15);
    const indices = [];
    for (let i = 1; i <= 3; i++) for (let j = -2; j <= 2; j++) indices.push(packing.index([i, j]));
    assert.deepEqual(
      indices,
      Array.from({ length: 15 }, (_, k) => k),
    );
  });

  it('packs three arguments and one the same way', () => {
    const three = packingOf([0, 1, 2].map(() => ({ kinds: ['integer' as const], min: 0, max: 2 })))!;
    assert.deepEqual(
      [three.cells, three.index([0, 0, 0]), three.index([1, 2, 0]), three.index([2, 2, 2])],
      [27, 0, 15, 26],
    );
    const one = packingOf([{ kinds: ['integer'], min: 5, max: 9 }])!;
    assert.deepEqual([one.cells, one.index([5]), one.index([9])], [5, 0, 4]);
  });

  it('refuses states that are not all integers or too many to number exactly', () => {
    assert.equal(packingOf([{ kinds: ['string'], min: null, max: null }]), undefined);
    const huge = { kinds: ['integer' as const], min: 0, max: 2 ** 30 };
    assert.equal(packingOf([huge, huge]), undefined);
  });
});
