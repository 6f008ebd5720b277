import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchSize, estimateCallNs, perCallNs } from '../runners/batch.ts';

describe('batchSize()', () => {
  it('batches calls shorter than the target so a sample lasts about the target', () => {
    assert.equal(batchSize(100, 20_000), 200);
    assert.equal(batchSize(3, 20_000), 6667);
  });
  it('does not batch calls at or above the target', () => {
    assert.equal(batchSize(20_000, 20_000), 1);
    assert.equal(batchSize(1e9, 20_000), 1);
  });
  it('caps the batch', () => {
    assert.equal(batchSize(0.001, 20_000, 1000), 1000);
    assert.equal(batchSize(0, 20_000, 1000), 1000);
  });
});

describe('perCallNs()', () => {
  it('divides each sample (ms, whole batch) by the batch and converts to ns', () => {
    assert.deepEqual(perCallNs([0.02, 0.04], 200), [100, 200]);
    assert.deepEqual(perCallNs([1.5], 1), [1_500_000]);
  });
});

describe('estimateCallNs()', () => {
  it('calls at least twice and returns a positive time per call', () => {
    let calls = 0;
    const ns = estimateCallNs(() => {
      calls++;
    }, 0);
    assert.ok(calls >= 2);
    assert.ok(ns > 0);
  });
});
