import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realStackOverflow } from './helpers.ts';
import { isStackOverflow, messageOf, UsageError } from '../lib/errors.ts';

describe('isStackOverflow()', () => {
  it('recognises a real stack overflow and nothing else', () => {
    const caught = realStackOverflow();
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
