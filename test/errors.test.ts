import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStackOverflow, messageOf, UsageError } from '../lib/errors.ts';

describe('isStackOverflow()', () => {
  it('recognises a real stack overflow and nothing else', () => {
    const down = (k: number): number => (k === 0 ? 0 : 1 + down(k - 1));
    let caught: unknown;
    try {
      down(1e8);
    } catch (error) {
      caught = error;
    }
    assert.equal(isStackOverflow(caught), true);
    assert.equal(isStackOverflow(new RangeError('Invalid array length')), false);
    assert.equal(isStackOverflow('Maximum call stack size exceeded'), false, 'a string is not the error');
  });
});

describe('messageOf()', () => {
  it('gives anything thrown as one line', () => {
    assert.equal(messageOf(new UsageError('bad\n  thing')), 'bad thing');
    assert.equal(messageOf(42), '42');
  });
});
