import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slowCountingReason } from '../runners/counting-step.ts';

// The counting step inside a climb (counts, known counts, instance modes carried up the ladder) is
// tested through climbLadder in test/ladder.test.ts.
describe('slowCountingReason()', () => {
  it('predicts the instrumented pass from the last counted size only when one exists', () => {
    assert.equal(slowCountingReason(undefined, 1e6, 50), undefined);
    assert.equal(slowCountingReason({ n: 10, slowdown: 10 }, 100, 50), undefined);
    assert.match(slowCountingReason({ n: 10, slowdown: 11 }, 100, 50) ?? '', /about 1\.10e\+3 ms/);
    // A 0 ms call still predicts a positive time (taken as 0.01 ms).
    assert.match(slowCountingReason({ n: 1, slowdown: 2e6 }, 0, 50) ?? '', /about 2\.00e\+4 ms/);
  });
});
