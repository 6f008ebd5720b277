import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realStackOverflow } from './helpers.ts';
import { answerText, checkAnswer, classifyError } from '../runners/verify.ts';

describe('answerText()', () => {
  it('keeps BigInt distinct from Number', () => {
    assert.equal(answerText(5), '5');
    assert.equal(answerText(5n), '5n');
    assert.equal(answerText(12345678901234567890n), '12345678901234567890n');
  });
});

describe('checkAnswer()', () => {
  it('accepts the reference answer', () => {
    assert.deepEqual(checkAnswer('5', '5', new Map()), { ok: true });
  });
  it('names the variants that agree with the reference and those that gave the same wrong answer', () => {
    const others = new Map([
      ['naive', '5'],
      ['dict', '6'],
    ]);
    const verdict = checkAnswer('6', '5', others);
    assert.equal(verdict.ok, false);
    assert.equal(
      !verdict.ok && verdict.message,
      'expected 5 (reference), got 6; naive agree with the reference; dict gave the same answer',
    );
  });
});

describe('classifyError()', () => {
  it('classifies a real stack overflow as stack-overflow, anything else as error', () => {
    const caught = realStackOverflow();
    assert.equal(classifyError(caught).status, 'stack-overflow');
    assert.equal(classifyError(new RangeError('Invalid array length')).status, 'error');
    assert.deepEqual(classifyError(new Error('bad\nthing')), { status: 'error', message: 'bad thing' });
  });
});
