import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StateStore } from '../lib/state-store.ts';

describe('StateStore', () => {
  it('keeps states apart that any derived key could confuse', () => {
    const store = new StateStore<string>(2);
    store.set([1, 'x'], 'number');
    store.set(['1', 'x'], 'string');
    store.set([1n, 'x'], 'bigint');
    store.set(['a,b', 'c'], 'comma left');
    store.set(['a', 'b,c'], 'comma right');
    assert.deepEqual(
      [
        store.get([1, 'x']),
        store.get(['1', 'x']),
        store.get([1n, 'x']),
        store.get(['a,b', 'c']),
        store.get(['a', 'b,c']),
      ],
      ['number', 'string', 'bigint', 'comma left', 'comma right'],
    );
    assert.equal(store.get([2, 'x']), undefined);
  });

  it('deletes one state and leaves its neighbours', () => {
    const store = new StateStore<number>(3);
    store.set([1, 2, 3], 123);
    store.set([1, 2, 4], 124);
    store.delete([1, 2, 3]);
    store.delete([9, 9, 9]);
    assert.deepEqual([store.get([1, 2, 3]), store.get([1, 2, 4])], [undefined, 124]);
    const single = new StateStore<number>(1);
    single.set([7], 49);
    assert.equal(single.get([7]), 49);
  });
});
